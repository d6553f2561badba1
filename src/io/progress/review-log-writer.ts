import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { makeFolder } from '../make-folder.js';
import { serializeEntry, type LogEntry } from '../../core/quiz/progress/log-entry.js';
import { describeFsError } from './read-review-log.js';

/** The review log's file name inside the progress folder. */
export const REVIEW_LOG_NAME = 'reviews.jsonl';

/** Where the review log lives for a progress folder. */
export function reviewLogPath(progressDir: string): string {
  return join(progressDir, REVIEW_LOG_NAME);
}

/** The outcome of an append: on disk, or why not. */
export type AppendResult = { ok: true } | { ok: false; reason: string };

/** Appends answers to the log durably: one write() on an O_APPEND descriptor, then fsync, per call. */
export interface ReviewLogWriter {
  readonly path: string;
  append(entries: readonly LogEntry[]): AppendResult;
  close(): void;
}

/** Opening the log for appending: a writer, or a reason the quiz must run without saving. */
export type OpenResult = { ok: true; writer: ReviewLogWriter } | { ok: false; path: string; reason: string };

/** Creates the progress folder if needed and opens the log for appending (never truncating). */
export function openReviewLog(progressDir: string): OpenResult {
  const path = reviewLogPath(progressDir);
  try {
    makeFolder(progressDir);
  } catch (error) {
    return { ok: false, path, reason: `cannot create ${progressDir}: ${describeFsError(error)}` };
  }
  const created = !existsSync(path);
  let fd: number;
  try {
    // a+: O_APPEND | O_CREAT | O_RDWR; reading is only used to see whether the file ends with a newline.
    fd = openSync(path, 'a+', 0o644);
  } catch (error) {
    return { ok: false, path, reason: `cannot write ${path}: ${describeFsError(error)}` };
  }
  // Appending to a FIFO or a device would look saved and be lost; only a regular file holds answers.
  if (!fstatSync(fd).isFile()) {
    closeSync(fd);
    return { ok: false, path, reason: `cannot write ${path}: it is not a regular file` };
  }
  if (created) syncDirectory(progressDir);
  return { ok: true, writer: appendWriter(path, fd) };
}

function appendWriter(path: string, fd: number): ReviewLogWriter {
  let open = true;
  return {
    path,
    append(entries) {
      if (!open) return { ok: false, reason: 'the log is closed' };
      if (entries.length === 0) return { ok: true };
      try {
        // After a torn last line, start on a fresh line so the new entry is not glued to the fragment.
        const text = `${endsWithNewline(fd) ? '' : '\n'}${entries.map(serializeEntry).join('\n')}\n`;
        const bytes = Buffer.from(text, 'utf8');
        const written = writeSync(fd, bytes);
        if (written !== bytes.length) return { ok: false, reason: `short write to ${path} (${written} of ${bytes.length} bytes)` };
        fsyncSync(fd);
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: `cannot write ${path}: ${describeFsError(error)}` };
      }
    },
    close() {
      if (!open) return;
      open = false;
      try {
        closeSync(fd);
      } catch {
        // Closing after a failed device is not worth reporting twice.
      }
    },
  };
}

function endsWithNewline(fd: number): boolean {
  const size = fstatSync(fd).size;
  if (size === 0) return true;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] === 0x0a;
}

// A new file's directory entry must reach the disk too, or a crash can lose the whole file.
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a directory; the file's own fsync still holds its data.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
