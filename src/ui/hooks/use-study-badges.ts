import { useEffect, useState } from 'react';
import type { StudyBadge } from '../../app/study/card-states.js';
import type { StudyPort } from '../../app/study/study-port.js';
import { runWhenIdle } from '../idle-schedule.js';
import { useInputActivity } from '../input-activity.js';
import { useServices } from '../services.js';

const badgeLoads = new WeakMap<StudyPort, Promise<ReadonlyMap<string, StudyBadge>>>();
// Reading the progress log and making every card's items blocks the main thread for a few hundred
// milliseconds: it runs neither in the first two seconds nor while the learner is typing, only after a pause.
/** How the study badges wait: two seconds after the home screen mounts, and a second without a key. */
export const BADGE_IDLE = { afterMountMs: 2000, quietMs: 1000 } as const;

/** Each card's study state from the study services, loaded once the learner pauses (nothing until then). */
export function useStudyBadges(): (cardId: string) => StudyBadge | undefined {
  const { study, studyState, timer, now } = useServices();
  const activity = useInputActivity();
  const [badges, setBadges] = useState<ReadonlyMap<string, StudyBadge>>(new Map());
  useEffect(() => {
    if (!study || studyState) return;
    let live = true;
    const rule = { earliestAt: now() + BADGE_IDLE.afterMountMs, quietMs: BADGE_IDLE.quietMs };
    const cancel = runWhenIdle(timer, now, () => activity.lastKeyAt, rule, () => {
      let load = badgeLoads.get(study);
      if (!load) badgeLoads.set(study, (load = study.cardStates()));
      load.then((loaded) => live && setBadges(loaded), () => undefined);
    });
    return () => {
      live = false;
      cancel();
    };
  }, [study, studyState, timer, now, activity]);
  return studyState ?? ((cardId) => badges.get(cardId));
}

/** Forgets the loaded study states, so the list reads them again after a quiz changed them. */
export function forgetStudyBadges(study: StudyPort): void {
  badgeLoads.delete(study);
}
