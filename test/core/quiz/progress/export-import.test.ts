import { describe, expect, it } from 'vitest';
import { deriveProgress } from '../../../../src/core/quiz/progress/derive-progress.js';
import { exportAnkiTsv, exportCsv, exportJson } from '../../../../src/core/quiz/progress/export-formats.js';
import { parseImportFile } from '../../../../src/core/quiz/progress/import-file.js';
import { ANSWER_ENTRY_VERSION, serializeEntry, type LogEntry, type ReviewEntry } from '../../../../src/core/quiz/progress/log-entry.js';
import { sessionItems } from '../session-fixtures.js';

const entries: LogEntry[] = [
  { v: ANSWER_ENTRY_VERSION, type: 'review', id: 's-1', at: '2026-06-01T10:00:00.000Z', session: 's', item: sessionItems[0]!.id, card: 'ttl', mode: 'cloze', grade: 1, correct: false, ms: 1200, text: 'a "quoted", point', given: '=HYPERLINK("x")' },
  { v: ANSWER_ENTRY_VERSION, type: 'review', id: 's-2', at: '2026-06-01T10:01:00.000Z', session: 's', item: sessionItems[1]!.id, card: 'ttl', mode: 'flashcard', grade: 3, correct: true, ms: 900, text: 'two' },
  { v: ANSWER_ENTRY_VERSION, type: 'undo', id: 's-3', at: '2026-06-01T10:02:00.000Z', session: 's', undoes: 's-2' },
];
const progress = deriveProgress(entries, sessionItems);

describe('exports', () => {
  it('JSON keeps every entry as written and imports back unchanged', () => {
    const text = exportJson(entries, progress, Date.UTC(2026, 5, 2));
    const imported = parseImportFile(text);
    expect(imported).toEqual({ format: 'json-export', entries, problems: [] });
    expect(JSON.parse(text).items[0]).toMatchObject({ item: sessionItems[0]!.id, answers: 1, misses: 1, recall: { due: expect.any(String) } });
  });

  it('CSV has one row per answer in effect, quotes by RFC 4180 and defuses formulas', () => {
    const lines = exportCsv(progress.reviews).trimEnd().split('\r\n');
    expect(lines[0]).toBe('at,item,card,mode,grade,correct,ms,timed_out,cram,given,session,id,text');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).toContain('"a ""quoted"", point"');
  });

  it('Anki TSV has the headers Anki reads, a stable GUID per item and no stray tabs or newlines', () => {
    const lines = exportAnkiTsv(sessionItems, progress).trimEnd().split('\n');
    expect(lines.slice(0, 7)).toEqual(['#separator:tab', '#html:false', '#notetype:Basic', '#deck:swelearn', '#columns:GUID\tFront\tBack\tTags', '#guid column:1', '#tags column:4']);
    const rows = lines.slice(7).map((line) => line.split('\t'));
    expect(rows).toHaveLength(sessionItems.length);
    for (const row of rows) expect(row).toHaveLength(4);
    expect(rows[0]![0]).toBe(`swelearn:${sessionItems[0]!.id}`);
    expect(rows[0]![3]).toContain('swelearn::missed');
  });
});

describe('parseImportFile', () => {
  it('reads a raw review log, skipping damaged lines with their line number', () => {
    const text = `${serializeEntry(entries[0]!)}\nnot json\n${serializeEntry(entries[1]!)}\n`;
    expect(parseImportFile(text)).toEqual({ format: 'review-log', entries: [entries[0], entries[1]], problems: [{ where: 'line 2', reason: 'not valid JSON' }] });
  });

  it('reads a log of a single line', () => {
    expect(parseImportFile(serializeEntry(entries[0]!)).entries).toEqual([entries[0]]);
  });

  it.each([
    ['a CSV export', 'at,item,card,mode\n1,2,3,4\n', 'CSV export'],
    ['some other JSON document', '{"name": "package"}', 'not a swelearn progress export'],
    ['plain text', 'hello\n', 'no swelearn progress found'],
  ])('refuses %s with a clear message', (_name, text, message) => {
    expect(() => parseImportFile(text)).toThrow(message);
  });
});

describe('CSV and Anki TSV defuse formulas whatever the value type', () => {
  const base = entries[1] as ReviewEntry;
  // Logs written before import checked types hold such values; the writers must not trust the type.
  const forged = (fields: Record<string, unknown>) => ({ ...base, ...fields }) as unknown as ReviewEntry;

  it.each([
    ['given as an array', { given: ['=HYPERLINK("http://evil","x")'] }, `'=HYPERLINK`],
    ['timedOut as an array', { timedOut: ['@SUM(1+1)*cmd|\' /C calc\'!A0'] }, `'@SUM(1+1)`],
    ['cram as an array', { cram: ['+1+1'] }, `'+1+1`],
    ['ms as a string', { ms: '-2+3' }, `'-2+3`],
    ['grade as an array', { grade: ['=1+1'] }, `'=1+1`],
    ['correct as a string', { correct: '=1' }, `'=1`],
    ['a card id with leading spaces', { card: '  =cmd' }, `'  =cmd`],
    ['a full-width equals sign', { item: '\uFF1D1+1' }, `'\uFF1D1+1`],
    ['a leading tab', { session: '\t=1' }, `'\t=1`],
    ['text', { text: '-1+1' }, `'-1+1`],
    ['at', { at: '@x' }, `'@x`],
    ['id', { id: '=x' }, `'=x`],
    ['mode', { mode: '=x' }, `'=x`],
  ])('CSV defuses %s', (_name, fields, defused) => {
    const row = exportCsv([forged(fields)]).split('\r\n')[1]!;
    expect(row).toContain(defused);
    expect(row.split(',').some((cell) => /^"?[=+\-@]/.test(cell))).toBe(false);
  });

  it.each([
    ['a front', { front: '=HYPERLINK("x")' }, 1],
    ['a back starting with a newline', { back: '\n@SUM(1)' }, 2],
    ['a tag', { tags: ['+cmd'] }, 3],
  ])('Anki TSV defuses %s', (_name, fields, column) => {
    const items = [{ ...sessionItems[0]!, ...fields }];
    const row = exportAnkiTsv(items, progress).trimEnd().split('\n')[7]!.split('\t');
    expect(row[column]).toMatch(/^'/);
  });
});
