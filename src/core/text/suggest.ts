import { boundedEditDistance } from '../search/fuzzy.js';

/**
 * The candidate a mistyped word most likely meant: the nearest within a typo budget that grows with
 * the word (one edit up to 4 letters, two up to 8, three beyond), else the only candidate it begins.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const wanted = word.toLowerCase();
  const budget = wanted.length <= 4 ? 1 : wanted.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = budget + 1;
  for (const candidate of candidates) {
    const distance = boundedEditDistance(wanted, candidate.toLowerCase(), budget);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined || wanted.length < 2) return best;
  const extending = candidates.filter((candidate) => candidate.toLowerCase().startsWith(wanted));
  return extending.length === 1 ? extending[0] : undefined;
}
