import { addLocalDays, localDayKey, startOfLocalDay } from './days.js';
import type { ProgressView } from './derive-progress.js';
import { SLOT_MS, type AnswerSummary } from './replay-fold.js';
import { heldItems, leechItems, retentionByTrack, type HeldItem, type LeechItem, type TrackRetention } from './track-stats.js';
import { isHeld, itemRecall, nextDueOf, type ScheduleTrack } from './tracks.js';
import type { StudyItem } from '../types.js';
import { compareKeys } from '../../text/compare-keys.js';

/** Answers and how many were right, for one tag or topic. */
export interface RecallGroup {
  key: string;
  answers: number;
  correct: number;
  /** correct / answers, 0 to 1. */
  recall: number;
  items: number;
}

/** An item the learner struggles with most. */
export interface WeakItem {
  itemId: string;
  cardId: string;
  text: string;
  recall: number;
  misses: number;
  answers: number;
  sectionName: string;
}

/** An item whose rejected answers the learner claimed right most often, with what was typed: a candidate for new accepted alternatives. */
export interface OverriddenItem {
  itemId: string;
  cardId: string;
  text: string;
  count: number;
  /** The texts claimed, most often claimed first. */
  given: string[];
}

/** Everything `swelearn stats` reports. */
export interface StudyStats {
  items: { total: number; studied: number; unseen: number };
  answers: { total: number; correct: number; crammed: number; timeMs: number };
  /** Times an item ran out of time (`timed-out` entries, and schema 1 answers marked timedOut). */
  timedOut: number;
  /** Answers the learner claimed right after the check rejected them ("I was right"), and the items claimed most. */
  overrides: { count: number; items: OverriddenItem[] };
  /** Due by the end of today, overdue included. */
  dueToday: number;
  /** Items due on each of the next 7 days, today first (today includes overdue). */
  dueByDay: { day: string; count: number }[];
  streakDays: number;
  studiedToday: boolean;
  byTag: RecallGroup[];
  byTopic: RecallGroup[];
  weakest: WeakItem[];
  /** Answers per day for the last 12 weeks, oldest first. */
  days: { day: string; answers: number }[];
  /** Recall (cloze, flashcard) and recognition (choice, predict) scheduled apart, side by side. */
  retention: Record<ScheduleTrack, TrackRetention>;
  /** Items suspended (by the learner or as leeches) or buried today: none of them is asked. */
  held: HeldItem[];
  /** Items with 8 lapses or more. */
  leeches: LeechItem[];
}

