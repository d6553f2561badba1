import { normaliseTokens } from './normalise.js';
import { isNumeric, toQuantities } from './quantities.js';

// Words whose final s is not a plural: acronyms (DNS, TLS, HTTPS, ECS, DoS) and a few English words.
const NOT_PLURAL = new Set(['dns', 'tls', 'https', 'ecs', 'dos', 'ddos', 'cds', 'nss', 'alias', 'status', 'always', 'across', 'less', 'unless', 'whereas', 'perhaps']);

/**
 * A word's stem, the same for its singular and its plural ("queries" and "query", "caches" and "cache",
 * "cookies" and "cookie" all meet); a stem is only ever compared with another stem.
 */
export function singularise(word: string): string {
  if (word.length < 3 || isNumeric(word) || !/^[a-z]+$/.test(word) || NOT_PLURAL.has(word)) return word;
  let stem = word;
  if (stem.endsWith('s') && !/(ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);
  if (stem.length > 3 && stem.endsWith('ie')) stem = stem.slice(0, -1);
  else if (stem.length > 3 && /[^aeiou]y$/.test(stem)) stem = `${stem.slice(0, -1)}i`;
  else if (stem.length > 3 && /(ch|sh|[sxz])e$/.test(stem)) stem = stem.slice(0, -1);
  return stem;
}

/** Words said before an answer that are not part of it: "it is", "called", "known as". */
const LEADING_FILLERS = [['it', 'is'], ['it', 's'], ['its'], ['this', 'is'], ['that', 'is'], ['they', 'are'], ['so', 'called'], ['called'], ['known', 'as']];

/** Drops filler words the learner may say before the answer ("it is the …", "called …"). */
export function dropFillers(tokens: readonly string[]): string[] {
  for (const filler of LEADING_FILLERS) {
    if (tokens.length > filler.length && filler.every((word, index) => tokens[index] === word)) return dropFillers(tokens.slice(filler.length));
  }
  return [...tokens];
}

/** Drops "and" and "or" between the parts of a list, so "A and AAAA", "A/AAAA" and "A or AAAA" meet. */
export function dropConjunctions(tokens: readonly string[]): string[] {
  const kept = tokens.filter((token) => token !== 'and' && token !== 'or');
  return kept.length > 0 ? kept : [...tokens];
}

/** A term's words for matching: normalised, numbers with units as quantities, stems, no "the", "an", "and" or "or". */
export function plainTokens(text: string): string[] {
  const quantities = toQuantities(normaliseTokens(text))[0]!;
  return dropConjunctions(quantities.filter((token) => token !== 'the' && token !== 'an').map(singularise));
}
