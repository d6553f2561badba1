import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/core/search/search-index.js';
import { searchCards } from '../../src/core/search/search.js';
import { loadBundledCards } from './load-bundled.js';

const { cards } = await loadBundledCards();
const index = buildSearchIndex(cards);

describe('searching a bundled card by its name', () => {
  it('has cards to check', () => {
    expect(cards.length).toBeGreaterThan(30);
  });

  it.each(cards.map((card) => [card.id]))('finds %s first when searched by its id', (id) => {
    expect(searchCards(index, id, { limit: 3 })[0]?.card.id).toBe(id);
  });

  it.each(cards.map((card) => [card.title, card.id]))('finds "%s" first when searched by its whole title', (title, id) => {
    expect(searchCards(index, title, { limit: 3 })[0]?.card.id).toBe(id);
  });

  // The example: the DNSSEC card has the id, a title word and the tag "dnssec", and came third.
  it('puts the DNSSEC card first for "dnssec"', () => {
    expect(searchCards(index, 'dnssec')[0]?.card.id).toBe('dnssec');
  });
});