/** Aggregates the derived progress over the current items at `nowMs`. */
export function computeStats(items: readonly StudyItem[], progress: ProgressView, nowMs: number): StudyStats {
  const byId = new Map(items.map((item) => [item.id, item]));
  const tags = new Map<string, RecallGroup>();
  const topics = new Map<string, RecallGroup>();
  const perDay = new Map<string, number>();
  const summary = progress.summary;
  // Slots are 15 minutes of UTC, and every time zone's offset is a multiple of 15 minutes: a slot lies in one local day.
  for (const [slot, answers] of summary.slots) {
    const day = localDayKey(slot * SLOT_MS);
    perDay.set(day, (perDay.get(day) ?? 0) + answers);
  }
  for (const [id, item] of byId) {
    const answered = progress.items.get(id);
    if (!answered?.answers) continue;
    for (const tag of item.tags) addTo(tags, tag, answered.answers, answered.correct);
    addTo(topics, item.topic, answered.answers, answered.correct);
  }
  for (const item of items) {
    if (!progress.items.get(item.id)?.answers) continue;
    for (const tag of item.tags) countItem(tags, tag);
    countItem(topics, item.topic);
  }
  const todayStart = startOfLocalDay(nowMs);
  const dueByDay = Array.from({ length: 7 }, (_, offset) => ({ day: localDayKey(addLocalDays(todayStart, offset)), count: 0 }));
  const weakest: WeakItem[] = [];
  let studied = 0;
  for (const item of items) {
    const entry = progress.items.get(item.id);
    if (!entry?.answers) continue;
    studied++;
    const due = nextDueOf(entry.tracks);
    const recall = itemRecall(entry.tracks, nowMs);
    if (due === undefined || recall === undefined || entry.hold?.suspended) continue;
    // An item buried today waits until tomorrow, whatever its schedule says.
    const buried = isHeld(entry.hold, nowMs);
    const offset = Math.max(buried ? 1 : 0, due < todayStart ? 0 : Math.round((startOfLocalDay(due) - todayStart) / 86_400_000));
    if (offset < 7) dueByDay[offset]!.count += 1;
    weakest.push({ itemId: item.id, cardId: item.cardId, text: item.text, recall, misses: entry.misses, answers: entry.answers, sectionName: item.source.sectionName });
  }
  // Weakness blends how likely a lapse is now with how often the item was missed.
  const weakness = (item: WeakItem) => 0.6 * (1 - item.recall) + 0.4 * (item.misses / Math.max(1, item.answers));
  weakest.sort((a, b) => weakness(b) - weakness(a) || compareKeys(a.itemId, b.itemId));
  const days = Array.from({ length: 84 }, (_, index) => {
    const day = localDayKey(addLocalDays(todayStart, index - 83));
    return { day, answers: perDay.get(day) ?? 0 };
  });
  return {
    items: { total: items.length, studied, unseen: items.length - studied },
    answers: { total: summary.total, correct: summary.correct, crammed: summary.crammed, timeMs: summary.timeMs },
    timedOut: summary.timedOut,
    overrides: overriddenItems(summary, byId),
    dueToday: dueByDay[0]!.count,
    dueByDay,
    ...streak(perDay, todayStart),
    byTag: sortGroups(tags),
    byTopic: sortGroups(topics),
    weakest: weakest.filter((item) => item.misses > 0 || item.recall < 0.9).slice(0, 10),
    days,
    retention: retentionByTrack(items, progress, nowMs),
    held: heldItems(items, progress, nowMs),
    leeches: leechItems(items, progress),
  };
}

function overriddenItems(summary: AnswerSummary, byId: Map<string, StudyItem>): StudyStats['overrides'] {
  let count = 0;
  const perItem = [...summary.claims].map(([itemId, claim]) => {
    count += claim.count;
    return { item: { itemId, cardId: claim.card, text: byId.get(itemId)?.text ?? claim.text, count: claim.count, given: [] as string[] }, given: claim.given };
  });
  const items = perItem
    .map(({ item, given }) => ({ ...item, given: [...given].sort((a, b) => b[1] - a[1] || compareKeys(a[0], b[0])).slice(0, 5).map(([text]) => text) }))
    .sort((a, b) => b.count - a.count || compareKeys(a.itemId, b.itemId))
    .slice(0, 10);
  return { count, items };
}

function streak(perDay: Map<string, number>, todayStart: number): { streakDays: number; studiedToday: boolean } {
  const studiedToday = perDay.has(localDayKey(todayStart));
  // A streak is still alive today if yesterday was studied.
  let offset = studiedToday ? 0 : -1;
  let streakDays = 0;
  while (perDay.has(localDayKey(addLocalDays(todayStart, offset)))) {
    streakDays++;
    offset--;
  }
  return { streakDays, studiedToday };
}

function addTo(groups: Map<string, RecallGroup>, key: string, answers: number, correct: number): void {
  const group = groups.get(key) ?? { key, answers: 0, correct: 0, recall: 0, items: 0 };
  group.answers += answers;
  group.correct += correct;
  group.recall = group.correct / group.answers;
  groups.set(key, group);
}

function countItem(groups: Map<string, RecallGroup>, key: string): void {
  const group = groups.get(key);
  if (group) group.items += 1;
}

function sortGroups(groups: Map<string, RecallGroup>): RecallGroup[] {
  return [...groups.values()].sort((a, b) => a.recall - b.recall || b.answers - a.answers || compareKeys(a.key, b.key));
}
