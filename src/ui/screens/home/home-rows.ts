import type { Card } from '../../../core/cards/types.js';
import { tokenize } from '../../../core/search/tokenize.js';
import { compareKeys } from '../../../core/text/compare-keys.js';

/** The cards of one topic, in load order. */
export interface TopicGroup {
  topic: string;
  cards: Card[];
}

/** One row of the browse list: a topic heading or a card (with its position among the cards). */
export type ListRow = { kind: 'topic'; topic: string; count: number } | { kind: 'card'; card: Card; index: number };

/** Groups cards by topic, topics in alphabetical order, as `swelearn list` does. */
export function groupByTopic(cards: readonly Card[]): TopicGroup[] {
  const byTopic = new Map<string, Card[]>();
  for (const card of cards) byTopic.set(card.topic, [...(byTopic.get(card.topic) ?? []), card]);
  return [...byTopic].sort(([a], [b]) => compareKeys(a, b)).map(([topic, topicCards]) => ({ topic, cards: topicCards }));
}

/** The browse rows, and the cards in the order the cursor walks them. */
export function listRows(groups: readonly TopicGroup[]): { rows: ListRow[]; cards: Card[] } {
  const rows: ListRow[] = [];
  const cards: Card[] = [];
  for (const group of groups) {
    rows.push({ kind: 'topic', topic: group.topic, count: group.cards.length });
    for (const card of group.cards) {
      rows.push({ kind: 'card', card, index: cards.length });
      cards.push(card);
    }
  }
  return { rows, cards };
}

/** Character ranges of a title that the query's words begin (prefix match per word, case-insensitive). */
export function titleHighlights(title: string, query: string): [number, number][] {
  const terms = tokenize(query).filter((term) => term.length > 0);
  if (terms.length === 0) return [];
  const ranges: [number, number][] = [];
  const lower = title.toLowerCase();
  for (const word of lower.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = word.index;
    const best = Math.max(0, ...terms.filter((term) => word[0].startsWith(term) || (word[0].length >= 3 && term.startsWith(word[0]))).map((term) => Math.min(term.length, word[0].length)));
    if (best > 0) ranges.push([start, start + best]);
  }
  return ranges;
}
