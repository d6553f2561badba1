import type { Grade, QuizMode } from '../types.js';

/**
 * The newest schema version this build reads; older lines are migrated when read, newer ones are kept and skipped.
 * Schema 2 added the `timed-out` entry and the `overrides` field of a review; schema 3 added the
 * `suspend`, `unsuspend` and `bury` entries.
 */
export const REVIEW_LOG_VERSION = 3;

/**
 * The version written on reviews, timeouts and undos: they have not changed since schema 2, so a build that
 * reads only up to 2 still counts them. Only the entries schema 3 added say 3, which such a build skips as
 * "written by a newer swelearn" instead of reporting them as damaged.
 */
export const ANSWER_ENTRY_VERSION = 2;

/** The version written on `suspend`, `unsuspend` and `bury` entries. */
export const ITEM_ACTION_VERSION = 3;

/** What every log line about one item carries: which line it is, which item, how it was asked, for how long. */
export interface ItemEntryFields {
  v: number;
  /** Unique across machines and concurrent sessions: `<session>-<n>`. */
  id: string;
  /** ISO 8601 time of the answer (or of the timeout). */
  at: string;
  session: string;
  item: string;
  card: string;
  mode: QuizMode;
  /** Time from showing the item to the answer (or to the timeout), in milliseconds. */
  ms: number;
  /** The item's text when it was asked, so later edits of the point can be matched to this history. */
  text: string;
  /** Practised with --cram: kept for statistics, never used for scheduling. */
  cram?: boolean;
}

/** One answer: which item, how it was asked, the grade, and how long it took. */
export interface ReviewEntry extends ItemEntryFields {
  type: 'review';
  grade: Grade;
  /** Whether the answer counts as recalled (a typed answer was right, or a self-grade above Again). */
  correct: boolean;
  /** Schema 1 only: time ran out and the item was graded Again (schema 2 writes a `timed-out` entry instead). */
  timedOut?: boolean;
  /** What was typed, for cloze and choice. */
  given?: string;
  /** The id of a rejected answer the learner claimed ("I was right"): this entry grades the same text Good, and an undo takes that one back. */
  overrides?: string;
}

/** An item whose time ran out before it was answered or revealed: in the log, never graded, so its schedule does not move. */
export interface TimedOutEntry extends ItemEntryFields {
  type: 'timed-out';
}

/** Takes back an earlier answer (the `u` key): the answer stays in the log and is ignored. */
export interface UndoEntry {
  v: number;
  type: 'undo';
  id: string;
  at: string;
  session: string;
  undoes: string;
}

/** What a learner can do to an item besides answering it. */
export type ItemAction = 'suspend' | 'unsuspend' | 'bury';

/**
 * Suspends an item (never asked until unsuspended), unsuspends it, or buries it (skipped until the end of
 * the local day of `at`); replayed like answers, and taken back by an undo like them (schema 3).
 */
export interface ItemActionEntry {
  v: number;
  type: ItemAction;
  id: string;
  at: string;
  session: string;
  item: string;
  card: string;
  /** The item's text at the time, so the action follows an edited point like its answers do. */
  text: string;
}

/** A line of the review log. */
export type LogEntry = ReviewEntry | UndoEntry | TimedOutEntry | ItemActionEntry;

/** A log line about one item (everything but an undo). */
export type ItemLogEntry = ReviewEntry | TimedOutEntry | ItemActionEntry;

/** Whether an entry suspends, unsuspends or buries an item. */
export function isItemAction(entry: LogEntry): entry is ItemActionEntry {
  return entry.type === 'suspend' || entry.type === 'unsuspend' || entry.type === 'bury';
}

/** Upgrades a raw line object from version n to n + 1. */
export type Migration = (raw: Record<string, unknown>) => Record<string, unknown>;

/** The migrations, keyed by the version they upgrade from; a new schema version adds one here. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // Schema 2 only added an entry type and a field: a schema 1 line means what it meant (a `timedOut` review stays graded Again).
  1: (raw) => raw,
  // Schema 3 only added entry types: a schema 2 line means what it meant.
  2: (raw) => raw,
};

/** A log line read back: the entry, or why the line cannot be used. */
export type ParsedLine = { ok: true; entry: LogEntry; migratedFrom?: number } | { ok: false; reason: string; newer?: boolean; cutOff?: boolean };

