import { describe, expect, it } from 'vitest';
import { decodeSavedSearch, encodeSavedSearch } from '../../../src/core/search/saved-search.js';
import { buildSearchIndex } from '../../../src/core/search/search-index.js';
import { searchCards, type SearchResult } from '../../../src/core/search/search.js';
import { loadBundledCards } from '../../content/load-bundled.js';

const { cards } = await loadBundledCards();
const index = buildSearchIndex(cards);
const problems = [{ level: 'error' as const, rule: 'frontmatter', path: '/cards/broken.md', line: 2, message: 'bad YAML' }];
const bytes = encodeSavedSearch('key-1', cards, index, problems);

// Every field of every card of the results, read through whatever getters a card has.
const FIELDS = ['id', 'title', 'tags', 'difficulty', 'estimatedTime', 'estimatedMinutes', 'topic', 'related', 'sim', 'extra', 'sections', 'keyPoints', 'practiceQuestions', 'path', 'origin', 'fieldLines'] as const;
const plain = (results: SearchResult[]) => results.map((result) => ({ ...result, card: Object.fromEntries(FIELDS.map((field) => [field, result.card[field]])) }));

describe('a saved search', () => {
  it.each(['negative caching', 'kubernets ndots', 'resolv.conf', 'dnssec', 'anycast bgp'])('answers %j exactly as the cards it was saved from', (query) => {
    const saved = decodeSavedSearch(bytes, 'key-1')!;
    expect(plain(searchCards(saved.index, query))).toEqual(plain(searchCards(index, query)));
    expect(FIELDS).toHaveLength(Object.keys(cards[0]!).length);
    expect(saved.problems).toEqual(problems);
  });

  it('refuses bytes saved under another key, or damaged', () => {
    expect(decodeSavedSearch(bytes, 'key-2')).toBeUndefined();
    expect(decodeSavedSearch(bytes.subarray(0, 100), 'key-1')).toBeUndefined();
  });

  it('reads a card body only when a query ranks that card', () => {
    // Damage the body of the last card: queries that never rank it still answer; reading it fails.
    const damaged = bytes.slice();
    damaged[bodyEnd(bytes, cards.length - 1) - 2] = 0x7b;
    const saved = decodeSavedSearch(damaged, 'key-1')!;
    const last = saved.index.cards[saved.index.cards.length - 1]!;
    const other = cards.findIndex((card) => card.id !== last.id && !searchCards(index, card.title).some((result) => result.card.id === last.id));
    expect(plain(searchCards(saved.index, cards[other]!.title))).toEqual(plain(searchCards(index, cards[other]!.title)));
    expect(last.id).toBe(cards[cards.length - 1]!.id);
    expect(() => last.sections).toThrow();
  });

  it('reads the bodies of the cards it prints only: the fuse.js re-ranker\'s fields of the shortlist are saved apart', () => {
    const top = searchCards(index, 'dns', { limit: 1 })[0]!.card.id;
    // Every body but the printed card's is damaged; the re-rank still looks at a shortlist of twenty.
    const damaged = bytes.slice();
    cards.forEach((card, position) => {
      if (card.id !== top) damaged[bodyEnd(bytes, position) - 2] = 0x7b;
    });
    const saved = decodeSavedSearch(damaged, 'key-1')!;
    expect(plain(searchCards(saved.index, 'dns', { limit: 1 }))).toEqual(plain(searchCards(index, 'dns', { limit: 1 })));
    expect(() => saved.index.cards.find((card) => card.id !== top)!.sections).toThrow();
  });
});

// Where a card's body ends in the saved bytes, from the header's offsets (the layout of saved-search.ts).
function bodyEnd(saved: Uint8Array, position: number): number {
  const headerLength = new DataView(saved.buffer, saved.byteOffset).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(saved.subarray(4, 4 + headerLength))) as { bodies: number[]; indexLength: number };
  return ((4 + headerLength + 3) & ~3) + header.indexLength + header.bodies[position + 1]!;
}
