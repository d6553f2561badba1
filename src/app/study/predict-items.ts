import type { Card } from '../../core/cards/types.js';
import { SCENARIO_CARD_IDS } from '../../core/dns-sim/scenarios/scenario-ids.js';
import type { QuizItem } from '../../core/quiz/types.js';
import { derivedKey } from '../../io/derived-cache.js';
import { readWorldFolderFiles } from '../../io/world-folder-files.js';
import type { AppEnvironment } from '../environment.js';
import { itemBuildId, type ItemOptions } from './card-items.js';
import { readStoredItems, storeItems } from './stored-items.js';

/**
 * Predict items at the key moments of the bundled simulator scenarios whose card is loaded; none if the
 * world cannot load. Running the 42 scenarios takes 100-150 ms, so the items are cached, keyed by the
 * build, the world folder's bytes and the card fields they carry; the simulator itself is loaded only
 * when the cache cannot answer, so `stats` never compiles it.
 */
export async function predictItemsFor(environment: AppEnvironment, cards: readonly Card[], options: ItemOptions = {}): Promise<{ items: QuizItem[]; problem?: string; key?: string }> {
  const worldHash = await worldFolderHash(environment.bundledWorldDir());
  const key = worldHash === undefined ? undefined : predictItemsKey(itemBuildId(options), worldHash, cards);
  const cached = key === undefined ? undefined : readPredictItems(environment, key, options);
  if (cached) return { items: cached, key };
  const { makePredictItems } = await import('./make-predict-items.js');
  const made = await makePredictItems(environment, cards, options.work);
  if (key !== undefined && !made.problem) {
    storeItems(environment.paths.cache, 'predict-items', key, made.items);
    return { ...made, key };
  }
  return made;
}

/** The predict items cached under a key, from the cache folder or the build's seed. */
export function readPredictItems(environment: AppEnvironment, key: string, options: ItemOptions = {}): QuizItem[] | undefined {
  return readStoredItems(environment.paths.cache, 'predict-items', key, options.work);
}

/**
 * The cache key of the predict items: the build that made them (its scenarios, their moments and questions
 * are code), the world folder's bytes, and the fields a predict item carries or that pair it with a scenario of
 * each card a scenario can pair with: a scenario's own card (by id) or one whose sim: names a scenario, in their
 * order (make-predict-items.ts scenarioCards). Cards that can pair with none leave the key as it was, so adding a
 * folder of them still finds the build's seed: 1,000 such cards ran every scenario again (about 140 ms of CPU and
 * a burst of allocation in the app's first quiz).
 */
export function predictItemsKey(buildId: string | undefined, worldHash: string, cards: readonly Card[]): string | undefined {
  const carried = cards.filter((card) => card.sim.length > 0 || SCENARIO_CARD_IDS.has(card.id)).map((card) => [card.id, card.title, card.topic, card.tags, card.difficulty, card.sections[0]?.name, card.sections[0]?.line, card.sim]);
  return derivedKey(buildId, worldHash, JSON.stringify(carried));
}

// The hash of the world folder's files, read without parsing them; undefined when a file cannot be read (nothing is cached then).
async function worldFolderHash(dir: string): Promise<string | undefined> {
  try {
    const read = await readWorldFolderFiles(dir);
    return read.problems.length === 0 ? read.contentHash : undefined;
  } catch {
    return undefined;
  }
}
