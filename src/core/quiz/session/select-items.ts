import type { ProgressView } from '../progress/derive-progress.js';
import { newItemsToday } from '../progress/derive-progress.js';
import { dueAt, recallProbability, type ItemSchedule } from '../progress/schedule.js';
import { isHeld, type ScheduleTrack } from '../progress/tracks.js';
import type { QuizItem } from '../types.js';
import { pushTo } from './new-item-order.js';

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
    const recall = recallAt(schedule, nowMs);
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
  // The chosen items are the due ones, then (to cram) the learnt ones, then the new ones: counted from where they stand,
  // not through sets of every due and new id (a thousand ids made before the quiz's first frame).
  const dueCount = Math.min(items.length, dueItems.length);
  const newCount = Math.max(0, items.length - dueItems.length - (options.cram ? learned.length : 0));
  return {
    items,
    dueCount,
    newCount,
    totalDue: dueItems.length,
    newRemaining,
    newWaiting: options.cram ? 0 : Math.max(0, fresh.length - newRemaining),
    ...(nextDueAt === undefined ? {} : { nextDueAt }),
    held,
  };
}

/**
 * Whether selectItems reads where a candidate with progress stands in the order it is given, beyond the first `count`
 * items without progress: a due item (or, to cram, a learnt one) whose schedule ties with another's, since the order
 * breaks the tie. Any other item's place changes nothing: its schedule alone decides where the selection puts it, a
 * held item is never picked, and the new items it takes (`count` at most) are found among the first `count` items
 * without progress, before it. orderForSelection then deals the new-item order only as far as those and the items
 * with progress among them, not every item: with 1,000 generated cards added, `swelearn quiz` in a pipe took 151 ms
 * against 178 ms (15 interleaved pairs); with the bundled cards alone it changed nothing measurable.
 */
export function placeReader(candidates: readonly QuizItem[], progress: ProgressView, options: SelectOptions): (item: QuizItem) => boolean {
  const { nowMs } = options;
  // The items of each due (recall, due) pair and each learnt recall: two or more under one key are a tie.
  const due = new Map<string, QuizItem[]>();
  const learned = new Map<number, QuizItem[]>();
  for (const item of candidates) {
    const answered = progress.items.get(item.id);
    if (!answered || isHeld(answered.hold, nowMs)) continue;
    const schedule = answered.tracks[options.trackOf(item)]?.schedule;
    if (!schedule) continue;
    const recall = recallAt(schedule, nowMs);
    if (dueAt(schedule) <= nowMs) pushTo(due, `${recall} ${dueAt(schedule)}`, item);
    else if (options.cram) pushTo(learned, recall, item);
  }
  const read = new Set<QuizItem>();
  for (const tied of [...due.values(), ...learned.values()]) if (tied.length > 1) for (const item of tied) read.add(item);
  return (item) => read.has(item);
}

// Each schedule's recall at the moment last asked: placeReader and then selectItems read it for the same schedules and
// moment. Worked out twice (ts-fsrs copies the card and its dates each time), the selection of a quiz's first frame
// took 2.3 ms instead of 1.0 ms (bundled cards, 9 runs).
const recalls = new WeakMap<ItemSchedule, { nowMs: number; recall: number }>();

function recallAt(schedule: ItemSchedule, nowMs: number): number {
  const known = recalls.get(schedule);
  if (known?.nowMs === nowMs) return known.recall;
  const recall = recallProbability(schedule, nowMs);
  recalls.set(schedule, { nowMs, recall });
  return recall;
}
