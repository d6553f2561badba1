import type { QuizMode } from '../types.js';
import { startOfLocalDay } from './days.js';
import { dueAt, recallProbability, type ItemSchedule } from './schedule.js';

/**
 * The two schedules an item can have: recalling its answer (typed into a cloze, or said before turning a
 * flashcard) and recognising it among options (a choice, or a simulator step's options).
 */
export type ScheduleTrack = 'recall' | 'recognition';

/** Both tracks, recall first (the order stats and exports list them in). */
export const TRACKS: readonly ScheduleTrack[] = ['recall', 'recognition'];

/** The schedule an answer given in `mode` moves: options on screen are recognition, producing the answer is recall. */
export function trackOf(mode: QuizMode): ScheduleTrack {
  return mode === 'choice' || mode === 'predict' ? 'recognition' : 'recall';
}

/** One track of one item: its FSRS state, its scheduled answers, and when it was first scheduled. */
export interface TrackProgress {
  schedule: ItemSchedule;
  /** Answers that moved this schedule (crammed ones do not). */
  answers: number;
  correct: number;
  firstScheduledAt: number;
}

/** Why an item is not asked: suspended by the learner or as a leech (until unsuspended), or buried for the rest of a day. */
export interface ItemHold {
  suspended?: { atMs: number; by: 'learner' | 'leech' };
  /** When the item was last buried: it is skipped until the end of that local day. */
  buriedAtMs?: number;
}

/** Whether an item is held back at `nowMs`: suspended, or buried earlier the same local day. */
export function isHeld(hold: ItemHold | undefined, nowMs: number): boolean {
  if (!hold) return false;
  if (hold.suspended) return true;
  return hold.buriedAtMs !== undefined && hold.buriedAtMs <= nowMs && startOfLocalDay(hold.buriedAtMs) === startOfLocalDay(nowMs);
}

/** The track of an item to ask when it is due: the due one least likely to be recalled, or undefined when neither is due. */
export function dueTrack(tracks: Partial<Record<ScheduleTrack, TrackProgress>> | undefined, nowMs: number): ScheduleTrack | undefined {
  let best: { track: ScheduleTrack; recall: number } | undefined;
  for (const track of TRACKS) {
    const schedule = tracks?.[track]?.schedule;
    if (!schedule || dueAt(schedule) > nowMs) continue;
    const recall = recallProbability(schedule, nowMs);
    if (!best || recall < best.recall) best = { track, recall };
  }
  return best?.track;
}

/** The earliest due time over an item's tracks, or undefined for an item never scheduled. */
export function nextDueOf(tracks: Partial<Record<ScheduleTrack, TrackProgress>> | undefined): number | undefined {
  let next: number | undefined;
  for (const track of TRACKS) {
    const schedule = tracks?.[track]?.schedule;
    if (schedule) next = Math.min(next ?? Infinity, dueAt(schedule));
  }
  return next;
}

/** The predicted chance of recalling an item now: its recall track's, else its recognition track's; undefined when never scheduled. */
export function itemRecall(tracks: Partial<Record<ScheduleTrack, TrackProgress>> | undefined, nowMs: number): number | undefined {
  const schedule = tracks?.recall?.schedule ?? tracks?.recognition?.schedule;
  return schedule ? recallProbability(schedule, nowMs) : undefined;
}
