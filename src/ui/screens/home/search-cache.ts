import type { Card } from '../../../core/cards/types.js';
import type { SearchIndex } from '../../../core/search/search-index.js';
import type { SearchResult } from '../../../core/search/search.js';
import { SEARCH } from '../../lazy-modules.js';

/** The search engine module, once loaded. */
export type SearchModule = NonNullable<ReturnType<typeof SEARCH.get>>;

const indexes = new WeakMap<readonly Card[], SearchIndex>();
let last: { cards: readonly Card[]; query: string; results: SearchResult[] } | undefined;

/** The most results the home screen lists for a query. */
export const RESULT_LIMIT = 30;

/** How long one slice of warming may hold the event loop, so a keystroke that arrives meanwhile waits at most this long. */
const WARM_SLICE_MS = 4;
/** Snippet text is prepared ahead only for the first this many cards: a section's words cost memory, and a big library's first searches touch few of them. */
const WARM_SNIPPET_CARDS = 500;

/**
 * Loads the engine and builds the cards' index ahead of the first keystroke (called once the first
 * frame is up), then prepares the snippet text of the first cards' sections in short slices of idle time, so the
 * first searches do not pay for it either. Stops when `cancelled()` says so.
 */
export async function warmSearchIndex(cards: readonly Card[], cancelled: () => boolean = () => false): Promise<void> {
  const search = await SEARCH.load();
  if (cancelled()) return;
  let index = indexes.get(cards);
  if (!index) {
    index = search.buildSearchIndex(cards as Card[]);
    indexes.set(cards, index);
  }
  const sections = index.sections.slice(0, WARM_SNIPPET_CARDS);
  let card = 0;
  while (card < sections.length) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (cancelled()) return;
    const sliceEnds = performance.now() + WARM_SLICE_MS;
    for (; card < sections.length && performance.now() < sliceEnds; card++) for (const section of sections[card]!) search.sectionSnippetSource(section);
  }
}

/** Searches the cards, building their index on first use; the last answer is kept for the keys that follow. */
export function searchHome(search: SearchModule, cards: readonly Card[], query: string): SearchResult[] {
  if (!query.trim()) return [];
  if (last && last.cards === cards && last.query === query) return last.results;
  let index = indexes.get(cards);
  if (!index) {
    index = search.buildSearchIndex(cards as Card[]);
    indexes.set(cards, index);
  }
  const results = search.searchCards(index, query, { limit: RESULT_LIMIT });
  last = { cards, query, results };
  return results;
}
