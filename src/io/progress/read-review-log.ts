import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { fileKind, mebibytes } from '../file-kind.js';
import { parseLogLine, type LogEntry } from '../../core/quiz/progress/log-entry.js';

/**
 * The largest review log swelearn reads: 512 MiB is about 1.7 million answers (300 bytes a line), decades
 * of heavy study, and still replays within the memory Node gives a process; past it the file is far more
 * likely to be the wrong file (a device, a disk image) than a log, and reading it would only exhaust memory.
 */
export const MAX_REVIEW_LOG_BYTES = 512 * 1024 * 1024;

// Read a megabyte at a time: the log is never held as one string, and a line split by a chunk is carried over as bytes.
const CHUNK_BYTES = 1024 * 1024;

/** A line of the review log that cannot be used; it stays in the file untouched. */
export interface LogProblem {
  /** 1-based line number. */
  line: number;
  kind: 'torn' | 'corrupt' | 'newer';
  reason: string;
}

/** The review log as read from disk. */
export interface ReviewLogContents {
  path: string;
  exists: boolean;
  entries: LogEntry[];
  problems: LogProblem[];
  /** Lines written by an older schema and upgraded in memory. */
  migrated: number;
  /** Set when the file exists but could not be read at all. */
  readError?: string;
  /** Bytes read from the file. */
  bytesRead?: number;
  /** Set when the path is not a regular file under the size bound: the file is left alone and nothing is read. */
  refused?: string;
}

/** The log opened for reading: its descriptor and its length when opened (later appends are read next time). */
export type OpenedLog = { kind: 'open'; path: string; fd: number; size: number } | { kind: 'missing' } | { kind: 'refused'; message: string } | { kind: 'error'; reason: string };

/** What one pass over the log's lines found. */
export interface LogScan {
  problems: LogProblem[];
  migrated: number;
  /** Bytes read from the file by this pass. */
  bytesRead: number;
  /** Complete lines (ending with a newline) up to `endOfLines`, counted from the start of the file. */
  lines: number;
  /** The offset just after the last newline read: a later pass can start here. */
  endOfLines: number;
}

/** Opens the log without blocking (a FIFO would wait for a writer) and refuses anything but a regular file under the bound. */
export function openLogForReading(path: string): OpenedLog {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    // A socket cannot be opened at all (ENXIO); name what is there instead.
    const what = statKind(path);
    if (what) return { kind: 'refused', message: notRegularMessage(path, what) };
    return { kind: 'error', reason: describeFsError(error) };
  }
  const stats = fstatSync(fd);
  const refusal = stats.isFile() ? (stats.size > MAX_REVIEW_LOG_BYTES ? tooBigMessage(path, stats.size) : undefined) : notRegularMessage(path, fileKind(stats));
  if (refusal) {
    closeSync(fd);
    return { kind: 'refused', message: refusal };
  }
  return { kind: 'open', path, fd, size: stats.size };
}

/** Closes a log opened for reading. */
export function closeLog(log: { fd: number }): void {
  closeSync(log.fd);
}

/** Reads bytes `start` to `end` of an opened log (for checking a snapshot against it). */
export function readLogRange(log: { fd: number }, start: number, end: number): Buffer {
  const bytes = Buffer.alloc(Math.max(0, end - start));
  let filled = 0;
  while (filled < bytes.length) {
    const read = readSync(log.fd, bytes, filled, bytes.length - filled, start + filled);
    if (read === 0) return bytes.subarray(0, filled);
    filled += read;
  }
  return bytes;
}

/** Streams the lines from byte `from` (a line start, numbered `firstLine`) to the length at open, handing each usable entry on; damaged lines become problems. */
export function scanReviewLog(log: { fd: number; size: number }, from: number, firstLine: number, onEntry: (entry: LogEntry, complete: boolean) => void): LogScan {
  const scan: LogScan = { problems: [], migrated: 0, bytesRead: 0, lines: firstLine - 1, endOfLines: from };
  const take = (line: string, complete: boolean) => {
    const number = scan.lines + 1;
    if (line.trim() === '') return;
    const parsed = parseLogLine(line);
    if (parsed.ok) {
      onEntry(parsed.entry, complete);
      if (parsed.migratedFrom !== undefined) scan.migrated++;
      return;
    }
    scan.problems.push({ line: number, kind: parsed.newer ? 'newer' : parsed.cutOff ? 'torn' : 'corrupt', reason: parsed.reason });
  };
  let carry: Buffer[] = [];
  const chunk = Buffer.alloc(Math.min(CHUNK_BYTES, Math.max(1, log.size - from)));
  for (let position = from; position < log.size; ) {
    const read = readSync(log.fd, chunk, 0, Math.min(chunk.length, log.size - position), position);
    if (read === 0) break;
    scan.bytesRead += read;
    let start = 0;
    for (let newline = chunk.indexOf(0x0a, 0); newline !== -1 && newline < read; newline = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, newline);
      const line = carry.length > 0 ? Buffer.concat([...carry, piece]).toString('utf8') : piece.toString('utf8');
      carry = [];
      take(line, true);
      scan.lines++;
      scan.endOfLines = position + newline + 1;
      start = newline + 1;
    }
    if (start < read) carry.push(Buffer.from(chunk.subarray(start, read)));
    position += read;
  }
  // A complete entry that only lacks its newline is still good; a fragment is reported as cut off.
  if (carry.length > 0) take(Buffer.concat(carry).toString('utf8'), false);
  return scan;
}

/** Reads every line of the log; damaged lines are reported and skipped, never repaired on disk. */
export function readReviewLog(path: string): ReviewLogContents {
  const opened = openLogForReading(path);
  if (opened.kind === 'missing') return { path, exists: false, entries: [], problems: [], migrated: 0 };
  if (opened.kind === 'refused') return { path, exists: true, entries: [], problems: [], migrated: 0, refused: opened.message };
  if (opened.kind === 'error') return { path, exists: true, entries: [], problems: [], migrated: 0, readError: opened.reason };
  const entries: LogEntry[] = [];
  try {
    const scan = scanReviewLog(opened, 0, 1, (entry) => entries.push(entry));
    return { path, exists: true, entries, problems: scan.problems, migrated: scan.migrated, bytesRead: scan.bytesRead };
  } catch (error) {
    return { path, exists: true, entries: [], problems: [], migrated: 0, readError: describeFsError(error) };
  } finally {
    closeSync(opened.fd);
  }
}

function statKind(path: string): string | undefined {
  try {
    const stats = statSync(path);
    return stats.isFile() ? undefined : fileKind(stats);
  } catch {
    return undefined;
  }
}


function notRegularMessage(path: string, what: string): string {
  return `the progress log ${path} is ${what}, not a regular file; swelearn reads and writes answers only in a regular file, so move it away (nothing was read from it)`;
}

function tooBigMessage(path: string, size: number): string {
  return `the progress log ${path} is ${mebibytes(size)}, over the ${mebibytes(MAX_REVIEW_LOG_BYTES)} a review log may be (about 1.7 million answers); it was left untouched and not read: check that it is the right file`;
}

/** "permission denied", "not a directory": the part of a file-system error a person needs. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const known: Record<string, string> = {
    EACCES: 'permission denied', EPERM: 'operation not permitted', EROFS: 'read-only file system', ENOTDIR: 'a parent is not a directory',
    ENOSPC: 'no space left on the device', EDQUOT: 'disk quota exceeded', EISDIR: 'is a directory', EEXIST: 'a file is in the way', EIO: 'input/output error',
  };
  return (code && known[code]) ?? (error instanceof Error ? error.message : String(error));
}
