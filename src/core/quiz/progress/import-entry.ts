import type { ItemAction, LogEntry, ReviewEntry, TimedOutEntry, UndoEntry } from './log-entry.js';

/** The bounds an imported entry is held to; docs/progress-format.md lists them. */
export const IMPORT_LIMITS = {
  idChars: 200,
  itemChars: 400,
  textChars: 20_000,
  givenChars: 10_000,
  /** A day: far above the longest item limit (1 h), so only a damaged or forged value exceeds it. */
  maxMs: 86_400_000,
  earliestAt: Date.UTC(1970, 0, 1),
  latestAt: Date.UTC(9999, 11, 31, 23, 59, 59, 999),
} as const;

/** An imported entry rebuilt from its known fields only, or the rule it broke. */
export type CheckedEntry = { ok: true; entry: LogEntry } | { ok: false; reason: string };

const MODES = new Set(['flashcard', 'cloze', 'choice', 'predict']);
const ACTIONS = new Set(['suspend', 'unsuspend', 'bury']);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
// C0, DEL and C1 controls: no id the program writes has one, and an id is printed in messages.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Checks every field of a parsed log entry from an import against its type and range, and rebuilds it without unknown fields. */
export function checkImportedEntry(raw: Readonly<Record<string, unknown>>): CheckedEntry {
  const problem = commonProblem(raw);
  if (problem) return { ok: false, reason: problem };
  const head = { v: raw.v as number, id: raw.id as string, at: raw.at as string, session: raw.session as string };
  if (raw.type === 'undo') {
    if (!isId(raw.undoes)) return { ok: false, reason: idRule('undoes') };
    const undo: UndoEntry = { v: head.v, type: 'undo', id: head.id, at: head.at, session: head.session, undoes: raw.undoes };
    return { ok: true, entry: undo };
  }
  if (typeof raw.type === 'string' && ACTIONS.has(raw.type)) return checkedAction(raw, head, raw.type as ItemAction);
  if (raw.type !== 'review' && raw.type !== 'timed-out') return { ok: false, reason: '"type" must be "review", "timed-out", "undo", "suspend", "unsuspend" or "bury"' };
  const itemProblem = itemFieldsProblem(raw);
  if (itemProblem) return { ok: false, reason: itemProblem };
  const asked = { item: raw.item as string, card: raw.card as string, mode: raw.mode as TimedOutEntry['mode'] };
  const shown = { ms: raw.ms as number, text: raw.text as string, ...(raw.cram === true ? { cram: true } : {}) };
  if (raw.type === 'timed-out') return { ok: true, entry: { v: head.v, type: 'timed-out', id: head.id, at: head.at, session: head.session, ...asked, ...shown } };
  const reviewProblem = reviewFieldsProblem(raw);
  if (reviewProblem) return { ok: false, reason: reviewProblem };
  // The order the quiz writes, so an imported line reads like a local one.
  const review: ReviewEntry = {
    v: head.v, type: 'review', id: head.id, at: head.at, session: head.session, ...asked,
    grade: raw.grade as ReviewEntry['grade'],
    correct: raw.correct as boolean,
    ...shown,
    ...(raw.timedOut === true ? { timedOut: true } : {}),
    ...(raw.given !== undefined ? { given: raw.given as string } : {}),
    ...(raw.overrides !== undefined ? { overrides: raw.overrides as string } : {}),
  };
  return { ok: true, entry: review };
}

function checkedAction(raw: Readonly<Record<string, unknown>>, head: { v: number; id: string; at: string; session: string }, type: ItemAction): CheckedEntry {
  if (!isPlainText(raw.item, IMPORT_LIMITS.itemChars)) return { ok: false, reason: itemRule() };
  if (!isId(raw.card)) return { ok: false, reason: idRule('card') };
  if (typeof raw.text !== 'string' || raw.text.length > IMPORT_LIMITS.textChars) return { ok: false, reason: textRule() };
  return { ok: true, entry: { ...head, type, item: raw.item, card: raw.card, text: raw.text } };
}

function commonProblem(raw: Readonly<Record<string, unknown>>): string | undefined {
  if (typeof raw.v !== 'number' || !Number.isInteger(raw.v) || raw.v < 1) return '"v" must be a schema version (a whole number from 1)';
  if (!isId(raw.id)) return idRule('id');
  if (!isId(raw.session)) return idRule('session');
  if (typeof raw.at !== 'string' || !ISO_TIME.test(raw.at)) return '"at" must be an ISO 8601 time like 2026-06-01T09:14:03.120Z';
  const atMs = Date.parse(raw.at);
  if (!(atMs >= IMPORT_LIMITS.earliestAt && atMs <= IMPORT_LIMITS.latestAt)) return '"at" must be a time from 1970 to 9999';
  return undefined;
}

function itemFieldsProblem(raw: Readonly<Record<string, unknown>>): string | undefined {
  if (!isPlainText(raw.item, IMPORT_LIMITS.itemChars)) return itemRule();
  if (!isId(raw.card)) return idRule('card');
  if (typeof raw.mode !== 'string' || !MODES.has(raw.mode)) return '"mode" must be flashcard, cloze, choice or predict';
  if (typeof raw.ms !== 'number' || !Number.isFinite(raw.ms) || raw.ms < 0 || raw.ms > IMPORT_LIMITS.maxMs) return `"ms" must be a number of milliseconds from 0 to ${IMPORT_LIMITS.maxMs} (a day)`;
  if (typeof raw.text !== 'string' || raw.text.length > IMPORT_LIMITS.textChars) return textRule();
  if (raw.cram !== undefined && typeof raw.cram !== 'boolean') return '"cram" must be true or false';
  return undefined;
}

function reviewFieldsProblem(raw: Readonly<Record<string, unknown>>): string | undefined {
  if (raw.grade !== 1 && raw.grade !== 2 && raw.grade !== 3 && raw.grade !== 4) return '"grade" must be 1, 2, 3 or 4';
  if (typeof raw.correct !== 'boolean') return '"correct" must be true or false';
  if (raw.timedOut !== undefined && typeof raw.timedOut !== 'boolean') return '"timedOut" must be true or false';
  if (raw.given !== undefined && (typeof raw.given !== 'string' || raw.given.length > IMPORT_LIMITS.givenChars)) return `"given" must be a string of up to ${IMPORT_LIMITS.givenChars} characters`;
  if (raw.overrides !== undefined && !isId(raw.overrides)) return idRule('overrides');
  return undefined;
}

function itemRule(): string {
  return `"item" must be an item id of 1 to ${IMPORT_LIMITS.itemChars} characters without control characters`;
}

function textRule(): string {
  return `"text" must be a string of up to ${IMPORT_LIMITS.textChars} characters`;
}

function idRule(field: string): string {
  return `"${field}" must be 1 to ${IMPORT_LIMITS.idChars} characters without control characters`;
}

function isId(value: unknown): value is string {
  return isPlainText(value, IMPORT_LIMITS.idChars);
}

function isPlainText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max && !CONTROL.test(value);
}
