import { describe, expect, it, vi } from 'vitest';
import type { Difficulty } from '../../../../src/core/cards/types.js';
import { CARDS_IN_TURN, orderNewItems, PREDICT_GAP } from '../../../../src/core/quiz/session/new-item-order.js';
import type { QuizItem } from '../../../../src/core/quiz/types.js';

interface CardSpec {
  id: string;
  difficulty: Difficulty;
  related: string[];
  keyPoints: number;
  questions: number;
  /** Simulator steps per scenario. */
  scenarios?: number[];
}

function itemsOf(card: CardSpec): QuizItem[] {
  const base = { cardId: card.id, cardTitle: card.id, topic: 'dns', tags: [], difficulty: card.difficulty, source: { cardId: card.id, sectionName: 'Key Points', line: 1 }, front: '', back: '' };
  const make = (id: string, kind: QuizItem['kind'], extra: Partial<QuizItem> = {}): QuizItem => ({ ...base, id, kind, text: id, ...extra });
  return [
    ...Array.from({ length: card.keyPoints }, (_, n) => make(`${card.id}/kp-${n}`, 'key-point')),
    ...Array.from({ length: card.questions }, (_, n) => make(`${card.id}/pq-${n}`, 'practice-question')),
    ...(card.scenarios ?? []).flatMap((steps, s) =>
      Array.from({ length: steps }, (_, n) => make(`sim/${card.id}-${s}/step-${n}`, 'predict', { predict: { scenarioId: `${card.id}-${s}`, eventSeq: n, context: [], question: '', choices: [], correctIndex: 0, reveal: '' } })),
    ),
  ];
}

// A small deck shaped like the bundled one: basics that everything links to, medium cards, incidents.
const DECK: CardSpec[] = [
  { id: 'attack', difficulty: 'hard', related: ['basics'], keyPoints: 7, questions: 2 },
  { id: 'basics', difficulty: 'easy', related: ['names', 'caching'], keyPoints: 8, questions: 3, scenarios: [3, 2] },
  { id: 'caching', difficulty: 'medium', related: ['basics', 'incident'], keyPoints: 9, questions: 2, scenarios: [4] },
  { id: 'incident', difficulty: 'hard', related: ['caching', 'basics'], keyPoints: 6, questions: 3, scenarios: [3] },
  { id: 'names', difficulty: 'easy', related: ['basics'], keyPoints: 6, questions: 2 },
  { id: 'records', difficulty: 'medium', related: ['names'], keyPoints: 8, questions: 2 },
];
const links = (deck: CardSpec[]) => new Map(deck.map((card) => [card.id, card.related]));
const all = (deck: CardSpec[]) => deck.flatMap(itemsOf);
const SEEDS = [1, 7, 42, 20261206, -5];

function longestRun(order: readonly QuizItem[]): number {
  let longest = 0;
  let run = 0;
  order.forEach((item, index) => {
    run = index > 0 && order[index - 1]!.cardId === item.cardId ? run + 1 : 1;
    longest = Math.max(longest, run);
  });
  return longest;
}

const meanPosition = (order: readonly QuizItem[], difficulty: Difficulty) => {
  const places = order.flatMap((item, index) => (item.difficulty === difficulty ? [index] : []));
  return places.reduce((sum, place) => sum + place, 0) / places.length;
};

