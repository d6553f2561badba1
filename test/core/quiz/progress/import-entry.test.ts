import { describe, expect, it } from 'vitest';
import { checkImportedEntry } from '../../../../src/core/quiz/progress/import-entry.js';
import { parseImportFile } from '../../../../src/core/quiz/progress/import-file.js';

const review = { v: 2, type: 'review', id: 's-1', at: '2026-06-01T10:00:00.000Z', session: 's', item: 'ttl/kp-1', card: 'ttl', mode: 'cloze', grade: 3, correct: true, ms: 1200, text: 'a point', given: '86400' };
const timedOut = { v: 2, type: 'timed-out', id: 's-2', at: '2026-06-01T10:01:00.000Z', session: 's', item: 'ttl/kp-1', card: 'ttl', mode: 'cloze', ms: 30000, text: 'a point' };
const undo = { v: 2, type: 'undo', id: 's-3', at: '2026-06-01T10:02:00.000Z', session: 's', undoes: 's-1' };

describe('checkImportedEntry', () => {
  it.each([
    ['a review', review],
    ['a timed-out entry', timedOut],
    ['an undo', undo],
    ['a crammed review', { ...review, cram: true }],
    ['a schema 1 timed-out review', { ...review, v: 1, timedOut: true }],
    ['a claim', { ...review, id: 's-4', overrides: 's-1' }],
  ])('keeps %s as it was', (_name, raw) => {
    expect(checkImportedEntry(raw)).toEqual({ ok: true, entry: raw });
  });

  it.each([
    ['given as an array', { ...review, given: ['=HYPERLINK("http://x")'] }, '"given" must be a string'],
    ['given as a number', { ...review, given: 5 }, '"given" must be a string'],
    ['cram as the string "false"', { ...review, cram: 'false' }, '"cram" must be true or false'],
    ['timedOut as an array', { ...review, timedOut: ['@SUM(1+1)*cmd|x'] }, '"timedOut" must be true or false'],
    ['ms of 1e308', { ...review, ms: 1e308 }, '"ms" must be a number of milliseconds from 0 to 86400000'],
    ['a negative ms', { ...timedOut, ms: -1 }, '"ms" must be'],
    ['ms as a string', { ...review, ms: '1200' }, '"ms" must be'],
    ['grade 5', { ...review, grade: 5 }, '"grade" must be 1, 2, 3 or 4'],
    ['grade 2.5', { ...review, grade: 2.5 }, '"grade" must be 1, 2, 3 or 4'],
    ['correct as a string', { ...review, correct: 'yes' }, '"correct" must be true or false'],
    ['a time that is not ISO 8601', { ...review, at: '1' }, '"at" must be an ISO 8601 time'],
    ['a time past 9999', { ...review, at: '+275760-09-13T00:00:00.000Z' }, '"at" must be an ISO 8601 time'],
    ['a time before 1970', { ...review, at: '1969-12-31T23:59:59Z' }, '"at" must be a time from 1970 to 9999'],
    ['an id with an escape', { ...review, id: 's-\u001b]52;c;x\u0007' }, '"id" must be 1 to 200 characters without control characters'],
    ['an empty session', { ...review, session: '' }, '"session" must be'],
    ['a card id of 201 characters', { ...review, card: 'c'.repeat(201) }, '"card" must be'],
    ['an item id of 401 characters', { ...review, item: 'i'.repeat(401) }, '"item" must be an item id of 1 to 400'],
    ['an unknown mode', { ...review, mode: 'essay' }, '"mode" must be flashcard, cloze, choice or predict'],
    ['text of 20,001 characters', { ...review, text: 't'.repeat(20_001) }, '"text" must be a string of up to 20000'],
    ['given of 10,001 characters', { ...review, given: 'g'.repeat(10_001) }, '"given" must be a string of up to 10000'],
    ['overrides as a number', { ...review, overrides: 7 }, '"overrides" must be'],
    ['an undo without its target', { ...undo, undoes: undefined }, '"undoes" must be'],
    ['an unknown type', { ...review, type: 'note' }, '"type" must be "review", "timed-out", "undo", "suspend", "unsuspend" or "bury"'],
    ['a fractional version', { ...review, v: 1.5 }, '"v" must be a schema version'],
  ])('rejects %s, naming the rule', (_name, raw, rule) => {
    const checked = checkImportedEntry(raw as Record<string, unknown>);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.reason).toContain(rule);
  });

  it.each([
    ['a review', review],
    ['a timed-out entry', timedOut],
    ['an undo', undo],
  ])('drops unknown fields of %s (a 10 MB one included)', (_name, raw) => {
    const checked = checkImportedEntry({ ...raw, padding: 'x'.repeat(10_000_000), extra: { nested: true } });
    expect(checked).toEqual({ ok: true, entry: raw });
  });

  it('keeps cram and timedOut only when true', () => {
    const checked = checkImportedEntry({ ...review, cram: false, timedOut: false });
    expect(checked).toEqual({ ok: true, entry: review });
  });
});

