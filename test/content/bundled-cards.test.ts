import { splitQuizMarkup } from '../../src/core/quiz/items/quiz-markup.js';
import { describe, expect, it } from 'vitest';
import { SCENARIO_IDS } from '../../src/core/dns-sim/scenarios/scenario-ids.js';
import { listItemsOf } from '../../src/core/cards/sections.js';
import { loadBundledCards } from './load-bundled.js';

const { cards, problems } = await loadBundledCards();
const ids = new Set(cards.map((card) => card.id));

describe('the bundled DNS curriculum', () => {
  it('loads with no error and no warning', () => {
    expect(problems).toEqual([]);
    expect(cards.filter((card) => card.topic === 'dns').length).toBeGreaterThanOrEqual(30);
  });

  it.each(cards.map((card) => [card.id, card]))('%s meets the quality bar', (_id, card) => {
    expect(card.keyPoints.length, 'key points').toBeGreaterThanOrEqual(6);
    const tradeOffs = card.sections.find((section) => section.kind === 'trade-offs')!;
    expect(listItemsOf(tradeOffs).length, 'trade-offs').toBeGreaterThanOrEqual(4);
    expect(card.related.length, 'related').toBeGreaterThanOrEqual(3);
    for (const id of card.related) expect(ids.has(id), `related ${id}`).toBe(true);
    for (const point of card.keyPoints) expect(splitQuizMarkup(point.markdown).markup?.ask, `the key point at line ${point.line} has an authored question`).toMatch(/\?$/);
  });

  it('links every sim reference to a simulator scenario', () => {
    const known = new Set<string>(SCENARIO_IDS);
    const unknown = cards.flatMap((card) => card.sim.filter((id) => !known.has(id)).map((id) => `${card.id} -> ${id}`));
    expect(unknown).toEqual([]);
  });

  it('spreads difficulty across easy, medium and hard', () => {
    const counts = { easy: 0, medium: 0, hard: 0 };
    for (const card of cards) counts[card.difficulty]++;
    for (const count of Object.values(counts)) expect(count).toBeGreaterThanOrEqual(Math.floor(cards.length / 5));
  });

  it('gives every card a unique id that matches its file name', () => {
    for (const card of cards) expect(card.path.endsWith(`/${card.id}.md`)).toBe(true);
  });
});
