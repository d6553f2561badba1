import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scenarioCards } from '../../../src/app/study/make-predict-items.js';
import { predictItemsKey } from '../../../src/app/study/predict-items.js';
import type { Card } from '../../../src/core/cards/types.js';
import { readDerived, writeDerived } from '../../../src/io/derived-cache.js';
import { bundledContent } from '../../ui/app-harness.js';

let cards: Card[];
beforeAll(async () => {
  ({ cards } = await bundledContent());
});

describe('the key of the cached predict items', () => {
  const key = (build: string | undefined, changed: Card[] = cards, worldHash = 'w1') => predictItemsKey(build, worldHash, changed);

  it('is none when running from source, so nothing is cached there', () => {
    expect(key(undefined)).toBeUndefined();
  });

  it('stays while nothing the items carry changes', () => {
    expect(key('b1')).toBe(key('b1'));
    const edited = cards.map((card) => ({ ...card, estimatedTime: '99min', estimatedMinutes: 99, keyPoints: [] }));
    expect(key('b1', edited)).toBe(key('b1'));
  });

  it.each<[string, (card: Card) => Card]>([
    ['a title', (card) => ({ ...card, title: `${card.title} (revised)` })],
    ['the tags', (card) => ({ ...card, tags: [...card.tags, 'new-tag'] })],
    ['the difficulty', (card) => ({ ...card, difficulty: card.difficulty === 'hard' ? 'easy' : 'hard' })],
    ['the first section', (card) => ({ ...card, sections: [{ ...card.sections[0]!, name: 'Renamed' }, ...card.sections.slice(1)] })],
    ['the scenarios it links to', (card) => ({ ...card, sim: [] })],
  ])('changes with %s of a scenario\'s card', (_name, change) => {
    const [, card] = scenarioCards(cards)[0]!;
    expect(key('b1', cards.map((candidate) => (candidate === card ? change(candidate) : candidate)))).not.toBe(key('b1'));
  });

  // A card that pairs with no scenario is in no predict item: a folder of them must find the same items (the build's seed).
  const unpaired = (id: string): Card => ({ ...cards[0]!, id, title: `Unpaired ${id}`, sim: [] });

  it('stays when cards that pair with no scenario are added, before, among or after the others', () => {
    expect(key('b1', [unpaired('extra-one'), ...cards.slice(0, 5), unpaired('extra-two'), ...cards.slice(5), unpaired('extra-three')])).toBe(key('b1'));
  });

  it("changes when an added card names a scenario in sim:, or has a scenario's card id", () => {
    const [scenario, card] = scenarioCards(cards)[0]!;
    expect(key('b1', [{ ...unpaired('extra-one'), sim: [scenario.id] }, ...cards])).not.toBe(key('b1'));
    expect(key('b1', [...cards, { ...unpaired(card.id), title: 'The same id, another card' }])).not.toBe(key('b1'));
  });

  it('changes with the build (its scenarios are code) and with the world folder\'s bytes', () => {
    expect(key('b2')).not.toBe(key('b1'));
    expect(key('b1', cards, 'w2')).not.toBe(key('b1'));
  });
});

describe('a derived-value cache file', () => {
  it('gives back what was stored under the same key only, and nothing when the file is missing', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'swelearn-derived-')), 'cache');
    expect(readDerived(dir, 'thing', 'k1')).toBeUndefined();
    writeDerived(dir, 'thing', 'k1', [1, 2, 3]);
    expect(readDerived(dir, 'thing', 'k1')).toEqual([1, 2, 3]);
    expect(readDerived(dir, 'thing', 'k2')).toBeUndefined();
  });

  it("falls back to the build's seed for a key the cache folder does not hold, and prefers the cache folder's", () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'swelearn-derived-')), 'cache');
    const seed = join(mkdtempSync(join(tmpdir(), 'swelearn-seed-')), 'seed');
    writeDerived(seed, 'thing', 'k1', ['seeded']);
    expect(readDerived(dir, 'thing', 'k1', seed)).toEqual(['seeded']);
    expect(readDerived(dir, 'thing', 'k2', seed)).toBeUndefined();
    writeDerived(dir, 'thing', 'k1', ['cached']);
    expect(readDerived(dir, 'thing', 'k1', seed)).toEqual(['cached']);
    expect(readDerived(dir, 'thing', 'k1', undefined)).toEqual(['cached']);
  });
});
