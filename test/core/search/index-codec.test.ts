import { describe, expect, it } from 'vitest';
import { decodeSearchIndex, encodeSearchIndex } from '../../../src/core/search/index-codec.js';
import { buildSearchIndex } from '../../../src/core/search/search-index.js';
import { searchCards } from '../../../src/core/search/search.js';
import { loadBundledCards } from '../../content/load-bundled.js';

const { cards } = await loadBundledCards();

describe('the search index codec', () => {
  const built = buildSearchIndex(cards);
  const bytes = encodeSearchIndex(built, 'fp-1');

  it('reads back an index that answers exactly like the one it was built from', () => {
    const restored = decodeSearchIndex(bytes, cards, 'fp-1')!;
    expect(restored.vocabulary).toEqual(built.vocabulary);
    for (const query of ['negative caching', 'kubernets', 'resolv.conf', 'dnssec rollover']) {
      expect(searchCards(restored, query)).toEqual(searchCards(built, query));
    }
  });

  it('refuses bytes written for other cards, or damaged', () => {
    expect(decodeSearchIndex(bytes, cards, 'fp-2')).toBeUndefined();
    expect(decodeSearchIndex(bytes.subarray(0, 40), cards, 'fp-1')).toBeUndefined();
  });

  it('reads from an unaligned buffer', () => {
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(decodeSearchIndex(shifted.subarray(1), cards, 'fp-1')!.vocabulary).toEqual(built.vocabulary);
  });
});
