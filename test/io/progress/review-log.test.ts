import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSWER_ENTRY_VERSION, serializeEntry, type ReviewEntry } from '../../../src/core/quiz/progress/log-entry.js';
import { readReviewLog } from '../../../src/io/progress/read-review-log.js';
import { openReviewLog, reviewLogPath } from '../../../src/io/progress/review-log-writer.js';
import { chmodProtects, folderUnderAFile, readOnlyMount } from './read-only.js';

const entry = (n: number): ReviewEntry => ({
  v: ANSWER_ENTRY_VERSION, type: 'review', id: `s-${n}`, at: new Date(Date.UTC(2026, 5, 1, 10, n)).toISOString(), session: 's', item: `ttl/kp-${n}`, card: 'ttl',
  mode: 'flashcard', grade: 3, correct: true, ms: 1000, text: `point ${n} — ünïcode`,
});

function freshDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'swelearn-log-')), 'progress');
}

function append(dir: string, ...entries: ReviewEntry[]) {
  const opened = openReviewLog(dir);
  if (!opened.ok) throw new Error(opened.reason);
  const result = opened.writer.append(entries);
  opened.writer.close();
  return result;
}

describe('the review log', () => {
  it('creates the folder and appends one JSON line per answer, in order', () => {
    const dir = freshDir();
    expect(append(dir, entry(1))).toEqual({ ok: true });
    expect(append(dir, entry(2), entry(3))).toEqual({ ok: true });
    const text = readFileSync(reviewLogPath(dir), 'utf8');
    expect(text.split('\n')).toHaveLength(4);
    expect(text.endsWith('\n')).toBe(true);
    expect(readReviewLog(reviewLogPath(dir))).toMatchObject({ exists: true, entries: [entry(1), entry(2), entry(3)], problems: [] });
  });

  it('reads a missing log as empty, not as an error', () => {
    expect(readReviewLog(join(freshDir(), 'reviews.jsonl'))).toEqual(expect.objectContaining({ exists: false, entries: [], problems: [] }));
  });

  it('detects a torn last line, keeps it, and starts the next answer on a new line', () => {
    const dir = freshDir();
    append(dir, entry(1), entry(2));
    const path = reviewLogPath(dir);
    const torn = serializeEntry(entry(3)).slice(0, 40);
    appendFileSync(path, torn);
    const before = readFileSync(path);
    expect(readReviewLog(path)).toMatchObject({ entries: [entry(1), entry(2)], problems: [{ line: 3, kind: 'torn' }] });

    append(dir, entry(4));
    const after = readFileSync(path);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(after.subarray(before.length).toString()).toBe(`\n${serializeEntry(entry(4))}\n`);
    // Once in the middle the fragment is still a cut-off write, so every command names it the same.
    expect(readReviewLog(path)).toMatchObject({ entries: [entry(1), entry(2), entry(4)], problems: [{ line: 3, kind: 'torn' }] });
  });

  it('uses a complete last entry that only lost its newline', () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(reviewLogPath(dir), `${serializeEntry(entry(1))}\n${serializeEntry(entry(2))}`);
    expect(readReviewLog(reviewLogPath(dir))).toMatchObject({ entries: [entry(1), entry(2)], problems: [] });
  });

  it('reports damaged lines by number, uses the rest, and never rewrites the file', () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true });
    const path = reviewLogPath(dir);
    const damaged = [serializeEntry(entry(1)), '\u0000\u0000garbage\u00ff', '{"v":1,"type":"review"}', JSON.stringify({ ...entry(9), v: 99 }), serializeEntry(entry(2)), ''].join('\n');
    writeFileSync(path, damaged);
    const contents = readReviewLog(path);
    expect(contents.entries).toEqual([entry(1), entry(2)]);
    expect(contents.problems).toEqual([
      { line: 2, kind: 'corrupt', reason: 'not valid JSON' },
      { line: 3, kind: 'corrupt', reason: 'missing "id"' },
      { line: 4, kind: 'newer', reason: expect.stringContaining('newer swelearn') },
    ]);
    append(dir, entry(3));
    expect(readFileSync(path, 'utf8')).toBe(`${damaged}${serializeEntry(entry(3))}\n`);
  });

  it('keeps a file that is not a log at all, appending after it', () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true });
    const path = reviewLogPath(dir);
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
    writeFileSync(path, binary);
    expect(readReviewLog(path).entries).toEqual([]);
    append(dir, entry(1));
    const after = readFileSync(path);
    expect(after.subarray(0, binary.length).equals(binary)).toBe(true);
    expect(readReviewLog(path).entries).toEqual([entry(1)]);
  });

  it('lets two writers on the same file interleave whole lines only', () => {
    const dir = freshDir();
    const first = openReviewLog(dir);
    const second = openReviewLog(dir);
    if (!first.ok || !second.ok) throw new Error('could not open');
    for (let n = 0; n < 50; n++) (n % 2 ? first : second).writer.append([entry(n)]);
    first.writer.close();
    second.writer.close();
    const contents = readReviewLog(reviewLogPath(dir));
    expect(contents.problems).toEqual([]);
    expect(contents.entries.map((e) => e.id).sort()).toEqual(Array.from({ length: 50 }, (_, n) => `s-${n}`).sort());
  });

  it('says clearly why it cannot save under a path whose parent is a file (works even as root)', () => {
    const opened = openReviewLog(folderUnderAFile());
    expect(opened).toMatchObject({ ok: false, reason: expect.stringMatching(/cannot create .*progress: a parent is not a directory/) });
  });

  it.skipIf(!chmodProtects)('says clearly why it cannot save in a folder without write permission (non-root only: root ignores chmod)', () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o555);
    try {
      expect(openReviewLog(dir)).toMatchObject({ ok: false, reason: expect.stringContaining('permission denied') });
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('says clearly why it cannot save on a read-only file system (skipped where mounting is not allowed)', (context) => {
    const mount = readOnlyMount();
    if (!mount) return context.skip('mount is not permitted here; the ENOTDIR test above covers an unwritable folder');
    try {
      expect(openReviewLog(join(mount.dir, 'progress'))).toMatchObject({ ok: false, reason: expect.stringContaining('read-only file system') });
    } finally {
      mount.release();
    }
  });
});
