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

// A word shorter than this is an identity (TTL, KSK, DoH, AAAA, an id of the glossary), never a typo of another.
const SHORTEST_TYPO_WORD = 5;
const SHORTEST_TWO_TYPO_WORD = 9;

/** How many slips a typed form may have against an expected one: none under 6 letters, 1 from 6, 2 from 12. */
export function allowedSlips(expected: AnswerForm): number {
  const letters = expected.words.filter((token) => !isNumeric(token)).join('').length;
  return letters >= 12 ? 2 : letters >= 6 ? 1 : 0;
}

/**
 * The number of slips between a typed form and an expected one if it is a typo: its numbers exactly
 * equal, its short words exact, each longer word at most one slip off (two from 9 letters), and
 * no more than `allowed` in all; undefined when it is not a typo. Words are compared as written and
 * as stems, whichever is nearer, so neither a plural nor a misspelt stem counts against it.
 */
export function typoDistance(typed: AnswerForm, expected: AnswerForm, allowed: number): number | undefined {
  if (allowed === 0 || numbersOf(typed) !== numbersOf(expected)) return undefined;
  if (typed.words.length === expected.words.length) {
    let total = 0;
    for (let index = 0; index < typed.words.length; index++) {
      if (typed.stems[index] === expected.stems[index]) continue;
      const word = typed.words[index]!;
      const want = expected.words[index]!;
      if (isNumeric(want) || want.length < SHORTEST_TYPO_WORD || word.length < SHORTEST_TYPO_WORD - 1) return undefined;
      const cap = Math.min(want.length >= SHORTEST_TWO_TYPO_WORD ? 2 : 1, allowed - total);
      const distance = Math.min(editDistance(word, want, cap), editDistance(typed.stems[index]!, expected.stems[index]!, cap));
      if (distance > cap) return undefined;
      total += distance;
    }
    return total;
  }
  // A space typed or left out: every short word must still be there, the rest within the limit.
  const short = (form: AnswerForm) => form.words.filter((word) => word.length < SHORTEST_TYPO_WORD);
  if (short(typed).some((word) => !expected.words.includes(word)) || short(expected).some((word) => !typed.words.includes(word))) return undefined;
  const distance = Math.min(editDistance(typed.stems.join(''), expected.stems.join(''), allowed), editDistance(typed.words.join(''), expected.words.join(''), allowed));
  return distance <= allowed ? distance : undefined;
}
