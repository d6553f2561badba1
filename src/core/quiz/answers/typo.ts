import { numbersOf, type AnswerForm } from './forms.js';
import { isNumeric } from './quantities.js';

/** Optimal string alignment distance, giving up once it exceeds the limit. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

// A word shorter than this is an identity (TTL, KSK, DoH, an id of the glossary), never a typo of another.
// Words are compared as stems, which can be a letter shorter than the word ("cache" is "cach").
const SHORTEST_TYPO_WORD = 4;
const SHORTEST_TWO_TYPO_WORD = 9;

/** How many slips a typed form may have against an expected one: none under 6 letters, 1 from 6, 2 from 12. */
export function allowedSlips(expected: AnswerForm): number {
  const letters = expected.tokens.filter((token) => !isNumeric(token)).join('').length;
  return letters >= 12 ? 2 : letters >= 6 ? 1 : 0;
}

/**
 * The number of slips between a typed form and an expected one if it is a typo: its numbers exactly
 * equal, its short words exact, each longer word at most one slip off (two from 9 letters), and
 * no more than `allowed` in all; undefined when it is not a typo.
 */
export function typoDistance(typed: AnswerForm, expected: AnswerForm, allowed: number): number | undefined {
  if (allowed === 0 || numbersOf(typed) !== numbersOf(expected)) return undefined;
  if (typed.tokens.length === expected.tokens.length) {
    let total = 0;
    for (let index = 0; index < typed.tokens.length; index++) {
      const word = typed.tokens[index]!;
      const want = expected.tokens[index]!;
      if (word === want) continue;
      if (isNumeric(want) || want.length < SHORTEST_TYPO_WORD || word.length < SHORTEST_TYPO_WORD - 1) return undefined;
      const cap = Math.min(want.length >= SHORTEST_TWO_TYPO_WORD ? 2 : 1, allowed - total);
      const distance = editDistance(word, want, cap);
      if (distance > cap) return undefined;
      total += distance;
    }
    return total;
  }
  // A space typed or left out: every short word must still be there, the rest within the limit.
  const shortTyped = typed.tokens.filter((token) => token.length < SHORTEST_TYPO_WORD);
  const shortExpected = expected.tokens.filter((token) => token.length < SHORTEST_TYPO_WORD);
  if (shortTyped.some((token) => !expected.tokens.includes(token)) || shortExpected.some((token) => !typed.tokens.includes(token))) return undefined;
  const distance = editDistance(typed.compact, expected.compact, allowed);
  return distance <= allowed ? distance : undefined;
}
