import { EXPORT_FORMAT } from './export-formats.js';
import { parseLogLine, type LogEntry } from './log-entry.js';

/** What an import file held: the entries, where it came from, and the entries that could not be used. */
export interface ImportedProgress {
  format: 'json-export' | 'review-log';
  entries: LogEntry[];
  problems: { where: string; reason: string }[];
}

/** Reads a `swelearn export --format json` file or a raw reviews.jsonl log; throws a one-line message for anything else. */
export function parseImportFile(text: string): ImportedProgress {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') && !/^\{[^\n]*\}\s*\n\s*\{/.test(trimmed)) {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      document = undefined;
    }
    if (document && typeof document === 'object' && !Array.isArray(document)) {
      const record = document as Record<string, unknown>;
      if (record.format !== EXPORT_FORMAT || !Array.isArray(record.entries)) {
        if (typeof record.v === 'number') return fromLines(text);
        throw new Error(`not a swelearn progress export (expected "format": "${EXPORT_FORMAT}")`);
      }
      const entries: LogEntry[] = [];
      const problems: ImportedProgress['problems'] = [];
      record.entries.forEach((raw, index) => {
        const parsed = parseLogLine(JSON.stringify(raw));
        if (parsed.ok) entries.push(parsed.entry);
        else problems.push({ where: `entry ${index + 1}`, reason: parsed.reason });
      });
      return { format: 'json-export', entries, problems };
    }
  }
  if (/^\uFEFF?at,item,card,/.test(trimmed)) throw new Error('this is a CSV export, which is for spreadsheets; import the JSON export (swelearn export --format json) instead');
  const result = fromLines(text);
  if (result.entries.length === 0) throw new Error('no swelearn progress found: expected a JSON export (swelearn export --format json) or a reviews.jsonl log');
  return result;
}

function fromLines(text: string): ImportedProgress {
  const entries: LogEntry[] = [];
  const problems: ImportedProgress['problems'] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const parsed = parseLogLine(line);
    if (parsed.ok) entries.push(parsed.entry);
    else problems.push({ where: `line ${index + 1}`, reason: parsed.reason });
  });
  return { format: 'review-log', entries, problems };
}
