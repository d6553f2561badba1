import { readFileSync } from 'node:fs';
import { parseLogLine, type LogEntry } from '../../core/quiz/progress/log-entry.js';

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
}

/** Reads every line of the log; damaged lines are reported and skipped, never repaired on disk. */
export function readReviewLog(path: string): ReviewLogContents {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { path, exists: false, entries: [], problems: [], migrated: 0 };
    return { path, exists: true, entries: [], problems: [], migrated: 0, readError: describeFsError(error) };
  }
  return { path, exists: true, ...parseReviewLog(text) };
}

/** Parses log text: one JSON entry per line; a last line without its newline was cut off by a crash. */
export function parseReviewLog(text: string): Pick<ReviewLogContents, 'entries' | 'problems' | 'migrated'> {
  const lines = text.split('\n');
  const unterminated = lines.pop() ?? '';
  const entries: LogEntry[] = [];
  const problems: LogProblem[] = [];
  let migrated = 0;
  const take = (line: string, number: number, torn: boolean) => {
    if (line.trim() === '') return;
    const parsed = parseLogLine(line);
    if (parsed.ok) {
      entries.push(parsed.entry);
      if (parsed.migratedFrom !== undefined) migrated++;
      return;
    }
    problems.push({ line: number, kind: parsed.newer ? 'newer' : torn ? 'torn' : 'corrupt', reason: torn ? `cut off (${parsed.reason})` : parsed.reason });
  };
  lines.forEach((line, index) => take(line, index + 1, false));
  // A complete entry that only lacks its newline is still good; anything else on the last line is a torn write.
  take(unterminated, lines.length + 1, true);
  return { entries, problems, migrated };
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
