import { allowedEdits, boundedEditDistance } from './fuzzy.js';
import { lowerBound, type SearchIndex } from './search-index.js';

/** An indexed term a query term matched, and how closely (1 exact, less for prefixes and typos). */
export interface TermMatch {
  term: string;
  quality: number;
}

const MAX_EXPANSIONS = 40;

/**
 * Finds the indexed terms a query term stands for: itself; words it begins (for the word being
 * typed, or a word not in the index); and, only for a word not in the index, words a typo or two away.
 */
export function expandTerm(index: SearchIndex, queryTerm: string, isLastTerm = true): TermMatch[] {
  const matches = new Map<string, number>();
  const known = index.postings.has(queryTerm);
  if (known) matches.set(queryTerm, 1);
  if (queryTerm.length >= 3 && (isLastTerm || !known)) {
    for (let i = lowerBound(index.vocabulary, queryTerm); i < index.vocabulary.length; i++) {
      const term = index.vocabulary[i]!;
      if (!term.startsWith(queryTerm)) break;
      if (term !== queryTerm) matches.set(term, Math.max(matches.get(term) ?? 0, 0.8 - Math.min(0.3, (term.length - queryTerm.length) * 0.03)));
    }
  }
  const edits = known ? 0 : allowedEdits(queryTerm);
  const firstChar = queryTerm.charCodeAt(0);
  const secondChar = queryTerm.charCodeAt(1);
  for (let length = queryTerm.length - edits; edits > 0 && length <= queryTerm.length + edits; length++) {
    for (const term of index.vocabularyByLength.get(length) ?? []) {
      // As in Lucene's fuzzy prefix: typos rarely touch the first letter, and checking it first skips most of the scan.
      const first = term.charCodeAt(0);
      if ((first !== firstChar && first !== secondChar) || matches.has(term)) continue;
      const distance = boundedEditDistance(queryTerm, term, edits);
      if (distance <= edits) matches.set(term, distance === 1 ? 0.65 : 0.45);
    }
  }
  // Each term's frequency is looked up once, not in every comparison: a binary search each, some thousand for 'dns'.
  return [...matches]
    .map(([term, quality]) => ({ term, quality, frequency: index.cardFrequency.get(term) ?? 0 }))
    .sort((a, b) => b.quality - a.quality || b.frequency - a.frequency)
    .slice(0, MAX_EXPANSIONS)
    .map(({ term, quality }) => ({ term, quality }));
}
