import { startOfLocalDay } from './days.js';
import type { LogEntry, ReviewEntry, TimedOutEntry } from './log-entry.js';
import { matchEditedItems, type ItemText } from './match-edits.js';
import { scheduleReview, type ItemSchedule } from './schedule.js';

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

/** The scheduling state derived from the review log: the log is the truth, this is recomputed from it. */
export interface DerivedProgress {
  items: Map<string, ItemProgress>;
  /** Answers still in effect (undone ones removed, duplicates dropped), oldest first, ids mapped to current items. */
  reviews: ReviewEntry[];
  /** Items whose time ran out, in effect like the reviews: they count in statistics and never in the schedule. */
  timeouts: TimedOutEntry[];
  /** Old item ids that were matched to edited points. */
  aliases: Map<string, string>;
}

/** Replays the log in time order, applying undos and mapping edited points to their new ids; timed-out items leave the schedule alone. */
export function deriveProgress(entries: readonly LogEntry[], currentItems: readonly ItemText[]): DerivedProgress {
  const undone = new Set(entries.flatMap((entry) => (entry.type === 'undo' ? [entry.undoes] : [])));
  const seen = new Set<string>();
  const kept: { entry: ReviewEntry | TimedOutEntry; atMs: number }[] = [];
  for (const entry of entries) {
    if (entry.type === 'undo' || undone.has(entry.id) || seen.has(entry.id)) continue;
    seen.add(entry.id);
    kept.push({ entry, atMs: Date.parse(entry.at) });
  }
  kept.sort((a, b) => a.atMs - b.atMs || (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0));
  const latestText = new Map<string, ItemText>();
  for (const { entry } of kept) latestText.set(entry.item, { id: entry.item, cardId: entry.card, text: entry.text });
  const aliases = matchEditedItems([...latestText.values()], currentItems);
  const items = new Map<string, ItemProgress>();
  const reviews: ReviewEntry[] = [];
  const timeouts: TimedOutEntry[] = [];
  for (const { entry, atMs } of kept) {
    const itemId = aliases.get(entry.item) ?? entry.item;
    if (entry.type === 'timed-out') {
      timeouts.push(itemId === entry.item ? entry : { ...entry, item: itemId });
      continue;
    }
    const review = itemId === entry.item ? entry : { ...entry, item: itemId };
    reviews.push(review);
    let progress = items.get(itemId);
    if (!progress) {
      progress = { itemId, answers: 0, correct: 0, misses: 0 };
      items.set(itemId, progress);
    }
    progress.answers += 1;
    if (review.correct) progress.correct += 1;
    if (review.grade === 1) progress.misses += 1;
    progress.lastAnsweredAt = atMs;
    if (!review.cram) {
      progress.schedule = scheduleReview(progress.schedule, review.grade, atMs);
      progress.firstScheduledAt ??= atMs;
    }
  }
  return { items, reviews, timeouts, aliases };
}

/** How many items had their first scheduled answer today: the new items already used from the daily limit. */
export function newItemsToday(progress: DerivedProgress, nowMs: number): number {
  const start = startOfLocalDay(nowMs);
  let count = 0;
  for (const item of progress.items.values()) if (item.firstScheduledAt !== undefined && item.firstScheduledAt >= start) count++;
  return count;
}
