import { startOfLocalDay } from './days.js';
import type { ItemActionEntry, LogEntry, ReviewEntry, TimedOutEntry } from './log-entry.js';
import { matchEditedItems, type ItemText } from './match-edits.js';
import { emptyFold, foldEntry, keptInOrder, LEECH_LAPSES, type AnswerSummary, type FoldState, type ItemFold } from './replay-fold.js';
import { TRACKS, type ItemHold, type ScheduleTrack, type TrackProgress } from './tracks.js';

/** What the log says about one item. */
export interface ItemProgress {
  itemId: string;
  /** FSRS state per track, from every answer in that track's modes that was not crammed or undone. */
  tracks: Partial<Record<ScheduleTrack, TrackProgress>>;
  answers: number;
  correct: number;
  /** Answers graded Again. */
  misses: number;
  /** Lapses over both tracks (Again on an item already learnt). */
  lapses: number;
  /** 8 lapses or more: flagged, and suspended when it got there. */
  leech: boolean;
  /** Suspended, or buried on some day; `isHeld` says whether that holds it back now. */
  hold?: ItemHold;
  firstScheduledAt?: number;
  lastAnsweredAt?: number;
}

/** What stats, plan and the quiz read: each current item's state and the answers summed. */
export interface ProgressView {
  items: Map<string, ItemProgress>;
  summary: AnswerSummary;
}

/** The scheduling state derived from the review log: the log is the truth, this is recomputed from it. */
export interface DerivedProgress extends ProgressView {
  /** Answers still in effect (undone ones removed, duplicates dropped), oldest first, ids mapped to current items. */
  reviews: ReviewEntry[];
  /** Items whose time ran out, in effect like the reviews: they count in statistics and never in the schedule. */
  timeouts: TimedOutEntry[];
  /** Suspensions, unsuspensions and burials in effect, oldest first. */
  actions: ItemActionEntry[];
  /** Old item ids that were matched to edited points. */
  aliases: Map<string, string>;
}

/** Replays the log in time order, applying undos and mapping edited points to their new ids; timed-out items leave the schedule alone. */
export function deriveProgress(entries: readonly LogEntry[], currentItems: readonly ItemText[]): DerivedProgress {
  const state = emptyFold();
  const kept = keptInOrder(entries, state.undone);
  const latestText = new Map<string, ItemText>();
  for (const { entry } of kept) latestText.set(entry.item, { id: entry.item, cardId: entry.card, text: entry.text });
  const aliases = matchEditedItems([...latestText.values()], currentItems);
  const reviews: ReviewEntry[] = [];
  const timeouts: TimedOutEntry[] = [];
  const actions: ItemActionEntry[] = [];
  for (const { entry, atMs } of kept) {
    const itemId = aliases.get(entry.item) ?? entry.item;
    foldEntry(state, entry, atMs, itemId);
    const mapped = itemId === entry.item ? entry : { ...entry, item: itemId };
    if (mapped.type === 'timed-out') timeouts.push(mapped);
    else if (mapped.type === 'review') reviews.push(mapped);
    else actions.push(mapped);
  }
  const items = new Map<string, ItemProgress>();
  for (const [itemId, fold] of state.items) if (inView(fold)) items.set(itemId, progressOf(itemId, fold));
  return { items, summary: state.summary, reviews, timeouts, actions, aliases };
}

/**
 * The view of a fold kept under the logged ids (a snapshot's) under the current items' ids; undefined when
 * edit matching joins the answers of two logged ids into one item, whose schedule only a replay of the whole log gives.
 */
export function viewFold(state: FoldState, currentItems: readonly ItemText[]): ProgressView | undefined {
  const aliases = matchEditedItems([...state.items].map(([id, fold]) => ({ id, cardId: fold.card, text: fold.text })), currentItems);
  const items = new Map<string, ItemProgress>();
  for (const [id, fold] of state.items) {
    if (!inView(fold)) continue;
    const itemId = aliases.get(id) ?? id;
    if (items.has(itemId)) return undefined;
    items.set(itemId, progressOf(itemId, fold));
  }
  const claims = new Map([...state.summary.claims].map(([id, claim]) => [aliases.get(id) ?? id, claim]));
  return { items, summary: { ...state.summary, claims } };
}

// An item is in the view once answered, or while an action holds it (a suspended item never asked is still suspended).
function inView(fold: ItemFold): boolean {
  return fold.answers > 0 || fold.hold !== undefined;
}

function progressOf(itemId: string, fold: ItemFold): ItemProgress {
  return {
    itemId, answers: fold.answers, correct: fold.correct, misses: fold.misses, tracks: { ...fold.tracks }, lapses: fold.lapses, leech: fold.lapses >= LEECH_LAPSES,
    ...(fold.hold ? { hold: fold.hold } : {}),
    ...(fold.firstScheduledAt === undefined ? {} : { firstScheduledAt: fold.firstScheduledAt }),
    ...(fold.lastAnsweredAt === undefined ? {} : { lastAnsweredAt: fold.lastAnsweredAt }),
  };
}

/** How many item tracks had their first scheduled answer today: the new items already used from the daily limit (an item met in both tracks counts twice, like Anki's sibling cards). */
export function newItemsToday(progress: ProgressView, nowMs: number): number {
  const start = startOfLocalDay(nowMs);
  let count = 0;
  for (const item of progress.items.values()) for (const track of TRACKS) if ((item.tracks[track]?.firstScheduledAt ?? -Infinity) >= start) count++;
  return count;
}
