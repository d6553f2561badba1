import { presentItem } from '../items/present.js';
import { matchEditedItems } from '../progress/match-edits.js';
import type { Question, QuizItem } from '../types.js';
/** What an edit of a card did to an item of the session: the item it became, or gone (its point was removed). */
export type EditedItem = { kind: 'same' } | { kind: 'changed'; item: QuizItem } | { kind: 'removed' };

/** Finds what `old` became among the card's items after an edit: the same id, or the most similar point (edit matching). */
export function findEditedItem(old: QuizItem, items: readonly QuizItem[]): EditedItem {
  const same = items.find((item) => item.id === old.id);
  if (same) return same.text === old.text && same.front === old.front && same.back === old.back ? { kind: 'same' } : { kind: 'changed', item: same };
  const mapped = matchEditedItems([old], items).get(old.id);
  const item = mapped === undefined ? undefined : items.find((candidate) => candidate.id === mapped);
  return item ? { kind: 'changed', item } : { kind: 'removed' };
}

/** The question of an edited item in the same mode and time limit; a choice keeps its wrong options around the new answer. */
export function representQuestion(question: Question, item: QuizItem): Question | undefined {
  const wrong = question.choices?.filter((_, index) => index !== question.correctIndex) ?? [];
  const pool = { distractors: new Map([[item.id, wrong]]) };
  return presentItem(item, question.mode, pool, 0, { perItemMs: question.timeLimitMs });
}

