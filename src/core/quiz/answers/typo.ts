import { boundedEditDistance } from '../../search/fuzzy.js';
import { numbersOf, type AnswerForm } from './forms.js';
import { isNumeric } from './quantities.js';

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
      const distance = Math.min(boundedEditDistance(word, want, cap), boundedEditDistance(typed.stems[index]!, expected.stems[index]!, cap));
      if (distance > cap) return undefined;
      total += distance;
    }
    return total;
  }
  // A space typed or left out: every short word must still be there, the rest within the limit.
  const short = (form: AnswerForm) => form.words.filter((word) => word.length < SHORTEST_TYPO_WORD);
  if (short(typed).some((word) => !expected.words.includes(word)) || short(expected).some((word) => !typed.words.includes(word))) return undefined;
  const distance = Math.min(boundedEditDistance(typed.stems.join(''), expected.stems.join(''), allowed), boundedEditDistance(typed.words.join(''), expected.words.join(''), allowed));
  return distance <= allowed ? distance : undefined;
}
