import { describe, expect, it } from 'vitest';
import { deriveProgress } from '../../../../src/core/quiz/progress/derive-progress.js';
import { exportAnkiTsv, exportCsv, exportJson } from '../../../../src/core/quiz/progress/export-formats.js';
import { parseImportFile } from '../../../../src/core/quiz/progress/import-file.js';
import { REVIEW_LOG_VERSION, serializeEntry, type LogEntry } from '../../../../src/core/quiz/progress/log-entry.js';
import { sessionItems } from '../session-fixtures.js';

const entries: LogEntry[] = [
  { v: REVIEW_LOG_VERSION, type: 'review', id: 's-1', at: '2026-06-01T10:00:00.000Z', session: 's', item: sessionItems[0]!.id, card: 'ttl', mode: 'cloze', grade: 1, correct: false, ms: 1200, text: 'a "quoted", point', given: '=HYPERLINK("x")' },
  { v: REVIEW_LOG_VERSION, type: 'review', id: 's-2', at: '2026-06-01T10:01:00.000Z', session: 's', item: sessionItems[1]!.id, card: 'ttl', mode: 'flashcard', grade: 3, correct: true, ms: 900, text: 'two' },
  { v: REVIEW_LOG_VERSION, type: 'undo', id: 's-3', at: '2026-06-01T10:02:00.000Z', session: 's', undoes: 's-2' },
];
const progress = deriveProgress(entries, sessionItems);

describe('exports', () => {
  it('JSON keeps every entry as written and imports back unchanged', () => {
    const text = exportJson(entries, progress, Date.UTC(2026, 5, 2));
    const imported = parseImportFile(text);
    expect(imported).toEqual({ format: 'json-export', entries, problems: [] });
    expect(JSON.parse(text).items[0]).toMatchObject({ item: sessionItems[0]!.id, answers: 1, misses: 1, due: expect.any(String) });
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
