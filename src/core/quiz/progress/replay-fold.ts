import { isItemAction, type ItemActionEntry, type ItemLogEntry, type LogEntry, type ReviewEntry } from './log-entry.js';
import { scheduleReview } from './schedule.js';
import { trackOf, type ItemHold, type ScheduleTrack, type TrackProgress } from './tracks.js';

/** Lapses (Again on an item already learnt, as FSRS and Anki count them) that make an item a leech, as in Anki. */
export const LEECH_LAPSES = 8;

/** After the first, every this many more lapses flag and suspend a leech again (Anki's half threshold). */
export const LEECH_REPEAT_LAPSES = 4;

/**
 * One item's answers and actions folded in time order: the counts, one FSRS state per track, whether it
 * is suspended or buried, and the latest card and text (for edit matching).
 */
export interface ItemFold {
  card: string;
  text: string;
  answers: number;
  correct: number;
  misses: number;
  tracks: Partial<Record<ScheduleTrack, TrackProgress>>;
  /** Lapses over both tracks: what makes a leech. */
  lapses: number;
  hold?: ItemHold;
  firstScheduledAt?: number;
  lastAnsweredAt?: number;
}

/** An item's "I was right" claims: how many, the card and text of the first, and how often each text was typed. */
export interface ClaimFold {
  count: number;
  card: string;
  text: string;
  given: Map<string, number>;
}

/** The answers in effect summed in time order: what stats and plan read besides each item's state. */
export interface AnswerSummary {
  total: number;
  correct: number;
  crammed: number;
  timeMs: number;
  /** `timed-out` entries and schema 1 answers marked timedOut. */
  timedOut: number;
  /** Answers per 15-minute UTC slot: every time zone's offset is a multiple of 15 minutes, so local days are counted from slots. */
  slots: Map<number, number>;
  /** The `ms` of the most recent answers (at least the last 200), oldest first. */
  recentMs: number[];
  claims: Map<string, ClaimFold>;
}

/** The log replayed so far: every item's fold, the summary, and the last entry folded (the order a later entry must come after). */
export interface FoldState {
  items: Map<string, ItemFold>;
  summary: AnswerSummary;
  last?: { atMs: number; id: string };
  /** Every id an undo has named, so an entry appended after its undo is still left out. */
  undone: Set<string>;
}

/** The length of one counting slot of the summary, in milliseconds. */
export const SLOT_MS = 15 * 60_000;

/** Whether a lapse count makes an item a leech: 8 lapses, then every 4 more. */
export function isLeechCount(lapses: number): boolean {
  return lapses >= LEECH_LAPSES && (lapses - LEECH_LAPSES) % LEECH_REPEAT_LAPSES === 0;
}

/** A state before any entry. */
export function emptyFold(): FoldState {
  return { items: new Map(), summary: { total: 0, correct: 0, crammed: 0, timeMs: 0, timedOut: 0, slots: new Map(), recentMs: [], claims: new Map() }, undone: new Set() };
}

/** The entries the replay uses, oldest first (then by id): undos and what they undo, and repeated ids, left out. */
export function keptInOrder(entries: readonly LogEntry[], undone: Set<string> = new Set()): { entry: ItemLogEntry; atMs: number }[] {
  for (const entry of entries) if (entry.type === 'undo') undone.add(entry.undoes);
  const seen = new Set<string>();
  const kept: { entry: ItemLogEntry; atMs: number }[] = [];
  for (const entry of entries) {
    if (entry.type === 'undo' || undone.has(entry.id) || seen.has(entry.id)) continue;
    seen.add(entry.id);
    kept.push({ entry, atMs: Date.parse(entry.at) });
  }
  return kept.sort((a, b) => compareKeys(a.atMs, a.entry.id, b.atMs, b.entry.id));
}

/**
 * Folds one kept entry, in time order, into the state under `itemId`: a timed-out entry counts and leaves
 * the schedule alone, an action suspends, unsuspends or buries, and an answer moves the schedule of its
 * mode's track (and suspends the item when its lapses make it a leech).
 */
