import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { fileKind, mebibytes } from '../file-kind.js';
import { describeFsError } from './read-review-log.js';

/**
 * The largest import file: 128 MiB, about 400,000 answers at the usual 330 bytes a line (decades of daily
 * study). The whole file is held as one string and parsed in memory, so the bound keeps an import far below
 * V8's 512 MiB string limit and Node's default heap instead of running until it aborts.
 */
export const IMPORT_MAX_BYTES = 128 * 1024 * 1024;

/** An import file's text, or why it cannot be read. */
export type ImportFileText = { ok: true; text: string } | { ok: false; reason: string };

/** Reads an import file that must be a regular file of at most `maxBytes`; a FIFO, a device or a folder is refused without blocking on it. */
export function readImportFile(path: string, maxBytes = IMPORT_MAX_BYTES): ImportFileText {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever, before fstat could refuse it.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, reason: `not a regular file (${fileKind(stats)}); import reads a file written by swelearn export or a reviews.jsonl log` };
    if (stats.size > maxBytes) return { ok: false, reason: `${mebibytes(stats.size)} is over the import limit of ${mebibytes(maxBytes)}` };
    return readBounded(fd, maxBytes);
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  } finally {
    closeSync(fd);
  }
}

// The file may grow after fstat: read at most one byte past the bound to notice.
function readBounded(fd: number, maxBytes: number): ImportFileText {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(Math.min(1 << 20, maxBytes + 1 - total));
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total > maxBytes) return { ok: false, reason: `it grew past the import limit of ${mebibytes(maxBytes)} while being read` };
  }
  return { ok: true, text: Buffer.concat(chunks, total).toString('utf8') };
}

