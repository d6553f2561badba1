import { linkCounts } from '../../cards/link-counts.js';
import type { Difficulty } from '../../cards/types.js';
import { compareKeys } from '../../text/compare-keys.js';
import { shuffled } from '../items/random.js';
import type { QuizItem } from '../types.js';

/** How many cards deal their new items in turns at once. */
export const CARDS_IN_TURN = 3;

/** While simulator steps are left, at most this many new items pass between two of them. */
export const PREDICT_GAP = 5;

const DIFFICULTY_ORDER: Record<Difficulty, number> = { easy: 0, medium: 1, hard: 2 };

/**
 * The order new items are met in, for a learner who has read nothing yet. Cards are ranked easy before
 * hard, then by how many cards link to them (the resolution basics before the incidents), then by id. The
 * three best-ranked cards with key points or practice questions left deal one each in turns (in an order
 * the seed shuffles, never the same card twice across a turn's edge); within a card, its key points lead
 * and its practice questions are spread through its turns. Simulator steps, in the same card ranking and
 * alternating between a card's scenarios, are mixed into the whole order in proportion, at least one in
 * every PREDICT_GAP items while any are left, so the first session has some.
 */
export function orderNewItems(items: readonly QuizItem[], links: ReadonlyMap<string, readonly string[]>, seed: number): QuizItem[] {
  return dealNewItems(items, links, seed, Infinity);
}

/**
 * The first `limit` items of orderNewItems' order, without dealing the rest: a session that asks 20 of 500 new items
 * deals about 20. Built in arrays, not a chain of generators: resuming three generators for every item was about 2 ms
 * of a quiz's first frame with 541 items.
 */
function dealNewItems(items: readonly QuizItem[], links: ReadonlyMap<string, readonly string[]>, seed: number, limit: number): QuizItem[] {
  const rank = rankCards(items, links);
  // Steps go card by card in rank order: spaced out as they are, they never run together, and an incident's come late.
  const steps = items.filter((item) => item.kind === 'predict');
  const others = items.filter((item) => item.kind !== 'predict');
  return mixIn(dealInTurns(others, rank, seed, CARDS_IN_TURN, limit), others.length, dealInTurns(steps, rank, seed, 1, limit), steps.length, limit);
}

/**
 * The candidates in an order that selectItems treats exactly as the whole new-item order: that order up to the last
 * item with progress whose place the selection reads (`readsPlace`; by default every item with progress, and
 * placeReader in select-items.ts says which it reads) and past `count` items without any (the most it asks of them,
 * which are new wherever they stand), then the rest as they come: the selection reads no place among them. When it
 * reads none with progress, `count` items are dealt and the items with progress among them, not every item.
 */
export function orderForSelection(
  items: readonly QuizItem[],
  links: ReadonlyMap<string, readonly string[]>,
  seed: number,
  hasProgress: (item: QuizItem) => boolean,
  count: number,
  readsPlace: (item: QuizItem) => boolean = hasProgress,
): QuizItem[] {
  const withProgress = items.filter(hasProgress).length;
  let toPlace = items.filter((item) => hasProgress(item) && readsPlace(item)).length;
  let without = 0;
  const order: QuizItem[] = [];
  const dealt = new Set<QuizItem>();
  // With no place to read among the items with progress, the first `count` items without any lie among the first
  // `count` plus the items with progress.
  for (const item of dealNewItems(items, links, seed, toPlace === 0 ? count + withProgress : Infinity)) {
    if (toPlace === 0 && without >= count) break;
    order.push(item);
    dealt.add(item);
    if (!hasProgress(item)) without++;
    else if (readsPlace(item)) toPlace--;
  }
  for (const item of items) if (!dealt.has(item)) order.push(item);
  return order;
}

// Card id to its place in the ranking.
function rankCards(items: readonly QuizItem[], links: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const difficulty = new Map(items.map((item) => [item.cardId, DIFFICULTY_ORDER[item.difficulty]]));
  const linked = linkCounts(links);
  const cards = [...difficulty.keys()].sort((a, b) => difficulty.get(a)! - difficulty.get(b)! || (linked.get(b) ?? 0) - (linked.get(a) ?? 0) || compareKeys(a, b));
  return new Map(cards.map((card, index) => [card, index]));
}

// The first `limit` items the cards deal, `cardsInTurn` of them dealing one item each a turn.
function dealInTurns(items: readonly QuizItem[], rank: Map<string, number>, seed: number, cardsInTurn: number, limit: number): QuizItem[] {
  const byCard = new Map<string, QuizItem[]>();
  for (const item of items) pushTo(byCard, item.cardId, item);
  const waiting = [...byCard.keys()].sort((a, b) => rank.get(a)! - rank.get(b)!);
  // A card's items are spread when it first deals, and dealt from the front.
  const streams = new Map<string, { items: QuizItem[]; next: number }>();
  const streamOf = (card: string) => streams.get(card) ?? streams.set(card, { items: spreadKinds(byCard.get(card)!), next: 0 }).get(card)!;
  const active = waiting.splice(0, cardsInTurn);
  const dealt: QuizItem[] = [];
  let previous: string | undefined;
  for (let turn = 0; active.length > 0 && dealt.length < limit; turn++) {
    const cards = shuffled(active, seed, 'new-items', turn);
    if (cards.length > 1 && cards[0] === previous) cards.push(cards.shift()!);
    for (const card of cards) {
      const stream = streamOf(card);
      dealt.push(stream.items[stream.next++]!);
      if (stream.next === stream.items.length) active.splice(active.indexOf(card), 1, ...waiting.splice(0, 1));
    }
    previous = cards.at(-1);
  }
  return dealt;
}

// One card's items with each kind (and each scenario's steps) spread evenly: key points lead, in card order.
function spreadKinds(items: readonly QuizItem[]): QuizItem[] {
  const groups = new Map<string, QuizItem[]>();
  for (const item of items) {
    const key = item.kind === 'predict' ? `predict:${item.predict?.scenarioId ?? ''}` : item.kind;
    pushTo(groups, key, item);
  }
  const placed = [...groups].flatMap(([key, group], groupIndex) =>
    group.map((item, index) => ({ item, at: (index + (key === 'key-point' ? 0 : 0.5)) / group.length, groupIndex, index })),
  );
  placed.sort((a, b) => a.at - b.at || a.groupIndex - b.groupIndex || a.index - b.index);
  return placed.map((entry) => entry.item);
}

/** Adds an item to its key's group. Appending in place: copying the list for every item made grouping quadratic in a card's items. */
export function pushTo<K>(groups: Map<K, QuizItem[]>, key: K, item: QuizItem): void {
  const group = groups.get(key);
  if (group) group.push(item);
  else groups.set(key, [item]);
}

// The first `limit` items of the whole order: steps mixed into the others in proportion, one at least every PREDICT_GAP.
function mixIn(others: readonly QuizItem[], otherCount: number, predict: readonly QuizItem[], predictCount: number, limit: number): QuizItem[] {
  const total = otherCount + predictCount;
  const gap = predictCount === 0 ? Infinity : Math.min(PREDICT_GAP, total / predictCount);
  const mixed: QuizItem[] = [];
  let next = 0;
  let step = 0;
  for (let position = 0; position < Math.min(total, limit); position++) {
    const stepDue = step < predictCount && (next >= otherCount || position >= Math.floor(step * gap + gap / 2));
    mixed.push(stepDue ? predict[step++]! : others[next++]!);
  }
  return mixed;
}
