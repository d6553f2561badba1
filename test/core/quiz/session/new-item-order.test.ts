import { describe, expect, it, vi } from 'vitest';
import type { Difficulty } from '../../../../src/core/cards/types.js';
import { deriveProgress } from '../../../../src/core/quiz/progress/derive-progress.js';
import { dueAt } from '../../../../src/core/quiz/progress/schedule.js';
import type { LogEntry } from '../../../../src/core/quiz/progress/log-entry.js';
import { CARDS_IN_TURN, orderForSelection, orderNewItems, PREDICT_GAP } from '../../../../src/core/quiz/session/new-item-order.js';
import { placeReader, selectItems, type SelectOptions } from '../../../../src/core/quiz/session/select-items.js';
import type { ScheduleTrack } from '../../../../src/core/quiz/progress/tracks.js';
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

describe('the order a selection reads', () => {
  const DAY = 86_400_000;
  const T0 = Date.parse('2026-06-01T09:00:00Z');
  // Items answered at the same moment with the same grade share a schedule: the selection breaks their tie by the order.
  const answered = (ids: string[], daysAgo: number, grade: 1 | 2 | 3 | 4): LogEntry[] =>
    ids.map((item, n) => ({ v: 2, type: 'review', id: `${item}-${daysAgo}-${n}`, at: new Date(T0 - daysAgo * DAY).toISOString(), session: 's', item, card: item.split('/')[0]!, mode: 'flashcard', grade, correct: grade > 1, ms: 1000, text: item }));
  const items = all(DECK);
  const ids = items.map((item) => item.id);
  const logs: [string, LogEntry[]][] = [
    ['no progress', []],
    ['a few due, tied', answered([ids[3]!, ids[17]!, ids[40]!, ids[2]!], 30, 3)],
    ['due, learnt and lapsed items over the deck', [...answered(ids.filter((_, n) => n % 3 === 0), 20, 3), ...answered(ids.filter((_, n) => n % 7 === 1), 1, 4), ...answered(ids.filter((_, n) => n % 11 === 2), 2, 1)]],
    ['a suspended item', [...answered([ids[5]!], 10, 3), { v: 3, type: 'suspend', id: 'h', at: new Date(T0 - DAY).toISOString(), session: 's', item: ids[5]!, card: 'x', text: '' }]],
  ];
  // Items answered in recognition too, and items asked in it: an item with progress only on the other track is new there.
  const mixedLog: LogEntry[] = [...answered(ids.filter((_, n) => n % 4 === 0), 20, 3), ...answered(ids.filter((_, n) => n % 5 === 1), 3, 4)].map((entry, n) => (n % 3 === 0 ? { ...entry, mode: 'choice' as const } : entry));
  logs.push(['recall and recognition, some tied', mixedLog]);
  const tracks: [string, (item: QuizItem) => ScheduleTrack][] = [
    ['recall', () => 'recall'],
    ['mixed tracks', (item) => (item.id.length % 2 === 0 ? 'recall' : 'recognition')],
  ];
  const cases = logs.flatMap(([name, log]) =>
    SEEDS.flatMap((seed) => [1, 5, 20, 200].flatMap((count) => [false, true].flatMap((cram) => [false, true].flatMap((dueOnly) => tracks.map(([trackName, trackOf]) => ({ name, log, seed, count, cram, dueOnly, trackName, trackOf })))))),
  );

  it('gives selectItems the selection the whole order gives, for any progress, seed, count, cram, due-only and track', () => {
    for (const { name, log, seed, count, cram, dueOnly, trackName, trackOf } of cases) {
      const progress = deriveProgress(log, items);
      const options: SelectOptions = { nowMs: T0, count, dueOnly, cram, newPerDay: 12, trackOf };
      const hasProgress = (item: QuizItem) => progress.items.get(item.id) !== undefined;
      const whole = selectItems(orderNewItems(items, links(DECK), seed), progress, options);
      const label = `${name}, seed ${seed}, count ${count}, cram ${cram}, due only ${dueOnly}, ${trackName}`;
      expect(selectItems(orderForSelection(items, links(DECK), seed, hasProgress, count), progress, options), label).toEqual(whole);
      expect(selectItems(orderForSelection(items, links(DECK), seed, hasProgress, count, placeReader(items, progress, options)), progress, options), `${label}, places read`).toEqual(whole);
    }
  });

  it('counts the due and the new items it chose by each one\'s schedule on its track, for every case above', () => {
    for (const { name, log, seed, count, cram, dueOnly, trackName, trackOf } of cases) {
      const progress = deriveProgress(log, items);
      const selection = selectItems(orderNewItems(items, links(DECK), seed), progress, { nowMs: T0, count, dueOnly, cram, newPerDay: 12, trackOf });
      const schedule = (item: QuizItem) => progress.items.get(item.id)?.tracks[trackOf(item)]?.schedule;
      const label = `${name}, seed ${seed}, count ${count}, cram ${cram}, due only ${dueOnly}, ${trackName}`;
      expect(selection.dueCount, label).toBe(selection.items.filter((item) => { const known = schedule(item); return known !== undefined && dueAt(known) <= T0; }).length);
      expect(selection.newCount, label).toBe(selection.items.filter((item) => schedule(item) === undefined).length);
    }
  });

  it('reads the place of the due items whose schedules tie, and to cram of the learnt ones, and of no other', () => {
    const log = [...answered([ids[3]!, ids[17]!], 30, 3), ...answered([ids[8]!], 29, 3), ...answered([ids[9]!], 1, 4)];
    const progress = deriveProgress(log, items);
    const recall: SelectOptions = { nowMs: T0, count: 5, dueOnly: false, cram: false, newPerDay: 12, trackOf: () => 'recall' };
    // Answered together, ids[3] and ids[17] tie; ids[8] is due alone, ids[9] learnt.
    expect(items.filter(placeReader(items, progress, recall)).map((item) => item.id)).toEqual([ids[3], ids[17]]);
    // Asked in recognition, where it has no schedule, ids[17] is new there and ties with nothing: nor does ids[3] then.
    expect(items.some(placeReader(items, progress, { ...recall, trackOf: (item) => (item.id === ids[17] ? 'recognition' : 'recall') }))).toBe(false);
    // To cram, learnt items are picked too, weakest first: two learnt together tie.
    const twoLearnt = deriveProgress([...log, ...answered([ids[10]!], 1, 4)], items);
    expect(items.filter(placeReader(items, twoLearnt, recall)).map((item) => item.id)).toEqual([ids[3], ids[17]]);
    expect(items.filter(placeReader(items, twoLearnt, { ...recall, cram: true })).map((item) => item.id)).toEqual([ids[3], ids[9], ids[10], ids[17]]);
  });

  it('with progress whose place is not read, deals only the session\'s new items and the items with progress before them', () => {
    const log = answered(ids.filter((_, n) => n % 3 === 0), 20, 3).map((entry, n) => ({ ...entry, at: new Date(T0 - (20 + n) * DAY).toISOString() }));
    const progress = deriveProgress(log, items);
    const options: SelectOptions = { nowMs: T0, count: 5, dueOnly: false, cram: false, newPerDay: 12, trackOf: () => 'recall' };
    const hasProgress = (item: QuizItem) => progress.items.get(item.id) !== undefined;
    const reads = placeReader(items, progress, options);
    expect(items.some(reads)).toBe(false);
    const order = orderForSelection(items, links(DECK), 7, hasProgress, 5, reads);
    const whole = orderNewItems(items, links(DECK), 7);
    const dealt = whole.findIndex((item, at) => whole.slice(0, at + 1).filter((one) => !hasProgress(one)).length === 5) + 1;
    expect(dealt).toBeLessThan(items.length / 2);
    expect(order.slice(0, dealt)).toEqual(whole.slice(0, dealt));
    // Past the dealt items the rest keep the candidates' order: none of them was dealt.
    expect(order.slice(dealt)).toEqual(items.filter((item) => !whole.slice(0, dealt).includes(item)));
    expect(selectItems(order, progress, options)).toEqual(selectItems(whole, progress, options));
  });

  it('holds every item once, and with no progress deals only as many as the session can ask', () => {
    const order = orderForSelection(items, links(DECK), 7, () => false, 5);
    expect(new Set(order).size).toBe(items.length);
    expect(order.slice(0, 5)).toEqual(orderNewItems(items, links(DECK), 7).slice(0, 5));
    // Past the dealt items the rest keep the candidates' order: none of them was dealt.
    expect(order.slice(5)).toEqual(items.filter((item) => !order.slice(0, 5).includes(item)));
  });
});
