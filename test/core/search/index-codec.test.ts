import { describe, expect, it, vi } from 'vitest';
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

  it('writes the terms in vocabulary order without looking each one up', () => {
    const index = buildSearchIndex(cards);
    const lookups = vi.spyOn(index.postings, 'get');
    const frequencies = vi.spyOn(index.cardFrequency, 'get');
    expect(encodeSearchIndex(index, 'fp-1')).toEqual(bytes);
    expect(lookups).not.toHaveBeenCalled();
    expect(frequencies).not.toHaveBeenCalled();
  });

  // A cold `search` saves the same index twice (the index cache and the saved search); a saved search made from an
  // index read back from disk copies its bytes.
  it('encodes an index once, whatever headers it is written under, and copies an index it read back', () => {
    const index = buildSearchIndex(cards);
    const read = vi.spyOn(index, 'postingsAt');
    encodeSearchIndex(index, 'fp-1');
    const once = read.mock.calls.length;
    expect(once).toBeGreaterThan(0);
    expect(decodeSearchIndex(encodeSearchIndex(index, 'fp-2'), cards, 'fp-2')!.vocabulary).toEqual(built.vocabulary);
    expect(read.mock.calls.length).toBe(once);
    const restored = decodeSearchIndex(bytes, cards, 'fp-1')!;
    const readBack = vi.spyOn(restored, 'postingsAt');
    expect(encodeSearchIndex(restored, 'fp-1')).toEqual(bytes);
    expect(readBack).not.toHaveBeenCalled();
  });

  it('reads from an unaligned buffer', () => {
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(decodeSearchIndex(shifted.subarray(1), cards, 'fp-1')!.vocabulary).toEqual(built.vocabulary);
  });
});
