import { useEffect, useState } from 'react';
import type { StudyBadge } from '../../app/study/card-states.js';
import type { StudyPort } from '../../app/study/study-port.js';
import { useServices } from '../services.js';

const badgeLoads = new WeakMap<StudyPort, Promise<ReadonlyMap<string, StudyBadge>>>();
// Reading the progress log and making every card's items takes a few hundred milliseconds: it waits until the
// learner has had a moment to look, rather than holding up the first keystrokes.
const BADGE_DELAY_MS = 800;

/** Each card's study state from the study services, loaded once after the first frame (nothing until then). */
export function useStudyBadges(): (cardId: string) => StudyBadge | undefined {
  const { study, studyState } = useServices();
  const [badges, setBadges] = useState<ReadonlyMap<string, StudyBadge>>(new Map());
  useEffect(() => {
    if (!study || studyState) return;
    let live = true;
    const handle = setTimeout(() => {
      let load = badgeLoads.get(study);
      if (!load) badgeLoads.set(study, (load = study.cardStates()));
      load.then((loaded) => live && setBadges(loaded), () => undefined);
    }, BADGE_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(handle);
    };
  }, [study, studyState]);
  return studyState ?? ((cardId) => badges.get(cardId));
}

/** Forgets the loaded study states, so the list reads them again after a quiz changed them. */
export function forgetStudyBadges(study: StudyPort): void {
  badgeLoads.delete(study);
}
