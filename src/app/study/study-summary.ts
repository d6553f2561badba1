import type { QuizItem, StudyItem } from '../../core/quiz/types.js';
import { whenCacheWritable } from '../../io/cache-space.js';
import { derivedKey, readDerived, writeDerived } from '../../io/derived-cache.js';
import { worldFolderStamp } from '../../io/world-folder-files.js';
import { itemBuildId, keyedCardItems, readCardItems, type ItemOptions } from './card-items.js';
import { predictItemsFor, readPredictItems } from './predict-items.js';
import type { StudyContext } from './study-context.js';
import { readSummaryRecords, writeSummaryRecords } from './summary-records.js';

// Bump when what the summary holds, or how it is laid out, changes.
const SUMMARY_FORMAT = 'study-summary-2';

/**
 * Every item (simulator steps included) as stats, plan and the badges read it: without its question, answer or
 * options, and without loading a card's body. It is kept under a key of the build, the card folders' files
 * (paths, sizes, times and inodes, what the card cache trusts) and the world folder's, so an unchanged library
 * parses about a fifth of the items' bytes (the texts of a card's items only when one is read) and reads no card,
 * scenario or world file; any change to those files makes the items from the cards again (through their own
 * caches), exactly as before.
 */
export async function loadStudySummary(study: StudyContext, options: ItemOptions = {}): Promise<StudySummary> {
  const stamp = await filesKey(study, options);
  const stored = stamp === undefined ? undefined : readSummaryRecords(study.environment.paths.cache, stamp, options.work);
  return { items: stored ?? (await itemsFromCards(study, options, stamp)).items, ...(stamp === undefined ? {} : { stamp }) };
}

/** The summary's items, and the key of the card and world files they were made from (undefined when nothing can be kept). */
export interface StudySummary {
  items: StudyItem[];
  stamp?: string;
}

/**
 * Each card's file by card id, for the reports that name a card's file: kept under the summary's key, so an unchanged
 * library reads neither the card cache nor any card (reading the card cache was about 1.2 ms of the statistics screen's
 * first frame, 11 million instructions); otherwise from the cards' metadata, and kept for the next run.
 */
export async function cardPaths(study: StudyContext, stamp: string | undefined): Promise<ReadonlyMap<string, string>> {
  const cacheDir = study.environment.paths.cache;
  const stored = stamp === undefined ? undefined : readDerived<Record<string, string>>(cacheDir, CARD_PATHS, stamp, undefined);
  if (stored && typeof stored === 'object') return new Map(Object.entries(stored).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const paths = new Map((await study.cards.metas()).map((card) => [card.id, card.path]));
  // Written after the app's first frame when the app holds cache writes until then.
  if (stamp !== undefined) whenCacheWritable(() => writeDerived(cacheDir, CARD_PATHS, stamp, Object.fromEntries(paths)));
  return paths;
}

const CARD_PATHS = 'study-card-paths';

/**
 * Every item whole, for a quiz: read from the item caches under the keys last computed for these card and world
 * files, so no card's body is loaded and no key is computed from the cards while those files are unchanged.
 * `predictProblem` says why there are no simulator steps, when the world could not load.
 */
export async function loadWholeItems(study: StudyContext, options: ItemOptions = {}): Promise<WholeItems> {
  const stamp = await filesKey(study, options);
  const keys = stamp === undefined ? undefined : readDerived<ItemKeys>(study.environment.paths.cache, 'study-item-keys', stamp, undefined, options.work);
  const cardItems = keys && readCardItems(study.environment, keys.card, options);
  const predict = cardItems && readPredictItems(study.environment, keys.predict, options);
  return cardItems && predict ? { items: [...cardItems, ...predict], keys } : itemsFromCards(study, options, stamp);
}

/** Every item whole; `keys` are the item caches' keys, which name the items' content (undefined when nothing is cached). */
export interface WholeItems {
  items: QuizItem[];
  predictProblem?: string;
  keys?: ItemKeys;
}

/** The keys of the card items and the predict items: each a hash of everything its items are made from. */
export interface ItemKeys {
  card: string;
  predict: string;
}

// The key of what is derived from the card and world files as they are now; undefined when nothing can be kept.
async function filesKey(study: StudyContext, options: ItemOptions): Promise<string | undefined> {
  const world = worldFolderStamp(study.environment.bundledWorldDir());
  return world === undefined ? undefined : derivedKey(itemBuildId(options), SUMMARY_FORMAT, await study.cards.filesStamp(), world);
}

// The items made from the cards whole (through the item caches), keeping the summary and the item keys for the next run.
async function itemsFromCards(study: StudyContext, options: ItemOptions, stamp: string | undefined): Promise<WholeItems> {
  const { environment } = study;
  const cards = await study.cards.cards();
  const [cardItems, predict] = await Promise.all([keyedCardItems(environment, cards, options), predictItemsFor(environment, cards, options)]);
  const items = [...cardItems.items, ...predict.items];
  if (predict.problem) return { items, predictProblem: predict.problem };
  // Without predict items (the world did not load) nothing is kept, so the next run tries the world again.
  if (cardItems.key === undefined || predict.key === undefined) return { items };
  const keys: ItemKeys = { card: cardItems.key, predict: predict.key };
  if (stamp !== undefined) {
    writeSummaryRecords(environment.paths.cache, stamp, items);
    writeDerived(environment.paths.cache, 'study-item-keys', stamp, keys);
  }
  return { items, keys };
}
