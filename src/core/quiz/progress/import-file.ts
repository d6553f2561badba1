import { EXPORT_FORMAT } from './export-formats.js';
import { checkImportedEntry } from './import-entry.js';
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
      return { format: 'json-export', ...collect(record.entries.map((raw, index) => ({ where: `entry ${index + 1}`, line: JSON.stringify(raw) ?? '' }))) };
    }
  }
  if (/^\uFEFF?at,item,card,/.test(trimmed)) throw new Error('this is a CSV export, which is for spreadsheets; import the JSON export (swelearn export --format json) instead');
  const result = fromLines(text);
  if (result.entries.length === 0) throw new Error('no swelearn progress found: expected a JSON export (swelearn export --format json) or a reviews.jsonl log');
  return result;
}

function fromLines(text: string): ImportedProgress {
  const lines = text.split('\n').map((line, index) => ({ where: `line ${index + 1}`, line })).filter(({ line }) => line.trim() !== '');
  return { format: 'review-log', ...collect(lines) };
}

// Each line is read as the log reader reads it (versions, migrations), then held to the import's own rules;
// an undo is kept only when the answer it takes back is in the same file, so an import never retracts local answers.
function collect(lines: readonly { where: string; line: string }[]): Omit<ImportedProgress, 'format'> {
  const checked: { where: string; entry: LogEntry }[] = [];
  const problems: ImportedProgress['problems'] = [];
  for (const { where, line } of lines) {
    const result = importLine(line);
    if (result.ok) checked.push({ where, entry: result.entry });
    else problems.push({ where, reason: result.reason });
  }
  const answers = new Set(checked.flatMap(({ entry }) => (entry.type === 'undo' ? [] : [entry.id])));
  const entries: LogEntry[] = [];
  for (const { where, entry } of checked) {
    if (entry.type === 'undo' && !answers.has(entry.undoes)) problems.push({ where, reason: `undo of ${JSON.stringify(entry.undoes)}, which is not an entry of this file (an imported undo applies only to entries of the same import)` });
    else entries.push(entry);
  }
  return { entries, problems };
}

function importLine(line: string): { ok: true; entry: LogEntry } | { ok: false; reason: string } {
  const parsed = parseLogLine(line);
  if (!parsed.ok) return { ok: false, reason: parsed.newer ? parsed.reason : (ruleBroken(line) ?? parsed.reason) };
  return checkImportedEntry(parsed.entry as unknown as Record<string, unknown>);
}

// The log reader's reason is short ("missing \"ms\""); the import's own check names the rule when it can.
function ruleBroken(line: string): string | undefined {
  try {
    const raw: unknown = JSON.parse(line);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
    const checked = checkImportedEntry(raw as Record<string, unknown>);
    return checked.ok ? undefined : checked.reason;
  } catch {
    return undefined;
  }
}
