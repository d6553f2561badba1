import { createEmptyCard, fsrs, type Card as FsrsCard, type Grade as FsrsGrade } from 'ts-fsrs';
import type { Grade } from '../types.js';

/** An item's FSRS memory state: stability, difficulty, due date and counts. */
export type ItemSchedule = FsrsCard;

// No fuzz: the same log must always give the same schedule, on every machine.
const scheduler = fsrs({ enable_fuzz: false });

/** The state after one more review of the item at `nowMs` (a new item starts empty). */
export function scheduleReview(schedule: ItemSchedule | undefined, grade: Grade, nowMs: number): ItemSchedule {
  const now = new Date(nowMs);
  return scheduler.next(schedule ?? createEmptyCard(now), now, grade as FsrsGrade).card;
}

/** The predicted chance of recalling the item at `nowMs`, 0 to 1 (1 for an item never reviewed). */
export function recallProbability(schedule: ItemSchedule | undefined, nowMs: number): number {
  if (!schedule || schedule.reps === 0) return 1;
  return scheduler.get_retrievability(schedule, new Date(nowMs), false);
}

/** When the item is next due, in epoch milliseconds. */
export function dueAt(schedule: ItemSchedule): number {
  return schedule.due.getTime();
}
