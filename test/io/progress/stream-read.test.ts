import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSWER_ENTRY_VERSION, serializeEntry, type ReviewEntry } from '../../../src/core/quiz/progress/log-entry.js';
import { closeLog, openLogForReading, readReviewLog, scanReviewLog } from '../../../src/io/progress/read-review-log.js';

const MIB = 1024 * 1024;
const entry = (n: number, text: string): ReviewEntry => ({
  v: ANSWER_ENTRY_VERSION, type: 'review', id: `s-${n}`, at: new Date(Date.UTC(2026, 5, 1, 10, n)).toISOString(), session: 's', item: `ttl/kp-${n}`, card: 'ttl', mode: 'flashcard', grade: 3, correct: true, ms: 1000, text,
});

describe('reading the review log in chunks', () => {
  // Every offset of a three-byte character around the first chunk's end: the line must be decoded whole.
  for (const shift of [0, 1, 2, 3]) {
    it(`decodes a line whose multi-byte character straddles the 1 MiB chunk boundary (shift ${shift})`, () => {
      const path = join(mkdtempSync(join(tmpdir(), 'swelearn-stream-')), 'reviews.jsonl');
      const first = `${serializeEntry(entry(1, 'x'))}\n`;
      const skeleton = Buffer.byteLength(serializeEntry(entry(2, '')));
      // The text of entry 2 is ASCII up to the boundary, then "€" (3 bytes in UTF-8) across it.
      const ascii = MIB - Buffer.byteLength(first) - skeleton + 2 - shift;
      const text = `${'a'.repeat(ascii)}€ and after`;
      const log = `${first}${serializeEntry(entry(2, text))}\n${serializeEntry(entry(3, 'ü'))}\n`;
      writeFileSync(path, log);
      const read = readReviewLog(path);
      expect(read.problems).toEqual([]);
      expect(read.entries).toEqual([entry(1, 'x'), entry(2, text), entry(3, 'ü')]);
      expect(read.bytesRead).toBe(Buffer.byteLength(log));
    });
  }

  it('reads only from the offset it is given, numbering lines from there', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'swelearn-stream-')), 'reviews.jsonl');
    const head = `${serializeEntry(entry(1, 'a'))}\n${serializeEntry(entry(2, 'b'))}\n`;
    const tail = `not json\n${serializeEntry(entry(3, 'c'))}\n`;
    writeFileSync(path, head + tail);
    const opened = openLogForReading(path);
    if (opened.kind !== 'open') throw new Error(opened.kind);
    const seen: ReviewEntry[] = [];
    const scan = scanReviewLog(opened, Buffer.byteLength(head), 3, (found) => seen.push(found as ReviewEntry));
    closeLog(opened);
    expect(seen).toEqual([entry(3, 'c')]);
    expect(scan).toMatchObject({ bytesRead: Buffer.byteLength(tail), lines: 4, endOfLines: Buffer.byteLength(head + tail), problems: [{ line: 3, kind: 'corrupt', reason: 'not valid JSON' }] });
  });
});
