import type { AnswerContext } from '../../core/quiz/answers/known-terms.js';
import type { Glossary } from '../../core/quiz/answers/glossary.js';
import { buildDistractorPool, type DistractorPool } from '../../core/quiz/items/choice.js';
import type { QuizItem } from '../../core/quiz/types.js';
import { currentBuildId, derivedKey, readDerived, writeDerived } from '../../io/derived-cache.js';
import type { AppEnvironment } from '../environment.js';
import type { ItemKeys } from './study-summary.js';

/**
 * The choice options of every item. Choosing them judges candidates against each blank with the
 * glossary (150-200 ms for the bundled deck, on every quiz), so they are cached under a key of the
 * build, the items' blanks and texts, the related-card links and the glossary. Given the item caches'
 * keys (which already name every item's content), the items are not serialised again for the key.
 */
export function distractorPoolFor(environment: AppEnvironment, items: readonly QuizItem[], links: Map<string, readonly string[]>, glossary: Glossary, checking: AnswerContext, itemKeys?: ItemKeys): DistractorPool {
  const key = itemKeys ? distractorPoolKeyOf(currentBuildId(), itemKeys, links, glossary) : distractorPoolKey(currentBuildId(), items, links, glossary);
  const cached = key === undefined ? undefined : readDerived<[string, string[]][]>(environment.paths.cache, 'distractors', key);
  if (cached) return { distractors: new Map(cached) };
  const pool = buildDistractorPool(items, links, checking);
  if (key !== undefined) writeDerived(environment.paths.cache, 'distractors', key, [...pool.distractors]);
  return pool;
}

/** The cache key of the choice options for the items cached under `itemKeys`: the build, those keys, the links and the glossary. */
export function distractorPoolKeyOf(buildId: string | undefined, itemKeys: ItemKeys, links: Map<string, readonly string[]>, glossary: Glossary): string | undefined {
  // Serialising every item for the key took about 1.4 ms of each quiz's start; the item keys hash what made them.
  return derivedKey(buildId, 'items', itemKeys.card, itemKeys.predict, JSON.stringify([...links]), JSON.stringify(glossary));
}

/** The cache key of the choice options: the build, each item's id, card, text and blank, the links and the glossary. */
export function distractorPoolKey(buildId: string | undefined, items: readonly QuizItem[], links: Map<string, readonly string[]>, glossary: Glossary): string | undefined {
  const read = items.map((item) => [item.id, item.cardId, item.text, item.term ?? null]);
  return derivedKey(buildId, JSON.stringify(read), JSON.stringify([...links]), JSON.stringify(glossary));
}
