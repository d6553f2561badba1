import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { predictItemsKey, scenarioCards } from '../../../src/app/study/predict-items.js';
import type { Card } from '../../../src/core/cards/types.js';
import type { Scenario } from '../../../src/core/dns-sim/scenarios/scenarios.js';
import type { World } from '../../../src/core/dns-sim/world/world.js';
import { readDerived, writeDerived } from '../../../src/io/derived-cache.js';
import { bundledContent } from '../../ui/app-harness.js';

let cards: Card[];
let world: World;
beforeAll(async () => {
  ({ cards, world } = await bundledContent());
});

describe('the key of the cached predict items', () => {
  const key = (build: string | undefined, changed: Card[] = cards, differentWorld: World = world) => predictItemsKey(build, differentWorld, scenarioCards(changed));

  it('is none when running from source, so nothing is cached there', () => {
    expect(key(undefined)).toBeUndefined();
  });

  it('stays while nothing the items carry changes', () => {
    expect(key('b1')).toBe(key('b1'));
    const untouched = cards.map((card) => (card.sim.length === 0 ? { ...card, title: `${card.title}!` } : card));
    expect(scenarioCards(untouched).map(([, card]) => card.id)).toEqual(scenarioCards(cards).map(([, card]) => card.id));
  });

  it.each<[string, (card: Card) => Card]>([
    ['a title', (card) => ({ ...card, title: `${card.title} (revised)` })],
    ['the tags', (card) => ({ ...card, tags: [...card.tags, 'new-tag'] })],
    ['the difficulty', (card) => ({ ...card, difficulty: card.difficulty === 'hard' ? 'easy' : 'hard' })],
    ['the first section', (card) => ({ ...card, sections: [{ ...card.sections[0]!, name: 'Renamed' }, ...card.sections.slice(1)] })],
  ])('changes with %s of a scenario\'s card', (_name, change) => {
    const [, card] = scenarioCards(cards)[0]!;
    expect(key('b1', cards.map((candidate) => (candidate === card ? change(candidate) : candidate)))).not.toBe(key('b1'));
  });

  it.each<[string, (scenario: Scenario) => Scenario]>([
    ['the quiz name', (scenario) => ({ ...scenario, quiz: { ...scenario.quiz, name: `${scenario.quiz.name} (renamed)` } })],
    ['a moment dropped', (scenario) => ({ ...scenario, quiz: { ...scenario.quiz, moments: scenario.quiz.moments.slice(1) } })],
  ])('changes with %s of a scenario', (_name, change) => {
    const pairs = scenarioCards(cards);
    const changed = pairs.map(([scenario, card], index): [Scenario, Card] => [index === 0 ? change(scenario) : scenario, card]);
    expect(predictItemsKey('b1', world, changed)).not.toBe(predictItemsKey('b1', world, pairs));
  });

  it('changes with the build and with the world', () => {
    expect(key('b2')).not.toBe(key('b1'));
    const zones = world.zones.map((zone, index) => (index === 0 ? { ...zone, records: zone.records.slice(1) } : zone));
    expect(key('b1', cards, { ...world, zones })).not.toBe(key('b1'));
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
});
