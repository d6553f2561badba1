import type { DerivedProgress } from './derive-progress.js';
import { REVIEW_LOG_VERSION, type LogEntry, type ReviewEntry } from './log-entry.js';
import { dueAt } from './schedule.js';
import { TRACKS } from './tracks.js';
import type { QuizItem } from '../types.js';
import { stripControl } from '../../text/sanitize.js';

/** The `format` field of a JSON export; `swelearn import` checks it. */
export const EXPORT_FORMAT = 'swelearn-progress';

/** The JSON export: every log entry as written, plus each item's derived schedules and holds for reading (import ignores them). */
export function exportJson(entries: readonly LogEntry[], progress: DerivedProgress, nowMs: number): string {
  const items = [...progress.items.values()].map((item) => ({
    item: item.itemId, answers: item.answers, correct: item.correct, misses: item.misses, lapses: item.lapses,
    ...(item.leech ? { leech: true } : {}),
    ...(item.hold?.suspended ? { suspended: { at: new Date(item.hold.suspended.atMs).toISOString(), by: item.hold.suspended.by } } : {}),
    ...(item.hold?.buriedAtMs === undefined ? {} : { buriedAt: new Date(item.hold.buriedAtMs).toISOString() }),
    ...Object.fromEntries(TRACKS.flatMap((track) => {
      const schedule = item.tracks[track]?.schedule;
      return schedule ? [[track, { due: new Date(dueAt(schedule)).toISOString(), stability: round(schedule.stability), difficulty: round(schedule.difficulty), reps: schedule.reps, lapses: schedule.lapses }]] : [];
    })),
  }));
  return `${JSON.stringify({ format: EXPORT_FORMAT, schema: REVIEW_LOG_VERSION, exportedAt: new Date(nowMs).toISOString(), entries, items }, null, 1)}\n`;
}

const CSV_COLUMNS = ['at', 'item', 'card', 'mode', 'grade', 'correct', 'ms', 'timed_out', 'cram', 'given', 'session', 'id', 'text'] as const;

/** One CSV row per answer still in effect, for spreadsheets (RFC 4180 quoting; formula-looking cells are defused). */
export function exportCsv(reviews: readonly ReviewEntry[]): string {
  const rows = reviews.map((review) =>
    [review.at, review.item, review.card, review.mode, review.grade, review.correct, review.ms, review.timedOut ?? false, review.cram ?? false, review.given ?? '', review.session, review.id, review.text].map(csvCell).join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** Anki's tab-separated import: a Basic note per item with a stable GUID, so importing again updates instead of duplicating. */
export function exportAnkiTsv(items: readonly QuizItem[], progress: DerivedProgress): string {
  const header = ['#separator:tab', '#html:false', '#notetype:Basic', '#deck:swelearn', '#columns:GUID\tFront\tBack\tTags', '#guid column:1', '#tags column:4'];
  const rows = items
    .filter((item) => item.kind !== 'predict')
    .map((item) => {
      const entry = progress.items.get(item.id);
      const tags = [...item.tags, `swelearn::${item.topic}`, `swelearn::card::${item.cardId}`, ...(entry ? ['swelearn::studied'] : []), ...(entry && entry.misses > 0 ? ['swelearn::missed'] : []), ...(entry?.leech ? ['leech'] : [])];
      const back = `${item.back} — ${item.cardTitle.split(/:\s/)[0]} › ${item.source.sectionName}`;
      return [`swelearn:${item.id}`, item.front, back, tags.join(' ')].map(tsvCell).join('\t');
    });
  return `${[...header, ...rows].join('\n')}\n`;
}

// A value is typed by the log it came from, not by this code: an array or number is made text first, cleaned of
// control characters, then defused.
function csvCell(value: unknown): string {
  const text = defuseFormula(stripControl(String(value)));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function tsvCell(value: unknown): string {
  return defuseFormula(stripControl(String(value).replace(/[\t\r\n]+/g, ' ')));
}

/** Prefixes `'` to text a spreadsheet would run as a formula: a leading = + - @ (or their full-width forms, after any spaces), tab or CR (OWASP's CSV injection rule). */
export function defuseFormula(text: string): string {
  return /^(\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r])/.test(text) ? `'${text}` : text;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
