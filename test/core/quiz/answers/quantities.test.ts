import { describe, expect, it } from 'vitest';
import { normaliseTokens } from '../../../../src/core/quiz/answers/normalise.js';
import { qualifiersAgree, takeQualifiers, toQuantities, type Qualifier } from '../../../../src/core/quiz/answers/quantities.js';

const quantities = (text: string) => toQuantities(normaliseTokens(text)).map((tokens) => tokens.join(' '));

describe('toQuantities', () => {
  it.each([
    ['seconds and days meet in milliseconds', '172800 s', ['#t172800000']],
    ['two days', 'two days', ['#t172800000']],
    ['a week', '1 week', ['#t604800000']],
    ['a duration in two parts adds up', '1 h 30 min', ['#t5400000']],
    ['a list of equal units stays a list', '5 s, 3 s and 6 s', ['#t5000 #t3000 and #t6000']],
    ['octets are bytes', '255 octets', ['#b255']],
    ['whole bytes of bits', '16 bits', ['#b2']],
    ['bits that are not whole bytes stay bits', '14 bits', ['#bit14']],
    ['a kilobyte is read both ways', '4 KB', ['#b4000', '#b4096']],
    ['a kibibyte only one way', '4 KiB', ['#b4096']],
    ['percent', '18%', ['#%18']],
    ['a number without a unit stays a number', 'RCODE 3', ['rcode 3']],
  ])('%s: %s', (_name, text, expected) => {
    expect(quantities(text)).toEqual(expected);
  });
});

describe('takeQualifiers', () => {
  it.each<[string, string, string, Qualifier[]]>([
    ['a leading lower bound', 'more than 18%', '#%18', ['lower']],
    ['another spelling of it', 'over 18%', '#%18', ['lower']],
    ['an upper bound', 'at most 5 minutes', '#t300000', ['upper']],
    ['a trailing bound', '18% or more', '#%18', ['lower']],
    ['an approximation', 'about 30 s', '#t30000', ['about']],
    ['no qualifier', '18%', '#%18', ['']],
    ['a qualifier word before a non-number stays', 'over TCP', 'over tcp', []],
    ['one per number', 'at least 1 s and at most 5 minutes', '#t1000 and #t300000', ['lower', 'upper']],
  ])('%s: %s', (_name, text, tokens, qualifiers) => {
    const taken = takeQualifiers(toQuantities(normaliseTokens(text))[0]!);
    expect([taken.tokens.join(' '), taken.qualifiers]).toEqual([tokens, qualifiers]);
  });
});

describe('qualifiersAgree', () => {
  it.each<[Qualifier[], Qualifier[], boolean]>([
    [[''], ['lower'], true],
    [['lower'], ['lower'], true],
    [['about'], ['upper'], true],
    [['upper'], ['lower'], false],
    [['lower'], ['upper'], false],
    [['lower', 'lower'], ['lower', 'upper'], false],
  ])('typed %j against %j agree: %s', (typed, expected, agree) => {
    expect(qualifiersAgree(typed, expected)).toBe(agree);
  });
});
