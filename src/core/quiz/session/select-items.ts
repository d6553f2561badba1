import type { ProgressView } from '../progress/derive-progress.js';
import { newItemsToday } from '../progress/derive-progress.js';
import { dueAt, recallProbability } from '../progress/schedule.js';
import { isHeld, type ScheduleTrack } from '../progress/tracks.js';
import type { QuizItem } from '../types.js';

/** How a session picks its items. */
export interface SelectOptions {
  nowMs: number;
  count: number;
  /** Only items that are due. */
  dueOnly: boolean;
  /** Practise anything, weakest first, ignoring the daily limit (the schedule is not changed). */
  cram: boolean;
  newPerDay: number;
  /** The track each item is asked in this session (its question's mode says): due, learnt and new are judged on it. */
  trackOf: (item: QuizItem) => ScheduleTrack;
}

/** The items chosen for a session and what the learner should be told about them. */
export interface Selection {
  items: QuizItem[];
  dueCount: number;
  newCount: number;
  /** Due items among the candidates, whether or not they fit in this session. */
  totalDue: number;
  /** New items still allowed today. */
  newRemaining: number;
  /** Never-seen items held back by the daily limit. */
  newWaiting: number;
  /** The earliest future due time among the candidates, for "nothing is due until ...". */
  nextDueAt?: number;
  /** Candidates left out because they are suspended (leeches included) or buried today. */
  held: { suspended: number; buried: number };
}

/**
 * Picks due items first (least likely to be recalled first), then new ones under the daily limit, each
 * judged on the track it is asked in; suspended items and items buried today are never picked, not even to cram.
 */
export function selectItems(candidates: readonly QuizItem[], progress: ProgressView, options: SelectOptions): Selection {
  const { nowMs } = options;
  const due: { item: QuizItem; recall: number; due: number }[] = [];
  const learned: { item: QuizItem; recall: number }[] = [];
  const fresh: QuizItem[] = [];
  let nextDueAt: number | undefined;
  const held = { suspended: 0, buried: 0 };
  for (const item of candidates) {
    const answered = progress.items.get(item.id);
    if (isHeld(answered?.hold, nowMs)) {
      if (answered?.hold?.suspended) held.suspended++;
      else held.buried++;
      continue;
    }
    const schedule = answered?.tracks[options.trackOf(item)]?.schedule;
    if (!schedule) {
      fresh.push(item);
      continue;
    }
    const recall = recallProbability(schedule, nowMs);
    if (dueAt(schedule) <= nowMs) due.push({ item, recall, due: dueAt(schedule) });
    else {
      learned.push({ item, recall });
      nextDueAt = Math.min(nextDueAt ?? Infinity, dueAt(schedule));
    }
  }
  due.sort((a, b) => a.recall - b.recall || a.due - b.due);
  learned.sort((a, b) => a.recall - b.recall);
  const newRemaining = Math.max(0, options.newPerDay - newItemsToday(progress, nowMs));
  const dueItems = due.map((entry) => entry.item);
  let chosen: QuizItem[];
  if (options.cram) chosen = [...dueItems, ...learned.map((entry) => entry.item), ...fresh];
  else if (options.dueOnly) chosen = dueItems;
  else chosen = [...dueItems, ...fresh.slice(0, newRemaining)];
  const items = chosen.slice(0, options.count);
  const dueIds = new Set(dueItems.map((item) => item.id));
  const dueCount = items.filter((item) => dueIds.has(item.id)).length;
  const newIds = new Set(fresh.map((item) => item.id));
  return {
    items,
    dueCount,
    newCount: items.filter((item) => newIds.has(item.id)).length,
    totalDue: dueItems.length,
    newRemaining,
    newWaiting: options.cram ? 0 : Math.max(0, fresh.length - newRemaining),
    ...(nextDueAt === undefined ? {} : { nextDueAt }),
    held,
  };
}
