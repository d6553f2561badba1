import { bodyHash } from '../../core/cards/card-parts.js';
import type { Card } from '../../core/cards/types.js';
import type { QuizItem } from '../../core/quiz/types.js';
import { currentBuildId, derivedKey } from '../../io/derived-cache.js';
import type { AppEnvironment } from '../environment.js';
import { readStoredItems, storeItems } from './stored-items.js';

/** The work making items took in this process: what tests hold the item caches to. */
export interface ItemWork {
  /** Key points and practice questions lexed into items. */
  pointsLexed: number;
  /** Simulator scenarios run for predict items. */
  scenariosRun: number;
  /** Characters of stored items parsed, counted when set (what tests hold the summary to). */
  bytesParsed?: number;
}

/** How items are made: the build the cache is keyed by (this one's unless given) and where the work is counted. */
export interface ItemOptions {
  buildId?: string | undefined;
  work?: ItemWork;
}

/** The build id the options name, else this build's. */
export function itemBuildId(options: ItemOptions): string | undefined {
  return 'buildId' in options ? options.buildId : currentBuildId();
}

/**
 * The quiz items of the cards' key points and practice questions. Making them lexes every point
 * (20-50 ms for the bundled cards, on every quiz, stats, plan and export), so they are cached under a
 * key of the build and every card field the items are made from; the item generator (and the Markdown
 * lexer it uses) is loaded only when the cache cannot answer.
 */
export async function cardItemsFor(environment: AppEnvironment, cards: readonly Card[], options: ItemOptions = {}): Promise<QuizItem[]> {
  return (await keyedCardItems(environment, cards, options)).items;
}

/** The cards' items and the key they are cached under (undefined when nothing is cached). */
export async function keyedCardItems(environment: AppEnvironment, cards: readonly Card[], options: ItemOptions = {}): Promise<{ items: QuizItem[]; key?: string }> {
  const key = cardItemsKey(itemBuildId(options), cards);
  const cached = key === undefined ? undefined : readCardItems(environment, key, options);
  if (cached) return { items: cached, key };
  const { generateItems } = await import('../../core/quiz/items/generate-items.js');
  if (options.work) options.work.pointsLexed += cards.reduce((sum, card) => sum + card.keyPoints.length + card.practiceQuestions.length, 0);
  const items = generateItems(cards);
  if (key !== undefined) storeItems(environment.paths.cache, 'card-items', key, items);
  return key === undefined ? { items } : { items, key };
}

/** The items cached under a key, from the cache folder or the build's seed; each item's text, front and back are parsed when first read. */
export function readCardItems(environment: AppEnvironment, key: string, options: ItemOptions = {}): QuizItem[] | undefined {
  return readStoredItems(environment.paths.cache, 'card-items', key, options.work);
}

/**
 * The cache key of the cards' items: the build, and each card's fields that generateItems reads, its body by the hash the
 * card cache stored (any edit to a body makes the items again), so a cached quiz needs no card body: keyed by the key
 * points themselves, the key read the body of every card, 3 MB of Markdown held from the first quiz at 1,000 cards.
 */
export function cardItemsKey(buildId: string | undefined, cards: readonly Card[]): string | undefined {
  const read = cards.map((card) => [card.id, card.title, card.topic, card.tags, card.difficulty, bodyHash(card)]);
  return derivedKey(buildId, JSON.stringify(read));
}
