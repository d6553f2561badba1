import { beforeAll, describe, expect, it } from 'vitest';
import { cardItemsFor, cardItemsKey } from '../../../src/app/study/card-items.js';
import { bodyHashOf, cardWithBodyOnDemand, splitCard } from '../../../src/core/cards/card-parts.js';
import { resolveEnvironment } from '../../../src/app/environment.js';
import type { Card } from '../../../src/core/cards/types.js';
import { generateItems } from '../../../src/core/quiz/items/generate-items.js';
import { freshHome } from '../../cli/run-cli.js';
import { bundledContent } from '../../ui/app-harness.js';
import { wholeItems } from './whole-item.js';

let cards: Card[];
beforeAll(async () => {
  ({ cards } = await bundledContent());
});

describe('the cards\' quiz items and their cache key', () => {
  it('are the items generateItems makes (nothing is cached when running from source)', async () => {
    const environment = resolveEnvironment({ env: { SWELEARN_HOME: freshHome() }, cwd: process.cwd() });
    expect(await cardItemsFor(environment, cards)).toEqual(generateItems(cards));
    expect(await cardItemsFor(environment, cards, { buildId: 'b1' })).toEqual(generateItems(cards));
    // Read back from the cache: the same items, each field read from what was stored.
    expect(wholeItems(await cardItemsFor(environment, cards, { buildId: 'b1' }))).toEqual(generateItems(cards));
    expect(cardItemsKey(undefined, cards)).toBeUndefined();
  });

  it.each<[string, (card: Card) => Card]>([
    ['a key point', (card) => ({ ...card, keyPoints: [{ ...card.keyPoints[0]!, markdown: `${card.keyPoints[0]!.markdown} Revised.` }, ...card.keyPoints.slice(1)] })],
    ['a key point\'s line', (card) => ({ ...card, keyPoints: [{ ...card.keyPoints[0]!, line: card.keyPoints[0]!.line + 1 }, ...card.keyPoints.slice(1)] })],
    ['the practice questions', (card) => ({ ...card, practiceQuestions: [] })],
    ['the title', (card) => ({ ...card, title: `${card.title}!` })],
    ['the topic', (card) => ({ ...card, topic: 'other' })],
    ['the tags', (card) => ({ ...card, tags: ['x'] })],
    ['the difficulty', (card) => ({ ...card, difficulty: card.difficulty === 'easy' ? 'hard' : 'easy' })],
    ['a section name', (card) => ({ ...card, sections: card.sections.map((section) => ({ ...section, name: `${section.name}.` })) })],
  ])('changes with %s', (_name, change) => {
    const edited = cards.map((card, index) => (index === 0 ? change(card) : card));
    expect(cardItemsKey('b1', edited)).not.toBe(cardItemsKey('b1', cards));
  });

  it('keys cards the card cache gives without reading a body, as it keys the whole cards', () => {
    const reads: string[] = [];
    const cached = cards.map((card) => {
      const { meta, body } = splitCard(card);
      return cardWithBodyOnDemand(meta, () => (reads.push(card.id), body), bodyHashOf(body));
    });
    expect(cardItemsKey('b1', cached)).toBe(cardItemsKey('b1', cards));
    expect(reads).toEqual([]);
  });

  it('stays for a change the items do not read, and with the build', () => {
    const edited = cards.map((card, index) => (index === 0 ? { ...card, estimatedTime: '99min', estimatedMinutes: 99 } : card));
    expect(cardItemsKey('b1', edited)).toBe(cardItemsKey('b1', cards));
    expect(cardItemsKey('b2', cards)).not.toBe(cardItemsKey('b1', cards));
  });
});