describe('parseImportFile holds every line to the import rules', () => {
  const line = (entry: object) => JSON.stringify(entry);

  it.each([
    ['the log format', (entries: object[]) => entries.map(line).join('\n')],
    ['the JSON export', (entries: object[]) => JSON.stringify({ format: 'swelearn-progress', schema: 2, entries })],
  ])('names the line (or entry) and the rule of each rejected entry in %s', (_name, write) => {
    const imported = parseImportFile(write([review, { ...review, id: 's-9', cram: 'false' }, { ...review, id: 's-8', ms: 1e308 }]));
    expect(imported.entries).toEqual([review]);
    expect(imported.problems.map((problem) => problem.where)).toEqual(imported.format === 'review-log' ? ['line 2', 'line 3'] : ['entry 2', 'entry 3']);
    expect(imported.problems.map((problem) => problem.reason)).toEqual(['"cram" must be true or false', expect.stringContaining('"ms" must be a number of milliseconds')]);
  });

  it.each([
    ['an undo of an answer in the same file', [review, undo], [review, undo], []],
    ['an undo of an answer only in the local log', [timedOut, { ...undo, undoes: 'local-1' }], [timedOut], ['line 2']],
    ['an undo of an undo', [review, undo, { ...undo, id: 's-5', undoes: 's-3' }], [review, undo], ['line 3']],
  ])('keeps %s only when the answer it takes back comes with it', (_name, entries, kept, skipped) => {
    const imported = parseImportFile(entries.map(line).join('\n'));
    expect(imported.entries).toEqual(kept);
    expect(imported.problems.map((problem) => problem.where)).toEqual(skipped);
    for (const problem of imported.problems) expect(problem.reason).toContain('not an entry of this file');
  });
});

describe('imported suspensions and burials', () => {
  const action = { v: 3, type: 'suspend', id: 'm-1', at: '2026-06-01T10:00:00.000Z', session: 'm', item: 'ttl/kp-1', card: 'ttl', text: 'a point' };
  it.each(['suspend', 'unsuspend', 'bury'])('keeps a %s entry, rebuilt from its known fields', (type) => {
    expect(checkImportedEntry({ ...action, type, extra: 'dropped' })).toEqual({ ok: true, entry: { ...action, type } });
  });
  it.each([
    ['an item id with a control character', { item: 'ttl/kp-\u001b[2J' }, '"item" must be an item id'],
    ['no text', { text: undefined }, '"text" must be a string'],
    ['a card id that is too long', { card: 'x'.repeat(201) }, '"card" must be 1 to 200 characters'],
  ])('rejects %s', (_name, change, rule) => {
    const checked = checkImportedEntry({ ...action, ...change });
    expect(checked.ok ? '' : checked.reason).toContain(rule);
  });
});
