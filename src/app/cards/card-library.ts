import { stripControl } from '../../core/text/sanitize.js';
import type { Card, CardProblem } from '../../core/cards/types.js';
import { SCENARIO_IDS } from '../../core/dns-sim/scenarios/scenario-ids.js';
import type { SearchIndex } from '../../core/search/search-index.js';
import type { SearchOptions, SearchResult } from '../../core/search/search.js';
import { loadCards, type CardSource, type LoadedCards } from '../../io/load-cards.js';
import type { AppEnvironment } from '../environment.js';
import { UserError } from '../errors.js';

/** The cards of a run, loaded once, with the one search index the commands and the app share. */
export interface CardLibrary {
  /** Every valid card and every problem met; the folders are read on the first call only. */
  load(): Promise<LoadedCards>;
  cards(): Promise<Card[]>;
  /** The search index over the cards: read from the cache when the cards are unchanged, else built and saved. */
  searchIndex(): Promise<SearchIndex>;
  search(query: string, options?: SearchOptions): Promise<SearchResult[]>;
  /** Forgets the cards read so far (a card was edited): the next call reads the folders again. */
  reload(): void;
}

/** What the library tells its owner while loading. */
export interface CardLibraryOptions {
  /** Called once for each card that could not be loaded (errors only; warnings are for lint). */
  onError?: (problem: CardProblem) => void;
}

/** The card folders in load order: bundled, each --content folder, then the user's own. */
export function cardSources(environment: AppEnvironment): CardSource[] {
  return [
    { dir: environment.bundledCardsDir(), origin: 'bundled' },
    ...environment.contentDirs.map((dir) => ({ dir, origin: 'content' as const })),
    { dir: environment.paths.userCards, origin: 'user', optional: true },
  ];
}

/** Opens the library of a run; nothing is read until a card is asked for. */
export function openCardLibrary(environment: AppEnvironment, options: CardLibraryOptions = {}): CardLibrary {
  let loading: Promise<LoadedCards> | undefined;
  let indexing: Promise<SearchIndex> | undefined;
  const load = () => (loading ??= loadAll(environment, options));
  const searchIndex = () =>
    (indexing ??= load().then(async ({ cards }) => (await import('../../io/search-index-cache.js')).loadSearchIndex(cards, environment.paths.cache)));
  return {
    load,
    cards: async () => (await load()).cards,
    searchIndex,
    // The engine loads with the first search, so the app's first frame never compiles it.
    reload: () => {
      loading = undefined;
      indexing = undefined;
    },
    search: async (query, searchOptions) => (await import('../../core/search/search.js')).searchCards(await searchIndex(), query, searchOptions),
  };
}

async function loadAll(environment: AppEnvironment, options: CardLibraryOptions): Promise<LoadedCards> {
  const loaded = await loadCards(cardSources(environment), { cacheDir: environment.paths.cache, scenarioIds: new Set(SCENARIO_IDS) });
  const missing = loaded.problems.find((problem) => problem.rule === 'folder-missing');
  if (missing) throw new UserError(`card folder ${stripControl(missing.path)} ${missing.message}`);
  for (const problem of loaded.problems) if (problem.level === 'error') options.onError?.(problem);
  return loaded;
}
