import type { ProgressView } from './derive-progress.js';
import { recallProbability } from './schedule.js';
import { isHeld, TRACKS, type ScheduleTrack } from './tracks.js';
import type { StudyItem } from '../types.js';
import { compareKeys } from '../../text/compare-keys.js';

/** How well one track holds: the share of its scheduled answers that were right, and the mean predicted recall now. */
export interface TrackRetention {
  /** Items with a schedule in this track. */
  items: number;
  answers: number;
  correct: number;
  /** correct / answers, 0 to 1; undefined before any answer. */
  rate?: number;
  /** The mean chance, 0 to 1, of getting each of those items right now (FSRS retrievability); undefined without items. */
  predicted?: number;
}

/** An item held back: suspended (by the learner or as a leech) or buried today, with where it comes from. */
export interface HeldItem {
  itemId: string;
  cardId: string;
  text: string;
  sectionName: string;
  /** 1-based line of the item in its card file. */
  line: number;
  /** Why it is not asked: suspended by the learner, suspended as a leech, or buried for the rest of today. */
  reason: 'suspended' | 'leech' | 'buried';
  /** When that happened, epoch milliseconds. */
  sinceMs: number;
  lapses: number;
  /** The card file, when the app knows it. */
  path?: string;
}

/** An item failed so often after learning it (8 lapses or more) that its text is probably the problem. */
export interface LeechItem {
  itemId: string;
  cardId: string;
  text: string;
  sectionName: string;
  line: number;
  lapses: number;
  /** Whether it is still suspended (unsuspending keeps the flag, not the suspension). */
  suspended: boolean;
  /** The card file, when the app knows it. */
  path?: string;
}

/** Recall and recognition retention side by side, over the current items. */
export function retentionByTrack(items: readonly StudyItem[], progress: ProgressView, nowMs: number): Record<ScheduleTrack, TrackRetention> {
  const result = {} as Record<ScheduleTrack, TrackRetention>;
  for (const track of TRACKS) {
    let count = 0;
    let answers = 0;
    let correct = 0;
    let predicted = 0;
    for (const item of items) {
      const progressOfTrack = progress.items.get(item.id)?.tracks[track];
      if (!progressOfTrack) continue;
      count++;
      answers += progressOfTrack.answers;
      correct += progressOfTrack.correct;
      predicted += recallProbability(progressOfTrack.schedule, nowMs);
    }
    result[track] = { items: count, answers, correct, ...(answers > 0 ? { rate: correct / answers } : {}), ...(count > 0 ? { predicted: predicted / count } : {}) };
  }
  return result;
}

/** The current items held back at `nowMs`, most recently held first. */
export function heldItems(items: readonly StudyItem[], progress: ProgressView, nowMs: number): HeldItem[] {
  const held: HeldItem[] = [];
  for (const item of items) {
    const answered = progress.items.get(item.id);
    const hold = answered?.hold;
    if (!answered || !hold || !isHeld(hold, nowMs)) continue;
    const where = { itemId: item.id, cardId: item.cardId, text: item.text, sectionName: item.source.sectionName, line: item.source.line, lapses: answered.lapses };
    if (hold.suspended) held.push({ ...where, reason: hold.suspended.by === 'leech' ? 'leech' : 'suspended', sinceMs: hold.suspended.atMs });
    else held.push({ ...where, reason: 'buried', sinceMs: hold.buriedAtMs! });
  }
  return held.sort((a, b) => b.sinceMs - a.sinceMs || compareKeys(a.itemId, b.itemId));
}

/** The current items that are leeches, most lapses first. */
export function leechItems(items: readonly StudyItem[], progress: ProgressView): LeechItem[] {
  const leeches: LeechItem[] = [];
  for (const item of items) {
    const answered = progress.items.get(item.id);
    if (!answered?.leech) continue;
    leeches.push({ itemId: item.id, cardId: item.cardId, text: item.text, sectionName: item.source.sectionName, line: item.source.line, lapses: answered.lapses, suspended: answered.hold?.suspended !== undefined });
  }
  return leeches.sort((a, b) => b.lapses - a.lapses || compareKeys(a.itemId, b.itemId));
}
