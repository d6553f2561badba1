import Fuse, { type FuseIndex } from 'fuse.js';
import type { Card } from '../cards/types.js';
import { withoutQuizComments } from '../markdown/author-comments.js';
import type { SearchIndex } from './search-index.js';

/** The fields of a card that fuse.js re-scores. */
interface RerankRecord {
  title: string;
  tags: string[];
  headings: string[];
  keyPoints: string[];
}

// fuse.js does not export its record type; this is what its index stores per document.
type FuseRecord = NonNullable<ReturnType<FuseIndex<RerankRecord>['add']>>;

const KEYS = [
  { name: 'title', weight: 4 },
  { name: 'tags', weight: 3 },
  { name: 'headings', weight: 1.5 },
  { name: 'keyPoints', weight: 1.5 },
];

/** The largest factor fuse.js's re-rank multiplies a score by; a card fuse finds nothing in keeps its score. */
const MAX_BOOST = 1.5;

// One fuse.js instance per index, and each card's normalised fields prepared the first time the card is shortlisted.
interface Reranker {
  fuse: Fuse<number>;
  /** Prepares each card's record (normalised fields, field norms); it is never searched. */
  builder: FuseIndex<RerankRecord>;
  /** The fuse index each query searches: its records are set to the shortlist's, nothing is rebuilt. */
  shortlist: FuseIndex<number>;
  records: Map<number, FuseRecord>;
}

// Keyed by the index, so a re-ranker lives exactly as long as the index it serves.
const rerankers = new WeakMap<SearchIndex, Reranker>();

/**
 * Re-scores a shortlist with fuse.js over a card's prominent fields (title and tags weigh most,
 * then headings and key points), returning a multiplier per card: up to 1.5 for a close fuzzy
 * match, 1 when fuse finds nothing. Body text is left to the index, which already scored it:
 * running fuse over whole bodies tripled the cost of a query at start-up. The fuse.js instance is
 * made once per index and each card's record once, so a query only hands fuse the shortlist.
 */
export function rerankWithFuse(index: SearchIndex, cardIndexes: number[], query: string): number[] {
  if (cardIndexes.length === 0) return [];
  const reranker = rerankerOf(index);
  // A fuse record is (doc position, fields); the fields are shared, only the position is per query.
  reranker.shortlist.setIndexRecords(cardIndexes.map((cardIndex, position) => ({ i: position, $: recordOf(reranker, index, cardIndex).$ })));
  reranker.fuse.setCollection(cardIndexes, reranker.shortlist);
  const boosts = new Array<number>(cardIndexes.length).fill(1);
  // Extended search ANDs space-separated terms, each matched fuzzily.
  for (const result of reranker.fuse.search(query)) boosts[result.refIndex] = MAX_BOOST - 0.5 * Math.min(1, result.score ?? 1);
  return boosts;
}

/** A shortlisted card as the ranking sorts it: a higher tier (an exact title or tag match) first, then the higher score. */
export interface RankedCard {
  card: number;
  score: number;
  tier: number;
}

/**
 * Multiplies the score of each shortlisted card (sorted by score, highest first) by its fuse.js boost, except
 * where the boost cannot change what is printed: a boost lies between 1 and MAX_BOOST, so a tier-0 card whose score
 * times MAX_BOOST stays below `room` boosted cards is never among the first `room`, whatever fuse says. Its score is
 * left as the index gave it, still below those cards. Fuse's score of a card does not depend on the other cards
 * it is handed, so the boosts it gives are the ones a re-rank of the whole shortlist gives.
 */
export function boostShortlist(index: SearchIndex, shortlist: RankedCard[], query: string, room: number): void {
  // The exact matches rank above every tier-0 card; they need their boosts only to order them among themselves.
  const promoted = shortlist.filter((item) => item.tier > 0);
  const rest = shortlist.filter((item) => item.tier === 0);
  const places = Math.max(0, room - promoted.length);
  const boost = (items: RankedCard[]) => rerankWithFuse(index, items.map((item) => item.card), query).forEach((factor, at) => (items[at]!.score *= factor));
  boost([...promoted, ...rest.slice(0, places)]);
  if (places === 0 || rest.length <= places) return;
  // The lowest boosted score that still takes a place; boosting more cards only raises it, so one pass over the cards that can reach it settles every place.
  const bar = rest.slice(0, places).map((item) => item.score).sort((a, b) => b - a)[places - 1]!;
  boost(rest.slice(places).filter((item) => item.score * MAX_BOOST >= bar));
}

function rerankerOf(index: SearchIndex): Reranker {
  let reranker = rerankers.get(index);
  if (!reranker) {
    const builder = Fuse.createIndex<RerankRecord>(KEYS, []);
    const shortlist = Fuse.parseIndex<number>({ keys: builder.keys, records: [] });
    const fuse = new Fuse<number>([], { keys: KEYS, includeScore: true, ignoreLocation: true, threshold: 0.35, useExtendedSearch: true }, shortlist);
    reranker = { fuse, builder, shortlist, records: new Map() };
    rerankers.set(index, reranker);
  }
  return reranker;
}

// A saved index brings each card's prepared fields, so a query neither prepares them nor reads the card's body.
function recordOf(reranker: Reranker, index: SearchIndex, cardIndex: number): FuseRecord {
  let record = reranker.records.get(cardIndex);
  if (!record) {
    const saved = index.rerankFields?.(cardIndex) as FuseRecord['$'] | undefined;
    record = saved ? { i: cardIndex, $: saved } : prepare(reranker.builder, index.cards[cardIndex]!, cardIndex);
    reranker.records.set(cardIndex, record);
  }
  return record;
}

/** Each card's fields as the re-ranker prepares them (normalised, with fuse.js's field norms), for an index saved to disk. */
export function rerankFieldsOf(cards: readonly Card[]): unknown[] {
  const builder = Fuse.createIndex<RerankRecord>(KEYS, []);
  return cards.map((card, cardIndex) => prepare(builder, card, cardIndex).$);
}

function prepare(builder: FuseIndex<RerankRecord>, card: Card, cardIndex: number): FuseRecord {
  const record = builder.add(rerankRecord(card), cardIndex) as FuseRecord;
  builder.setIndexRecords([]);
  return record;
}

function rerankRecord(card: Card): RerankRecord {
  return {
    title: card.title,
    tags: card.tags,
    headings: card.sections.map((section) => section.name),
    // The quiz comments are not the point's text: a word of a wrong option must not rank the card.
    keyPoints: card.keyPoints.map((point) => withoutQuizComments(point.markdown)),
  };
}
