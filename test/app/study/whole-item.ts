import type { QuizItem } from '../../../src/core/quiz/types.js';

/** An item as a plain object of every field it has: stored items keep most fields on their class, which equality does not see. */
export function wholeItem(item: QuizItem): QuizItem {
  const { id, kind, cardId, cardTitle, topic, tags, difficulty, source, text, front, back, term, predict } = item;
  return { id, kind, cardId, cardTitle, topic, tags, difficulty, source, text, front, back, ...(term ? { term } : {}), ...(predict ? { predict } : {}) };
}

/** Every item as wholeItem gives it. */
export const wholeItems = (items: readonly QuizItem[]): QuizItem[] => items.map(wholeItem);
