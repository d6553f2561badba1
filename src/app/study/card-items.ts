import type { Card } from '../../core/cards/types.js';
import { generateItems } from '../../core/quiz/items/generate-items.js';
import type { QuizItem } from '../../core/quiz/types.js';
import { currentBuildId, derivedKey, readDerived, writeDerived } from '../../io/derived-cache.js';
import type { AppEnvironment } from '../environment.js';

/**
 * The quiz items of the cards' key points and practice questions. Making them lexes every point
 * (20-50 ms for the bundled cards, on every quiz, stats, plan and export), so they are cached under a
 * key of the build and every card field the items are made from.
 */
export function cardItemsFor(environment: AppEnvironment, cards: readonly Card[]): QuizItem[] {
  const key = cardItemsKey(currentBuildId(), cards);
  const cached = key === undefined ? undefined : readDerived<QuizItem[]>(environment.paths.cache, 'card-items', key);
  if (cached) return cached;
  const items = generateItems(cards);
  if (key !== undefined) writeDerived(environment.paths.cache, 'card-items', key, items);
  return items;
}

/** The cache key of the cards' items: the build, and each card's fields that generateItems reads. */
export function cardItemsKey(buildId: string | undefined, cards: readonly Card[]): string | undefined {
  const read = cards.map((card) => [card.id, card.title, card.topic, card.tags, card.difficulty, card.sections.map((section) => [section.kind, section.name]), card.keyPoints, card.practiceQuestions]);
  return derivedKey(buildId, JSON.stringify(read));
}
