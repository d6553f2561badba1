import { startOfLocalDay } from './days.js';
import type { LogEntry, ReviewEntry, TimedOutEntry } from './log-entry.js';
import { matchEditedItems, type ItemText } from './match-edits.js';
import { emptyFold, foldEntry, keptInOrder, type AnswerSummary, type FoldState, type ItemFold } from './replay-fold.js';
import type { ItemSchedule } from './schedule.js';

/** What the log says about one item. */
export interface ItemProgress {
  itemId: string;
  /** FSRS state from every answer that was not crammed or undone; undefined if there is none. */
  schedule?: ItemSchedule;
  answers: number;
  correct: number;
  /** Answers graded Again. */
  misses: number;
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
  for (const { entry, atMs } of kept) {
    const itemId = aliases.get(entry.item) ?? entry.item;
    foldEntry(state, entry, atMs, itemId);
    if (entry.type === 'timed-out') timeouts.push(itemId === entry.item ? entry : { ...entry, item: itemId });
    else reviews.push(itemId === entry.item ? entry : { ...entry, item: itemId });
  }
  const items = new Map<string, ItemProgress>();
  for (const [itemId, fold] of state.items) if (fold.answers > 0) items.set(itemId, progressOf(itemId, fold));
  return { items, summary: state.summary, reviews, timeouts, aliases };
}

/**
 * The view of a fold kept under the logged ids (a snapshot's) under the current items' ids; undefined when
 * edit matching joins the answers of two logged ids into one item, whose schedule only a replay of the whole log gives.
 */
export function viewFold(state: FoldState, currentItems: readonly ItemText[]): ProgressView | undefined {
  const aliases = matchEditedItems([...state.items].map(([id, fold]) => ({ id, cardId: fold.card, text: fold.text })), currentItems);
  const items = new Map<string, ItemProgress>();
  for (const [id, fold] of state.items) {
    if (fold.answers === 0) continue;
    const itemId = aliases.get(id) ?? id;
    if (items.has(itemId)) return undefined;
    items.set(itemId, progressOf(itemId, fold));
  }
  const claims = new Map([...state.summary.claims].map(([id, claim]) => [aliases.get(id) ?? id, claim]));
  return { items, summary: { ...state.summary, claims } };
}

function progressOf(itemId: string, fold: ItemFold): ItemProgress {
  return {
    itemId, answers: fold.answers, correct: fold.correct, misses: fold.misses,
    ...(fold.schedule ? { schedule: fold.schedule } : {}),
    ...(fold.firstScheduledAt === undefined ? {} : { firstScheduledAt: fold.firstScheduledAt }),
    ...(fold.lastAnsweredAt === undefined ? {} : { lastAnsweredAt: fold.lastAnsweredAt }),
  };
}

/** How many items had their first scheduled answer today: the new items already used from the daily limit. */
export function newItemsToday(progress: ProgressView, nowMs: number): number {
  const start = startOfLocalDay(nowMs);
  let count = 0;
  for (const item of progress.items.values()) if (item.firstScheduledAt !== undefined && item.firstScheduledAt >= start) count++;
  return count;
}
