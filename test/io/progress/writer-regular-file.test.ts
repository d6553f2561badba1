import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReviewLog, reviewLogPath } from '../../../src/io/progress/review-log-writer.js';

// Opening for append (O_RDWR) does not wait on a FIFO, so the check runs; an answer "saved" into a pipe or a device would be lost.
const NOT_FILES: { name: string; make: (path: string) => void }[] = [
  { name: 'a FIFO', make: (path) => execFileSync('mkfifo', [path]) },
  { name: '/dev/null', make: (path) => symlinkSync('/dev/null', path) },
];

describe('appending answers', () => {
  for (const { name, make } of NOT_FILES) {
    it(`refuses ${name} in the log's place, so no answer is reported saved`, () => {
      const dir = join(mkdtempSync(join(tmpdir(), 'swelearn-writer-')), 'progress');
      mkdirSync(dir);
      make(reviewLogPath(dir));
      expect(openReviewLog(dir)).toEqual({ ok: false, path: reviewLogPath(dir), reason: `cannot write ${reviewLogPath(dir)}: it is not a regular file` });
    });
  }
});
