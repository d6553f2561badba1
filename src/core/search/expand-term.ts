import { allowedEdits, boundedEditDistance } from './fuzzy.js';
import type { SearchIndex } from './search-index.js';

/** An indexed term a query term matched, and how closely (1 exact, less for prefixes and typos). */
export interface TermMatch {
  term: string;
  quality: number;
}

const MAX_EXPANSIONS = 40;

/** Finds the indexed terms a query term stands for: itself, words it begins, and words a typo or two away. */
export function expandTerm(index: SearchIndex, queryTerm: string): TermMatch[] {
  const matches = new Map<string, number>();
  if (index.postings.has(queryTerm)) matches.set(queryTerm, 1);
  if (queryTerm.length >= 3) {
    for (let i = lowerBound(index.vocabulary, queryTerm); i < index.vocabulary.length; i++) {
      const term = index.vocabulary[i]!;
      if (!term.startsWith(queryTerm)) break;
      if (term !== queryTerm) matches.set(term, Math.max(matches.get(term) ?? 0, 0.8 - Math.min(0.3, (term.length - queryTerm.length) * 0.03)));
    }
  }
  const edits = allowedEdits(queryTerm);
  if (edits > 0) {
    for (const term of index.vocabulary) {
      if (Math.abs(term.length - queryTerm.length) > edits || matches.has(term)) continue;
      const distance = boundedEditDistance(queryTerm, term, edits);
      if (distance <= edits) matches.set(term, distance === 1 ? 0.65 : 0.45);
    }
  }
  return [...matches]
    .map(([term, quality]) => ({ term, quality }))
    .sort((a, b) => b.quality - a.quality || (index.cardFrequency.get(b.term) ?? 0) - (index.cardFrequency.get(a.term) ?? 0))
    .slice(0, MAX_EXPANSIONS);
}

function lowerBound(sorted: string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
