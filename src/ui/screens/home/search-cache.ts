import type { Card } from '../../../core/cards/types.js';
import type { SearchIndex } from '../../../core/search/search-index.js';
import type { SearchResult } from '../../../core/search/search.js';
import { SEARCH } from '../../lazy-modules.js';

/** The search engine's code and the cards' index, once both are in. */
export interface SearchEngine {
  search: NonNullable<ReturnType<typeof SEARCH.get>>;
  index: SearchIndex;
}

const engines = new WeakMap<readonly Card[], SearchEngine>();
let last: { engine: SearchEngine; query: string; results: SearchResult[] } | undefined;

/** The most results the home screen lists for a query. */
export const RESULT_LIMIT = 30;

/** How long one slice of warming may hold the event loop, so a keystroke that arrives meanwhile waits at most this long. */
const WARM_SLICE_MS = 4;
/** Snippet text is prepared ahead only for the first this many cards: a section's words cost memory, and a big library's first searches touch few of them. */
const WARM_SNIPPET_CARDS = 500;

/** The engine for these cards, if it is loaded. */
export function searchEngineFor(cards: readonly Card[]): SearchEngine | undefined {
  return engines.get(cards);
}

/**
 * Loads the engine and the cards' index (the one the commands share, read from the cache) ahead of the
 * first keystroke, called once the first frame is up; then prepares the snippet text of the first cards'
 * sections in short slices of idle time, so the first searches do not pay for it either. Stops when
 * `cancelled()` says so.
 */
export async function warmSearchIndex(cards: readonly Card[], loadIndex: () => Promise<SearchIndex>, onReady: (engine: SearchEngine) => void, cancelled: () => boolean = () => false): Promise<void> {
  let engine = engines.get(cards);
  if (!engine) {
    const [search, index] = await Promise.all([SEARCH.load(), loadIndex()]);
    engine = engines.get(cards) ?? { search, index };
    engines.set(cards, engine);
  }
  if (cancelled()) return;
  onReady(engine);
  const sections = engine.index.cards.slice(0, WARM_SNIPPET_CARDS).map((card) => card.sections);
  let card = 0;
  while (card < sections.length) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (cancelled()) return;
    const sliceEnds = performance.now() + WARM_SLICE_MS;
    for (; card < sections.length && performance.now() < sliceEnds; card++) for (const section of sections[card]!) engine.search.sectionSnippetSource(section);
  }
}

/** Searches the cards; the last answer is kept for the keys that follow. */
export function searchHome(engine: SearchEngine, query: string): SearchResult[] {
  if (!query.trim()) return [];
  if (last && last.engine === engine && last.query === query) return last.results;
  const results = engine.search.searchCards(engine.index, query, { limit: RESULT_LIMIT });
  last = { engine, query, results };
  return results;
}
