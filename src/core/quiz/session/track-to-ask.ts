import { State } from 'ts-fsrs';
import type { ItemProgress } from '../progress/derive-progress.js';
import { dueAt } from '../progress/schedule.js';
import { dueTrack, TRACKS, type ScheduleTrack } from '../progress/tracks.js';

/**
 * The track a mixed session asks an item in: a due track first; else, once the item is learnt by
 * recognition alone (graduated to review), recall, which it then meets as a new item; else the track due
 * soonest. Undefined for an item never scheduled, whose mode the session's seed picks.
 */
export function trackToAsk(progress: ItemProgress | undefined, nowMs: number, canRecall: boolean): ScheduleTrack | undefined {
  const tracks = progress?.tracks;
  if (!tracks || (!tracks.recall && !tracks.recognition)) return undefined;
  const due = dueTrack(tracks, nowMs);
  if (due) return due;
  if (canRecall && !tracks.recall && tracks.recognition?.schedule.state === State.Review) return 'recall';
  let soonest: { track: ScheduleTrack; dueMs: number } | undefined;
  for (const track of TRACKS) {
    const schedule = tracks[track]?.schedule;
    if (schedule && (!soonest || dueAt(schedule) < soonest.dueMs)) soonest = { track, dueMs: dueAt(schedule) };
  }
  return soonest?.track;
}
