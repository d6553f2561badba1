import { describe, expect, it } from 'vitest';
import { ANSWER_ENTRY_VERSION, ITEM_ACTION_VERSION, parseLogLine, REVIEW_LOG_VERSION, serializeEntry, type ItemActionEntry, type Migration, type ReviewEntry, type TimedOutEntry } from '../../../../src/core/quiz/progress/log-entry.js';

const entry: ReviewEntry = {
  v: ANSWER_ENTRY_VERSION, type: 'review', id: 's-1', at: '2026-06-01T10:00:00.000Z', session: 's', item: 'ttl/kp-1', card: 'ttl',
  mode: 'cloze', grade: 3, correct: true, ms: 4200, text: 'point', given: '86400',
};

const timedOut: TimedOutEntry = {
  v: ANSWER_ENTRY_VERSION, type: 'timed-out', id: 's-2', at: '2026-06-01T10:00:30.000Z', session: 's', item: 'ttl/kp-1', card: 'ttl', mode: 'cloze', ms: 30_000, text: 'point',
};

describe('review log lines', () => {
  it.each<[string, object]>([
    ['a timeout', timedOut],
    ['a claimed answer', { ...entry, id: 's-3', overrides: 's-1' }],
  ])('round-trip %s through one line (schema 2)', (_name, written) => {
    expect(ANSWER_ENTRY_VERSION).toBe(2);
    expect(parseLogLine(serializeEntry(written as TimedOutEntry))).toEqual({ ok: true, entry: written });
  });

  it.each<[string, object]>([
    ['an answer', { ...entry, v: 1 }],
    ['an answer whose time ran out, graded Again', { ...entry, v: 1, grade: 1, correct: false, timedOut: true }],
    ['an undo', { v: 1, type: 'undo', id: 's-9', at: entry.at, session: 's', undoes: 's-1' }],
  ])('reads a schema 1 line of %s as it was meant, upgraded to schema 2', (_name, old) => {
    expect(parseLogLine(JSON.stringify(old))).toEqual({ ok: true, migratedFrom: 1, entry: { ...old, v: 2 } });
  });

  it.each<ItemActionEntry['type']>(['suspend', 'unsuspend', 'bury'])('round-trips a %s entry through one line (schema 3), and an older reader skips it as newer', (type) => {
    const action: ItemActionEntry = { v: ITEM_ACTION_VERSION, type, id: 's-4', at: '2026-06-01T10:01:00.000Z', session: 's', item: 'ttl/kp-1', card: 'ttl', text: 'point' };
    expect(REVIEW_LOG_VERSION).toBe(3);
    expect(parseLogLine(serializeEntry(action))).toEqual({ ok: true, entry: action });
    expect(parseLogLine(serializeEntry(action), undefined, 2)).toMatchObject({ ok: false, newer: true });
    expect(parseLogLine(JSON.stringify({ ...action, text: undefined }))).toEqual({ ok: false, reason: 'missing "text"' });
  });

  it('leaves a schema 2 answer at schema 2 (an import writes it back as an older build can read it)', () => {
    expect(parseLogLine(serializeEntry(entry))).toEqual({ ok: true, entry });
  });

  it('round-trip through one JSON line with a schema version', () => {
    const line = serializeEntry(entry);
    expect(line).not.toContain('\n');
    expect(JSON.parse(line).v).toBe(ANSWER_ENTRY_VERSION);
    expect(parseLogLine(line)).toEqual({ ok: true, entry });
  });

  it.each([
    ['a fragment of JSON (a write cut off by a crash)', '{"v":1,"type":"review","id":"s-', 'cut off (an interrupted write)'],
    ['an object cut off after a value', '{"v":1,"type":"review","ms":12', 'cut off (an interrupted write)'],
    ['garbage that is not the start of an object', 'v":1}', 'not valid JSON'],
    ['an object closed too early, then more', '{"v":1}}{"a":', 'not valid JSON'],
    ['a JSON array', '[1,2]', 'not a JSON object'],
    ['no version', JSON.stringify({ ...entry, v: undefined }), 'schema version'],
    ['a grade out of range', JSON.stringify({ ...entry, grade: 7 }), '"grade"'],
    ['an unknown mode', JSON.stringify({ ...entry, mode: 'essay' }), '"mode"'],
    ['an invalid time', JSON.stringify({ ...entry, at: 'yesterday' }), '"at"'],
    ['an unknown type', JSON.stringify({ ...entry, type: 'comment' }), 'unknown entry type'],
    ['an undo without a target', JSON.stringify({ v: 1, type: 'undo', id: 'u', at: entry.at, session: 's' }), 'undoes'],
    ['a timeout without its time', JSON.stringify({ ...timedOut, ms: undefined }), '"ms"'],
    ['a timeout of an unknown mode', JSON.stringify({ ...timedOut, mode: 'essay' }), '"mode"'],
    ['a claim that names no entry', JSON.stringify({ ...entry, overrides: 7 }), '"overrides"'],
  ])('rejects %s with a reason', (_name, line, reason) => {
    const parsed = parseLogLine(line);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });

  it('keeps lines from a newer swelearn out of use and says so', () => {
    expect(parseLogLine(JSON.stringify({ ...entry, v: REVIEW_LOG_VERSION + 1 }))).toMatchObject({ ok: false, newer: true, reason: expect.stringContaining('newer swelearn') });
  });

  it('upgrades older lines step by step through the migrations', () => {
    // A made-up history: v1 called the grade "rating", v2 lacked "mode"; the reader is at v3.
    const migrations: Record<number, Migration> = {
      1: ({ rating, ...rest }) => ({ ...rest, grade: rating }),
      2: (raw) => ({ ...raw, mode: raw.mode ?? 'flashcard' }),
    };
    const { grade, mode, ...old } = entry;
    void mode;
    // In this history answers changed up to v3, so they are upgraded that far.
    const parsed = parseLogLine(JSON.stringify({ ...old, v: 1, rating: grade }), migrations, 3, 3);
    expect(parsed).toEqual({ ok: true, migratedFrom: 1, entry: { ...entry, v: 3, mode: 'flashcard' } });
  });

  it('refuses an old version with no migration rather than guessing', () => {
    expect(parseLogLine(JSON.stringify({ ...entry, v: 1 }), {}, 2)).toMatchObject({ ok: false, reason: 'no migration from schema 1' });
  });
});
