import type { Card, Difficulty } from '../cards/types.js';
import { exactKey, exactlyNamed } from './exact-match.js';
import { expandTerm, type TermMatch } from './expand-term.js';
import { boostShortlist } from './rerank.js';
import { FIELD_WEIGHTS, Field, sectionSnippet, type IndexedSection, type SearchIndex } from './search-index.js';
import type { Snippet } from './snippet.js';
import { tokenize } from './tokenize.js';

/** Filters and limits for a search. */
export interface SearchOptions {
  limit?: number;
  tag?: string;
  difficulty?: Difficulty;
  topic?: string;
}

/** One ranked card, with the section that matched best and a snippet from it. */
export interface SearchResult {
  card: Card;
  score: number;
  section: Pick<IndexedSection, 'name' | 'kind' | 'line'>;
  /** Where the best hit was: a title or tag hit outranks a hit in the body. */
  matchedIn: 'title' | 'tags' | 'heading' | 'key-points' | 'body';
  snippet: Snippet;
}

const SHORTLIST = 20;
const MATCHED_IN = ['title', 'tags', 'heading', 'key-points', 'body'] as const;

/** Ranks cards for a query: a card whose id, title or tag is the query first, then typo-tolerant term matching, field weights, and a fuse.js re-rank of the shortlist. */
export function searchCards(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResult[] {
  const queryTerms = [...new Set(tokenize(query).filter((term) => !/[._+-]/.test(term) || index.postings.has(term)))];
  const key = exactKey(query);
  if (queryTerms.length === 0 && !key) return [];
  const expansions = queryTerms.map((term, position) => expandTerm(index, term, position === queryTerms.length - 1));
  const cardCount = index.cards.length;
  const allowed = allowedCards(index.cards, options);
  // perTerm[card * terms + term] holds the best hit of each query term in each card.
  const perTerm = new Float64Array(cardCount * queryTerms.length);
  const bestField = new Uint8Array(cardCount);
  const bestFieldScore = new Float64Array(cardCount);

  expansions.forEach((matches, termIndex) => {
    for (const { term, quality } of matches) {
      const weight = quality * Math.log(1 + cardCount / (index.cardFrequency.get(term) ?? 1));
      const list = index.postings.get(term)!;
      for (let i = 0; i < list.length; i += 4) {
        const card = list[i]!;
        if (allowed && !allowed[card]) continue;
        const hit = FIELD_WEIGHTS[list[i + 1]! as Field] * weight * (1 + 0.15 * Math.log(list[i + 3]!));
        const slot = card * queryTerms.length + termIndex;
        if (hit > perTerm[slot]!) perTerm[slot] = hit;
        if (hit > bestFieldScore[card]!) {
          bestFieldScore[card] = hit;
          bestField[card] = list[i + 1]!;
        }
      }
    }
  });

  const ranked: { card: number; coverage: number; score: number }[] = [];
  let bestCoverage = 1;
  for (let card = 0; card < cardCount; card++) {
    let coverage = 0;
    let score = 0;
    for (let term = 0; term < queryTerms.length; term++) {
      const value = perTerm[card * queryTerms.length + term]!;
      if (value > 0) {
        coverage++;
        score += value;
      }
    }
    if (coverage >= bestCoverage) {
      if (coverage > bestCoverage) ranked.length = 0;
      bestCoverage = coverage;
      ranked.push({ card, coverage, score });
    }
  }
  const shortlist = ranked.sort((a, b) => b.score - a.score || a.card - b.card).slice(0, Math.max(SHORTLIST, options.limit ?? 0));
  const matched = expansions.flat();
  const scored = shortlist.map((item) => ({ card: item.card, score: item.score, tier: 0 }));
  const named = exactMatches(index, key, allowed, scored, (card) => termScore(perTerm, card, queryTerms.length));
  boostShortlist(index, scored, queryTerms.join(' '), (options.limit ?? 10) - named.length);
  const top = [...scored, ...named]
    .sort((a, b) => b.tier - a.tier || b.score - a.score || a.card - b.card)
    .slice(0, options.limit ?? 10);
  const sections = sectionScores(index, top.map((item) => item.card), matched);
  // An exact title or tag match is where the card matched, whatever scored highest.
  const matchedIn = (item: (typeof top)[number]) => (item.tier === 2 ? 'title' : item.tier === 1 ? 'tags' : MATCHED_IN[bestField[item.card]!]!);
  return top.map((item, position) => toResult(index, item.card, item.score, matchedIn(item), sections[position]!, matched));
}

// The cards the query names exactly, each with its tier; one already on the shortlist is promoted in place.
function exactMatches(index: SearchIndex, key: string, allowed: Uint8Array | undefined, shortlist: { card: number; score: number; tier: number }[], score: (card: number) => number) {
  const extra: { card: number; score: number; tier: number }[] = [];
  if (!key) return extra;
  const listed = new Map(shortlist.map((item) => [item.card, item]));
  for (const { card, tier } of exactlyNamed(index.cards, key)) {
    if (allowed && !allowed[card]) continue;
    const item = listed.get(card);
    if (item) item.tier = tier;
    else extra.push({ card, score: score(card), tier });
  }
  return extra;
}

function termScore(perTerm: Float64Array, card: number, terms: number): number {
  let score = 0;
  for (let term = 0; term < terms; term++) score += perTerm[card * terms + term]!;
  return score;
}

function toResult(index: SearchIndex, card: number, score: number, matchedIn: SearchResult['matchedIn'], sections: number[], matched: TermMatch[]): SearchResult {
  let best = 0;
  for (let section = 1; section < sections.length; section++) if (sections[section]! > sections[best]!) best = section;
  const section = index.cards[card]!.sections[best] ?? { name: 'Overview', kind: 'overview' as const, line: 1, markdown: '' };
  return {
    card: index.cards[card]!,
    score: Math.round(score * 1000) / 1000,
    section: { name: section.name, kind: section.kind, line: section.line },
    matchedIn,
    snippet: sectionSnippet(section, new Set(matched.map((match) => match.term))),
  };
}

// Scores each section of the result cards in one pass over the postings, to name where each matched best.
function sectionScores(index: SearchIndex, cards: number[], matched: TermMatch[]): number[][] {
  const position = new Map(cards.map((card, at) => [card, at]));
  const scores = cards.map((card) => new Array<number>(index.cards[card]!.sections.length).fill(0));
  for (const { term, quality } of matched) {
    const list = index.postings.get(term)!;
    for (let i = 0; i < list.length; i += 4) {
      const at = position.get(list[i]!);
      if (at !== undefined && list[i + 2]! >= 0) scores[at]![list[i + 2]!]! += FIELD_WEIGHTS[list[i + 1]! as Field] * quality;
    }
  }
  return scores;
}

function allowedCards(cards: Card[], options: SearchOptions): Uint8Array | undefined {
  if (!options.tag && !options.difficulty && !options.topic) return undefined;
  const tag = options.tag?.toLowerCase();
  const topic = options.topic?.toLowerCase();
  return Uint8Array.from(cards, (card) =>
    (!tag || card.tags.includes(tag)) && (!options.difficulty || card.difficulty === options.difficulty) && (!topic || card.topic === topic) ? 1 : 0,
  );
}
