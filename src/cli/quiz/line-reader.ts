import { createInterface } from 'node:readline';
import { stripControl } from '../../core/text/sanitize.js';

/** Returned by `next` when no line arrived in time. */
export const TIMED_OUT = Symbol('timed out');

/** Lines from a stream, one at a time, with an optional time limit per read. */
export interface LineReader {
  /** The next line, `undefined` at end of input, or TIMED_OUT after `timeoutMs`. */
  next(timeoutMs?: number): Promise<string | undefined | typeof TIMED_OUT>;
  close(): void;
}

/** Reads lines from stdin (or any stream) as they arrive, buffering those typed ahead. */
export function createLineReader(input: NodeJS.ReadableStream): LineReader {
  const lines: string[] = [];
  let ended = false;
  let waiting: ((value: string | undefined) => void) | undefined;
  const reader = createInterface({ input, crlfDelay: Infinity, terminal: false });
  // A typed (or piped) line is outside text: like the app's text field, it keeps no control character.
  reader.on('line', (typed) => {
    const line = stripControl(typed);
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve(line);
    } else lines.push(line);
  });
  reader.on('close', () => {
    ended = true;
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve(undefined);
    }
  });
  return {
    next(timeoutMs) {
      if (lines.length > 0) return Promise.resolve(lines.shift());
      if (ended) return Promise.resolve(undefined);
      return new Promise((resolve) => {
        let timer: NodeJS.Timeout | undefined;
        waiting = (line) => {
          if (timer) clearTimeout(timer);
          resolve(line);
        };
        if (timeoutMs !== undefined && Number.isFinite(timeoutMs)) {
          timer = setTimeout(() => {
            waiting = undefined;
            resolve(TIMED_OUT);
          }, Math.max(0, timeoutMs));
        }
      });
    },
    close() {
      reader.close();
      // Let the process exit even though the parent still holds the pipe open.
      if ('unref' in input && typeof input.unref === 'function') input.unref();
      if ('pause' in input && typeof input.pause === 'function') input.pause();
    },
  };
}
