import { stripControl } from '../../core/text/sanitize.js';
import type { Card, CardMeta, CardProblem } from '../../core/cards/types.js';
import { SCENARIO_IDS } from '../../core/dns-sim/scenarios/scenario-ids.js';
import type { SearchIndex } from '../../core/search/search-index.js';
import type { Slicing } from '../../core/slicing/slicing.js';
import type { SearchOptions, SearchResult } from '../../core/search/search.js';
import { cardFilesStamp, loadCardIndex, type CardIndex, type CardSource, type LoadedCards } from '../../io/load-cards.js';
import type { SpanReader } from '../../io/card-body-store.js';
import type { AppEnvironment } from '../environment.js';
import { UserError } from '../errors.js';

/** The cards of a run, loaded once, with the one search index the commands and the app share. */
export interface CardLibrary {
  /** Every valid card and every problem met; the folders are read on the first call only. */
  load(): Promise<LoadedCards>;
  cards(): Promise<Card[]>;
  /** Every valid card's metadata, without reading any card's body (what `list` and lookups by id need). */
  metas(): Promise<CardMeta[]>;
  /** The card folders' files with their sizes, times and inodes, read without any card's body: a key for what is derived from the cards. */
  filesStamp(): Promise<string>;
  /** One card whole, its body read alone; undefined when no valid card has that id. */
  card(id: string): Promise<Card | undefined>;
  /**
   * The search index over the cards: read from the cache when the cards are unchanged, else built and saved. With
   * `slicing` (a long-lived caller that must keep handling keys: the app), an index that must be built is built in
   * slices; the first call decides, and later calls share its index.
   */
  searchIndex(slicing?: Slicing): Promise<SearchIndex>;
  search(query: string, options?: SearchOptions): Promise<SearchResult[]>;
  /** Forgets the cards read so far (a card was edited): the next call reads the folders again. */
  reload(): void;
}

/** What the library tells its owner while loading. */
export interface CardLibraryOptions {
  /** Called once for each card that could not be loaded (errors only; warnings are for lint). */
  onError?: (problem: CardProblem) => void;
  /** Reads one card body's bytes from the cache; tests pass one that counts. */
  bodyReader?: SpanReader;
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
  let listing: Promise<CardIndex> | undefined;
  let stamping: Promise<string> | undefined;
  let loading: Promise<LoadedCards> | undefined;
  let indexing: Promise<SearchIndex> | undefined;
  let searching: Promise<SearchIndex> | undefined;
  const index = (prefetchBodies = false) => (listing ??= loadIndex(environment, options, prefetchBodies));
  // Every body is read: a first load reads the body files while it walks the folders.
  const load = () => (loading ??= index(true).then(async (found) => ({ cards: await found.readAll(), problems: found.problems })));
  const searchIndex = (slicing?: Slicing) =>
    (indexing ??= load().then(async ({ cards }) => {
      // The index's key names each body by the hash the card cache stored, so no body is read to find a saved index
      // (reading them all held 3 MB of Markdown for 1,000 cards from the app's start); reading or building it is a task
      // of its own after the cards' loading, so a key typed then does not wait for both.
      if (slicing) await slicing.pause();
      const cache = await import('../../io/search-index-cache.js');
      return slicing ? cache.loadSearchIndexInSlices(cards, environment.paths.cache, slicing) : cache.loadSearchIndex(cards, environment.paths.cache);
    }));
  // A search before any card is loaded (the `search` command) reads the saved search: no card is loaded
  // unless the folders changed, and then the cards are loaded once and saved for the next search.
  const savedOrLoaded = () =>
    (searching ??= (async () => {
      const { readSavedSearch, saveSearch } = await import('../../io/search-index-cache.js');
      const { key, saved } = await readSavedSearch(cardSources(environment), environment.paths.cache);
      if (saved) {
        for (const problem of saved.problems) options.onError?.(problem);
        return saved.index;
      }
      const index = await searchIndex();
      const { cards, problems } = await load();
      if (key) saveSearch(environment.paths.cache!, key, cards, index, problems.filter((problem) => problem.level === 'error'));
      return index;
    })());
  return {
    load,
    cards: async () => (await load()).cards,
    metas: async () => (await index()).cards,
    // Without the index, the stamp is taken from the files alone: the statistics need no card, only whether they changed.
    filesStamp: () => (listing ? listing.then((found) => found.filesStamp) : (stamping ??= stampFiles(environment))),
    card: async (id) => {
      // Once every card is loaded, the one asked for is already there.
      if (loading) return (await loading).cards.find((card) => card.id === id);
      const found = await index();
      const meta = found.cards.find((candidate) => candidate.id === id);
      return meta && found.readCard(meta);
    },
    searchIndex,
    // The engine loads with the first search, so the app's first frame never compiles it.
    // After an edit: the folders are read again (the cache notices the changed file), and searches use the cards then loaded.
    reload: () => {
      listing = undefined;
      stamping = undefined;
      loading = undefined;
      indexing = undefined;
      searching = undefined;
    },
    search: async (query, searchOptions) =>
      (await import('../../core/search/search.js')).searchCards(await (loading && !searching ? searchIndex() : savedOrLoaded()), query, searchOptions),
  };
}

async function loadIndex(environment: AppEnvironment, options: CardLibraryOptions, prefetchBodies: boolean): Promise<CardIndex> {
  const loaded = await loadCardIndex(cardSources(environment), { cacheDir: environment.paths.cache, scenarioIds: new Set(SCENARIO_IDS), prefetchBodies, ...(options.bodyReader ? { bodyReader: options.bodyReader } : {}) });
  const missing = loaded.problems.find((problem) => problem.rule === 'folder-missing');
  if (missing) throw folderMissingError(missing);
  for (const problem of loaded.problems) if (problem.level === 'error') options.onError?.(problem);
  return loaded;
}

async function stampFiles(environment: AppEnvironment): Promise<string> {
  const { filesStamp, missing } = cardFilesStamp(cardSources(environment));
  if (missing) throw folderMissingError(missing);
  return filesStamp;
}

const folderMissingError = (missing: CardProblem): UserError => new UserError(`card folder ${stripControl(missing.path)} ${missing.message}`);
