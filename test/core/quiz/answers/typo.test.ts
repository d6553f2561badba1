import { describe, expect, it } from 'vitest';
import { answerForms } from '../../../../src/core/quiz/answers/forms.js';
import { compileGlossary } from '../../../../src/core/quiz/answers/glossary.js';
import { allowedSlips, typoDistance } from '../../../../src/core/quiz/answers/typo.js';
import { boundedEditDistance } from '../../../../src/core/search/fuzzy.js';

const glossary = compileGlossary({ synonyms: [{ terms: ['KSK', 'key signing key'] }], contrasts: [] });
const form = (text: string) => answerForms(text, { role: 'written', glossary })[0]!;

describe('boundedEditDistance, as the checker uses it', () => {
  it.each([
    ['kitten', 'sitting', 5, 3],
    ['ttl', 'tlt', 2, 1],
    ['abc', 'abc', 1, 0],
    ['abcdef', 'a', 1, 2],
  ])('%s to %s within %i is %i (capped at limit + 1)', (a, b, limit, expected) => {
    expect(boundedEditDistance(a, b, limit)).toBe(expected);
  });
});

describe('allowedSlips', () => {
  it.each([
    ['Glue', 0],
    ['Punycode', 1],
    ['eventually consistent', 2],
    ['86400 s', 0],
  ])('%s allows %i', (text, slips) => {
    expect(allowedSlips(form(text))).toBe(slips);
  });
});

describe('typoDistance', () => {
  it.each<[string, string, string, number | undefined]>([
    ['one slip in a long word', 'Punicode', 'Punycode', 1],
    ['a swapped pair is one slip', 'Puncyode', 'Punycode', 1],
    ['one slip in each of two long words', 'eventualy consistant', 'eventually consistent', 2],
    ['two slips in one word of under 9 letters', 'Pnuycdoe', 'Punycode', undefined],
    ['a slip in a short word (an acronym) is another word', 'ZSK rollover', 'KSK rollover', undefined],
    ['a slip in a word of the glossary is another word', 'ksk rolover', 'KSK rollover', 1],
    ['a different number is never a typo', '86401 s', '86400 s', undefined],
    ['the same number with a slip in a word', '255 octets in wire fromat', '255 octets in wire format', 1],
    ['a word split so that a short piece is left is not a typo', 'KSK roll ovr', 'KSK rollover', undefined],
    ['a space left out with a slip', 'amplificationfacter', 'amplification factor', 1],
  ])('%s: %s for %s', (_name, typed, expected, distance) => {
    const want = form(expected);
    expect(typoDistance(form(typed), want, allowedSlips(want))).toBe(distance);
  });
});