export function foldEntry(state: FoldState, entry: ItemLogEntry, atMs: number, itemId: string): void {
  let item = state.items.get(itemId);
  if (!item) {
    item = { card: entry.card, text: entry.text, answers: 0, correct: 0, misses: 0, tracks: {}, lapses: 0 };
    state.items.set(itemId, item);
  }
  item.card = entry.card;
  item.text = entry.text;
  state.last = { atMs, id: entry.id };
  if (isItemAction(entry)) {
    foldAction(item, entry, atMs);
    return;
  }
  const summary = state.summary;
  if (entry.type === 'timed-out') {
    summary.timedOut++;
    return;
  }
  summary.total++;
  if (entry.correct) summary.correct++;
  if (entry.cram) summary.crammed++;
  if (entry.timedOut) summary.timedOut++;
  summary.timeMs += entry.ms;
  const slot = Math.floor(atMs / SLOT_MS);
  summary.slots.set(slot, (summary.slots.get(slot) ?? 0) + 1);
  summary.recentMs.push(entry.ms);
  if (summary.recentMs.length > 400) summary.recentMs.splice(0, summary.recentMs.length - 200);
  if (entry.overrides !== undefined) {
    const claim = summary.claims.get(itemId) ?? { count: 0, card: entry.card, text: entry.text, given: new Map<string, number>() };
    claim.count++;
    const typed = entry.given?.trim() ?? '';
    if (typed) claim.given.set(typed, (claim.given.get(typed) ?? 0) + 1);
    summary.claims.set(itemId, claim);
  }
  item.answers++;
  if (entry.correct) item.correct++;
  if (entry.grade === 1) item.misses++;
  item.lastAnsweredAt = atMs;
  if (!entry.cram) scheduleTrack(item, entry, atMs);
}

function scheduleTrack(item: ItemFold, entry: ReviewEntry, atMs: number): void {
  const track = trackOf(entry.mode);
  const before = item.tracks[track];
  const schedule = scheduleReview(before?.schedule, entry.grade, atMs);
  item.tracks[track] = {
    schedule,
    answers: (before?.answers ?? 0) + 1,
    correct: (before?.correct ?? 0) + (entry.correct ? 1 : 0),
    firstScheduledAt: before?.firstScheduledAt ?? atMs,
  };
  item.firstScheduledAt ??= atMs;
  const lapses = schedule.lapses - (before?.schedule.lapses ?? 0);
  if (lapses <= 0) return;
  item.lapses += lapses;
  if (isLeechCount(item.lapses)) item.hold = { ...item.hold, suspended: { atMs, by: 'leech' } };
}

function foldAction(item: ItemFold, entry: ItemActionEntry, atMs: number): void {
  if (entry.type === 'suspend') item.hold = { ...item.hold, suspended: { atMs, by: 'learner' } };
  else if (entry.type === 'bury') item.hold = { ...item.hold, buriedAtMs: atMs };
  // Unsuspending lifts a suspension and a burial alike: the learner asked for the item back.
  else delete item.hold;
}
/** Replays a whole log under each entry's own item id (what a snapshot keeps). */
export function foldLog(entries: readonly LogEntry[]): FoldState {
  const state = emptyFold();
  for (const { entry, atMs } of keptInOrder(entries, state.undone)) foldEntry(state, entry, atMs, entry.item);
  return state;
}

/**
 * Folds entries appended after the state's log into it, when they can be: each new, after the last entry
 * folded, and undoing only entries among themselves; otherwise returns false and leaves the state as it was
 * (the whole log must then be replayed). `known` says whether an id may already be in the state.
 */
export function foldAppended(state: FoldState, appended: readonly LogEntry[], known: (id: string) => boolean): boolean {
  const undone = new Set(state.undone);
  const kept = keptInOrder(appended, undone);
  const ids = new Set(appended.map((entry) => entry.id));
  for (const entry of appended) if (entry.type === 'undo' && !ids.has(entry.undoes) && !state.undone.has(entry.undoes)) return false;
  for (const { entry } of kept) if (known(entry.id)) return false;
  const first = kept[0];
  if (first && state.last && compareKeys(first.atMs, first.entry.id, state.last.atMs, state.last.id) <= 0) return false;
  state.undone = undone;
  for (const { entry, atMs } of kept) foldEntry(state, entry, atMs, entry.item);
  return true;
}

function compareKeys(aMs: number, aId: string, bMs: number, bId: string): number {
  return aMs - bMs || (aId < bId ? -1 : aId > bId ? 1 : 0);
}