describe('the order new items are met in', () => {
  it.each(SEEDS)('is the same for the same seed (%i), and holds every item once', (seed) => {
    const order = orderNewItems(all(DECK), links(DECK), seed);
    expect(orderNewItems(all(DECK), links(DECK), seed)).toEqual(order);
    expect(order.map((item) => item.id).sort()).toEqual(all(DECK).map((item) => item.id).sort());
  });

  it('differs between seeds only in the turns, not in which cards come first', () => {
    const orders = SEEDS.map((seed) => orderNewItems(all(DECK), links(DECK), seed));
    expect(new Set(orders.map((order) => order.map((item) => item.id).join())).size).toBeGreaterThan(1);
    for (const order of orders) expect(new Set(order.slice(0, 20).map((item) => item.cardId))).toEqual(new Set(['basics', 'names', 'caching']));
  });

  it.each(SEEDS)('never gives one card more than two items in a row while other cards are in turn (seed %i)', (seed) => {
    const order = orderNewItems(all(DECK), links(DECK), seed);
    // The tail, where one card is left dealing alone, is the only place for longer runs.
    const lastCard = order.at(-1)!.cardId;
    let tail = order.length;
    while (tail > 0 && order[tail - 1]!.cardId === lastCard) tail--;
    expect(longestRun(order.slice(0, tail - CARDS_IN_TURN))).toBeLessThanOrEqual(2);
  });

  it.each(SEEDS)('brings easy cards before medium before hard on average, the most linked-to easy card first (seed %i)', (seed) => {
    const order = orderNewItems(all(DECK), links(DECK), seed);
    expect(meanPosition(order, 'easy')).toBeLessThan(meanPosition(order, 'medium'));
    expect(meanPosition(order, 'medium')).toBeLessThan(meanPosition(order, 'hard'));
    expect(order.slice(0, CARDS_IN_TURN).map((item) => item.cardId)).toContain('basics');
    // The incidents start only once an easy or medium card is done.
    expect(order.findIndex((item) => item.difficulty === 'hard')).toBeGreaterThan(order.filter((item) => item.cardId === 'names').length);
  });

  it.each<[string, number, CardSpec[]]>([
    ['simulator steps of the first card', PREDICT_GAP, DECK],
    ['simulator steps only on the last incident', PREDICT_GAP, DECK.map((card) => ({ ...card, scenarios: card.id === 'incident' ? [2] : [] }))],
    ['a deck that is mostly simulator steps', 3, DECK.map((card) => ({ ...card, scenarios: [card.keyPoints, card.keyPoints] }))],
  ])('mixes in %s within the first %i items', (_name, within, deck) => {
    for (const seed of SEEDS) {
      const order = orderNewItems(all(deck), links(deck), seed);
      expect(order.slice(0, within).some((item) => item.kind === 'predict')).toBe(true);
      // And they keep coming: no stretch of more than PREDICT_GAP items without one while any are left.
      const steps = order.flatMap((item, index) => (item.kind === 'predict' ? [index] : []));
      steps.slice(1).forEach((place, n) => expect(place - steps[n]!).toBeLessThanOrEqual(PREDICT_GAP));
    }
  });

  it('spreads a card\'s practice questions and steps through its turns, opening with a key point', () => {
    const order = orderNewItems(all(DECK), links(DECK), 1);
    const basics = order.filter((item) => item.cardId === 'basics' && item.kind !== 'predict');
    expect(basics[0]!.kind).toBe('key-point');
    const lastKeyPoint = basics.map((item) => item.kind).lastIndexOf('key-point');
    expect(basics.findIndex((item) => item.kind === 'practice-question')).toBeLessThan(lastKeyPoint);
    // Key points keep their card order.
    expect(basics.filter((item) => item.kind === 'key-point').map((item) => item.id)).toEqual(itemsOf(DECK[1]!).filter((item) => item.kind === 'key-point').map((item) => item.id));
    // A card's steps alternate between its scenarios.
    const steps = order.filter((item) => item.cardId === 'basics' && item.kind === 'predict').map((item) => item.predict!.scenarioId);
    expect(steps.slice(0, 4)).toEqual(['basics-0', 'basics-1', 'basics-0', 'basics-1']);
  });

  it('orders whatever is left the same way: the items seen already simply drop out', () => {
    const order = orderNewItems(all(DECK), links(DECK), 3);
    const rest = orderNewItems(all(DECK).filter((item) => !order.slice(0, 20).includes(item)), links(DECK), 3);
    expect(new Set(rest.slice(0, 10).map((item) => item.cardId)).has('attack')).toBe(false);
  });

  it('breaks ties by card id in the collator\'s order without calling it (its set-up delayed the quiz\'s first line)', () => {
    // Same difficulty, nothing linked: the id decides; hyphens and digits as card ids have them.
    const ids = ['dns64-nat64', 'dnssec', 'dns-telemetry', 'dns', 'a0', 'a-b', 'ab'];
    const deck: CardSpec[] = ids.map((id) => ({ id, difficulty: 'easy', related: [], keyPoints: 1, questions: 0 }));
    const compare = vi.spyOn(String.prototype, 'localeCompare');
    try {
      const order = orderNewItems(all(deck), links(deck), 1);
      expect(compare).not.toHaveBeenCalled();
      // One item each, dealt three cards at a time in seeded turns: the first three ranked cards open the order.
      const byCollator = [...ids].sort((a, b) => a.localeCompare(b));
      expect(new Set(order.slice(0, CARDS_IN_TURN).map((item) => item.cardId))).toEqual(new Set(byCollator.slice(0, CARDS_IN_TURN)));
      expect(new Set(order.slice(-1).map((item) => item.cardId))).toEqual(new Set(byCollator.slice(-1)));
    } finally {
      compare.mockRestore();
    }
  });
});