/** The one wording for a line that ends before its JSON does: a write interrupted by a crash, wherever the line now is. */
export const CUT_OFF_REASON = 'cut off (an interrupted write)';

const MODES = new Set(['flashcard', 'cloze', 'choice', 'predict']);
const ACTIONS = new Set(['suspend', 'unsuspend', 'bury']);

/** Serialises an entry as one JSON line (without the newline). */
export function serializeEntry(entry: LogEntry): string {
  return JSON.stringify(entry);
}

/** Parses and validates one log line, migrating older versions step by step. */
export function parseLogLine(line: string, migrations: Readonly<Record<number, Migration>> = MIGRATIONS, current = REVIEW_LOG_VERSION, answerVersion = ANSWER_ENTRY_VERSION): ParsedLine {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return looksCutOff(line) ? { ok: false, reason: CUT_OFF_REASON, cutOff: true } : { ok: false, reason: 'not valid JSON' };
  }
  if (!isObject(raw)) return { ok: false, reason: 'not a JSON object' };
  const from = raw.v;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) return { ok: false, reason: 'no schema version ("v")' };
  if (from > current) return { ok: false, reason: `written by a newer swelearn (schema ${from}; this one reads up to ${current})`, newer: true };
  let upgraded: Record<string, unknown> = raw;
  // Answers, timeouts and undos have not changed since schema 2: they are upgraded to it and no further, so an
  // imported one is written back as an older build can still read it.
  const target = ACTIONS.has(raw.type as string) ? current : Math.min(current, answerVersion);
  for (let version = from; version < target; version++) {
    const migrate = migrations[version];
    if (!migrate) return { ok: false, reason: `no migration from schema ${version}` };
    upgraded = { ...migrate(upgraded), v: version + 1 };
  }
  const problem = validate(upgraded);
  if (problem) return { ok: false, reason: problem };
  return from >= target ? { ok: true, entry: upgraded as unknown as LogEntry } : { ok: true, entry: upgraded as unknown as LogEntry, migratedFrom: from };
}

/**
 * Whether a line that is not valid JSON is the start of an object that stopped early (an open string,
 * object or array at its end): the fragment a crash leaves, which stays one even after the next append
 * puts a newline after it, so every command calls it the same thing.
 */
export function looksCutOff(line: string): boolean {
  const text = line.trimStart();
  if (!text.startsWith('{')) return false;
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      // Closed before the end: whatever is wrong with the line, it is not a missing tail.
      if (depth <= 0) return false;
    }
  }
  return depth > 0 || inString;
}

function validate(raw: Record<string, unknown>): string | undefined {
  if (!shortString(raw.id, 200)) return 'missing "id"';
  if (!shortString(raw.session, 200)) return 'missing "session"';
  if (typeof raw.at !== 'string' || Number.isNaN(Date.parse(raw.at))) return 'missing or invalid time ("at")';
  if (raw.type === 'undo') return shortString(raw.undoes, 200) ? undefined : 'undo without "undoes"';
  if (raw.type !== 'review' && raw.type !== 'timed-out' && !ACTIONS.has(raw.type as string)) return `unknown entry type ${JSON.stringify(raw.type)}`;
  if (!shortString(raw.item, 400) || !shortString(raw.card, 200)) return 'missing "item" or "card"';
  if (ACTIONS.has(raw.type as string)) return typeof raw.text === 'string' ? undefined : 'missing "text"';
  if (typeof raw.mode !== 'string' || !MODES.has(raw.mode)) return 'unknown "mode"';
  if (typeof raw.ms !== 'number' || !(raw.ms >= 0)) return 'missing "ms"';
  if (typeof raw.text !== 'string') return 'missing "text"';
  if (raw.type === 'timed-out') return undefined;
  if (raw.grade !== 1 && raw.grade !== 2 && raw.grade !== 3 && raw.grade !== 4) return '"grade" is not 1 to 4';
  if (typeof raw.correct !== 'boolean') return 'missing "correct"';
  if (raw.overrides !== undefined && !shortString(raw.overrides, 200)) return '"overrides" is not an entry id';
  return undefined;
}

function shortString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
