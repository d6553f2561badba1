import type { QuizItem, StudyItem } from '../../core/quiz/types.js';
import { derivedKey, readDerived, writeDerived } from '../../io/derived-cache.js';
import { worldFolderStamp } from '../../io/world-folder-files.js';
import { cardItemsFor, itemBuildId, type ItemOptions } from './card-items.js';
import { predictItemsFor } from './predict-items.js';
import type { StudyContext } from './study-context.js';

// Bump when what the summary holds, or how it is laid out, changes.
const SUMMARY_FORMAT = 'study-summary-1';

// The items in order, as runs of items sharing a card, source card, topic and tags: [cardId, sourceCardId, topic, tags, [id, kind, section, line, text][]].
type StoredRun = [string, string, string, string[], [string, QuizItem['kind'], string, number, string][]];

/**
 * Every item (simulator steps included) as stats, plan and the badges read it: without its question, answer or
 * options, and without loading a card's body. It is kept under a key of the build, the card folders' files
 * (paths, sizes, times and inodes, what the card cache trusts) and the world folder's, so an unchanged library
 * parses about a fifth of the items' bytes and reads no card, scenario or world file; any change to those files
 * makes the items from the cards again (through their own caches), exactly as before.
 */
export async function loadStudySummary(study: StudyContext, options: ItemOptions = {}): Promise<StudyItem[]> {
  const { environment } = study;
  const world = worldFolderStamp(environment.bundledWorldDir());
  const key = world === undefined ? undefined : derivedKey(itemBuildId(options), SUMMARY_FORMAT, await study.cards.filesStamp(), world);
  // Only the cache folder holds a summary: the build's seed could not know this machine's file times.
  const stored = key === undefined ? undefined : readDerived<StoredRun[]>(environment.paths.cache, 'study-summary', key, undefined, options.work);
  if (stored) return expandRuns(stored);
  const cards = await study.cards.cards();
  const [cardItems, predict] = await Promise.all([cardItemsFor(environment, cards, options), predictItemsFor(environment, cards, options)]);
  const items = [...cardItems, ...predict.items];
  // Without predict items (the world did not load) nothing is kept, so the next run tries the world again.
  if (key !== undefined && !predict.problem) writeDerived(environment.paths.cache, 'study-summary', key, packRuns(items));
  return items;
}

function packRuns(items: readonly StudyItem[]): StoredRun[] {
  const runs: StoredRun[] = [];
  let run: StoredRun | undefined;
  for (const item of items) {
    if (!run || run[0] !== item.cardId || run[1] !== item.source.cardId || run[2] !== item.topic || !sameTags(run[3], item.tags)) {
      run = [item.cardId, item.source.cardId, item.topic, item.tags, []];
      runs.push(run);
    }
    run[4].push([item.id, item.kind, item.source.sectionName, item.source.line, item.text]);
  }
  return runs;
}

function expandRuns(runs: readonly StoredRun[]): StudyItem[] {
  return runs.flatMap(([cardId, sourceCardId, topic, tags, items]) =>
    items.map(([id, kind, sectionName, line, text]) => ({ id, kind, cardId, topic, tags, source: { cardId: sourceCardId, sectionName, line }, text })),
  );
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, index) => tag === b[index]);
}
