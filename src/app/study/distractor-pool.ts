import type { AnswerContext } from '../../core/quiz/answers/known-terms.js';
import type { Glossary } from '../../core/quiz/answers/glossary.js';
import { buildDistractorPool, type DistractorPool } from '../../core/quiz/items/choice.js';
import type { QuizItem } from '../../core/quiz/types.js';
import { currentBuildId, derivedKey, readDerived, writeDerived } from '../../io/derived-cache.js';
import type { AppEnvironment } from '../environment.js';
import type { ItemKeys } from './study-summary.js';

/**
 * The choice options of every item. Choosing them judges candidates against each blank with the
 * glossary (150-200 ms for the bundled deck, on every quiz), so they are cached under a key of what
 * choosing them reads: the build, the items with a blank, their cards' related-card links and the
 * glossary's terms. Cards without blanks add nothing to it, so a deck that adds only such cards finds the
 * bundled deck's options in the build's seed. Given the item caches' keys (which already name every
 * item's content), the key found for them last time is reused and no item is serialised again.
 */
export function distractorPoolFor(environment: AppEnvironment, items: readonly QuizItem[], links: Map<string, readonly string[]>, glossary: Glossary, checking: AnswerContext, itemKeys?: ItemKeys): DistractorPool {
  const cacheDir = environment.paths.cache;
  const named = itemKeys && distractorPoolKeyOf(currentBuildId(), itemKeys, links, glossary);
  // Only the cache folder holds the key of these items: the seed is keyed by the blanks alone.
  const known = named === undefined ? undefined : readDerived<string>(cacheDir, 'distractor-key', named, undefined);
  const key = known ?? distractorPoolKey(currentBuildId(), items, links, glossary);
  const cached = key === undefined ? undefined : readDerived<[string, string[]][]>(cacheDir, 'distractors', key);
  const pool = cached ? { distractors: new Map(cached) } : buildDistractorPool(items, links, checking);
  if (!cached && key !== undefined) writeDerived(cacheDir, 'distractors', key, [...pool.distractors]);
  if (named !== undefined && key !== undefined && known === undefined) writeDerived(cacheDir, 'distractor-key', named, key);
  return pool;
}

/** The key under which the options of the items cached under `itemKeys` were last found: the build, those keys, the links and the glossary. */
export function distractorPoolKeyOf(buildId: string | undefined, itemKeys: ItemKeys, links: Map<string, readonly string[]>, glossary: Glossary): string | undefined {
  // Serialising every item for the key took about 1.4 ms of each quiz's start; the item keys hash what made them.
  return derivedKey(buildId, 'items', itemKeys.card, itemKeys.predict, JSON.stringify([...links]), glossaryTerms(glossary));
}

/**
 * The cache key of the choice options: the build, each item with a blank (its id, card, text and blank, in order), the
 * related-card links of those items' cards and the glossary. An item without a blank neither gets options nor is one,
 * and the links of its card are never read, so they are not part of it.
 */
export function distractorPoolKey(buildId: string | undefined, items: readonly QuizItem[], links: Map<string, readonly string[]>, glossary: Glossary): string | undefined {
  if (buildId === undefined) return undefined;
  const blanks = items.filter((item) => item.term !== undefined);
  const read = blanks.map((item) => [item.id, item.cardId, item.text, item.term]);
  const cards = [...new Set(blanks.map((item) => item.cardId))].map((cardId) => [cardId, links.get(cardId) ?? null]);
  return derivedKey(buildId, 'blanks', JSON.stringify(read), JSON.stringify(cards), glossaryTerms(glossary));
}

// The glossary's groups without where each was written: the bundled glossary's path is where the package is installed,
// which the build's seed, keyed with the path of the folder it was built in, never matched.
function glossaryTerms(glossary: Glossary): string {
  return JSON.stringify([glossary.synonyms.map((group) => group.terms), glossary.contrasts.map((group) => group.terms)]);
}
