import type { Card, Difficulty } from '../cards/types.js';
import { expandTerm, type TermMatch } from './expand-term.js';
import { rerankWithFuse } from './rerank.js';
import { FIELD_WEIGHTS, Field, type IndexedSection, type SearchIndex } from './search-index.js';
import { makeSnippet, type Snippet } from './snippet.js';
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

const SHORTLIST = 30;
const MATCHED_IN = ['title', 'tags', 'heading', 'key-points', 'body'] as const;

/** Ranks cards for a query: typo-tolerant term matching, field weights, then a fuse.js re-rank of the shortlist. */
export function searchCards(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResult[] {
  const queryTerms = [...new Set(tokenize(query).filter((term) => !/[._+-]/.test(term) || index.postings.has(term)))];
  if (queryTerms.length === 0) return [];
  const expansions = queryTerms.map((term) => expandTerm(index, term));
  const total = index.cards.length;
  const scores = new Map<number, { perTerm: number[]; sections: Map<number, number>; bestField: Field; bestFieldScore: number }>();

  expansions.forEach((matches, termIndex) => {
    for (const { term, quality } of matches) {
      const idf = Math.log(1 + total / (index.cardFrequency.get(term) ?? 1));
      const list = index.postings.get(term)!;
      for (let i = 0; i < list.length; i += 4) {
        const cardIndex = list[i]!;
        if (!passesFilters(index.cards[cardIndex]!, options)) continue;
        const field = list[i + 1]! as Field;
        const hit = FIELD_WEIGHTS[field] * quality * idf * (1 + 0.15 * Math.log(list[i + 3]!));
        let entry = scores.get(cardIndex);
        if (!entry) scores.set(cardIndex, (entry = { perTerm: new Array(queryTerms.length).fill(0), sections: new Map(), bestField: field, bestFieldScore: 0 }));
        if (hit > entry.perTerm[termIndex]!) entry.perTerm[termIndex] = hit;
        if (hit > entry.bestFieldScore) [entry.bestField, entry.bestFieldScore] = [field, hit];
        const section = list[i + 2]!;
        if (section >= 0) entry.sections.set(section, (entry.sections.get(section) ?? 0) + hit);
      }
    }
  });

  const ranked = [...scores].map(([cardIndex, entry]) => ({
    cardIndex,
    entry,
    coverage: entry.perTerm.filter((score) => score > 0).length,
    score: entry.perTerm.reduce((sum, score) => sum + score, 0),
  }));
  const bestCoverage = Math.max(0, ...ranked.map((item) => item.coverage));
  const shortlist = ranked
    .filter((item) => item.coverage === bestCoverage)
    .sort((a, b) => b.score - a.score || a.cardIndex - b.cardIndex)
    .slice(0, Math.max(SHORTLIST, options.limit ?? 0));

  const boosts = rerankWithFuse(shortlist.map((item) => index.cards[item.cardIndex]!), index, shortlist.map((item) => item.cardIndex), queryTerms.join(' '));
  const matchedTerms = expansions.flat();
  return shortlist
    .map((item, position) => ({ ...item, score: item.score * boosts[position]! }))
    .sort((a, b) => b.score - a.score || a.cardIndex - b.cardIndex)
    .slice(0, options.limit ?? 10)
    .map((item) => toResult(index, item.cardIndex, item.score, item.entry, matchedTerms));
}

function toResult(index: SearchIndex, cardIndex: number, score: number, entry: { sections: Map<number, number>; bestField: Field }, matched: TermMatch[]): SearchResult {
  const sections = index.sections[cardIndex]!;
  let best = 0;
  let bestScore = -1;
  for (const [section, sectionScore] of entry.sections) {
    if (sectionScore > bestScore) [best, bestScore] = [section, sectionScore];
  }
  const section = sections[best] ?? { name: 'Overview', kind: 'overview' as const, line: 1, plain: '' };
  return {
    card: index.cards[cardIndex]!,
    score: Math.round(score * 1000) / 1000,
    section: { name: section.name, kind: section.kind, line: section.line },
    matchedIn: MATCHED_IN[entry.bestField],
    snippet: makeSnippet(section.plain, new Set(matched.map((match) => match.term))),
  };
}

function passesFilters(card: Card, options: SearchOptions): boolean {
  if (options.tag && !card.tags.includes(options.tag.toLowerCase())) return false;
  if (options.difficulty && card.difficulty !== options.difficulty) return false;
  if (options.topic && card.topic !== options.topic.toLowerCase()) return false;
  return true;
}
