import { dueTrack, isHeld } from '../../core/quiz/progress/tracks.js';
import type { ProgressView } from '../../core/quiz/progress/derive-progress.js';
import type { StudyItem } from '../../core/quiz/types.js';

/** A short study-state label for a card in a list ("3 due", "new", "learnt"), with the tone to draw it in. */
export interface StudyBadge {
  label: string;
  tone: 'good' | 'warn' | 'bad' | 'muted';
}

/** Each card's study state: how many of its items are due, or whether it is new, partly seen or learnt. */
export function cardStates(data: { items: readonly StudyItem[]; progress: ProgressView }, nowMs: number): Map<string, StudyBadge> {
  const perCard = new Map<string, { due: number; studied: number; total: number }>();
  for (const item of data.items) {
    const counts = perCard.get(item.cardId) ?? { due: 0, studied: 0, total: 0 };
    const answered = data.progress.items.get(item.id);
    counts.total++;
    if (answered && answered.answers > 0) {
      counts.studied++;
      // A suspended or buried item is not waiting for the learner, whatever its schedule says.
      if (!isHeld(answered.hold, nowMs) && dueTrack(answered.tracks, nowMs)) counts.due++;
    }
    perCard.set(item.cardId, counts);
  }
  const badges = new Map<string, StudyBadge>();
  for (const [cardId, counts] of perCard) {
    if (counts.due > 0) badges.set(cardId, { label: `${counts.due} due`, tone: 'warn' });
    else if (counts.studied === 0) badges.set(cardId, { label: 'new', tone: 'muted' });
    else badges.set(cardId, { label: counts.studied < counts.total ? `${counts.studied}/${counts.total} seen` : 'learnt', tone: 'good' });
  }
  return badges;
}
