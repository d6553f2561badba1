import { describe, expect, it } from 'vitest';
import { knownTerms, type AnswerContext } from '../../../../src/core/quiz/answers/known-terms.js';
import { compileGlossary } from '../../../../src/core/quiz/answers/glossary.js';
import { acceptedVariants, checkAnswer, judgeAnswer, type AnswerCheck, type Blank } from '../../../../src/core/quiz/items/answer-check.js';
import type { TermKind, TermShape } from '../../../../src/core/quiz/types.js';

describe('checkAnswer', () => {
  it.each<[string, string, TermShape, string, string]>([
    ['case and punctuation are ignored', 'max-cache-ttl', 'term', 'MAX CACHE TTL!', 'correct'],
    ['hyphens and spaces are interchangeable', 'source-port randomisation', 'term', 'sourceport randomisation', 'correct'],
    ['British and American spelling', 'QNAME minimisation', 'term', 'qname minimization', 'correct'],
    ['unit names are units', '86400 s', 'number', '86400 seconds', 'correct'],
    ['a unit glued to the number', '86400 s', 'number', '86400s', 'correct'],
    ['the number alone for a number with a unit', '86400 s', 'number', '86400', 'correct'],
    ['thousands separators', '1,500 instances', 'number', '1500 instances', 'correct'],
    ['number words', 'at least two', 'term', 'at least 2', 'correct'],
    ['a qualifier may be left out', 'more than 18%', 'term', '18%', 'correct'],
    ['the RFC number alone', 'RFC 2308', 'rfc', '2308', 'correct'],
    ['a trailing remark in brackets is optional', '518400 s (6 days)', 'number', '518400 s', 'correct'],
    ['an acronym of a three-word name', 'EDNS Client Subnet', 'term', 'ECS', 'correct'],
    ['a leading article', 'the remaining TTL', 'term', 'remaining ttl', 'correct'],
    ['one slip in a long word is close', 'Punycode', 'term', 'Punycode'.replace('y', 'i'), 'close'],
    ['two slips in a very long word are close', 'eventually consistent', 'term', 'eventualy consistant', 'close'],
    ['a wrong number is wrong, however close', '86400 s', 'number', '86401 s', 'wrong'],
    ['a different word is wrong', 'NXDOMAIN', 'term', 'NODATA', 'wrong'],
    ['a short term must be exact', 'TCP', 'term', 'UDP', 'wrong'],
    ['a number inside a longer term is not enough', 'one full old TTL', 'term', '1', 'wrong'],
    ['nothing typed', 'NXDOMAIN', 'term', '   ', 'blank'],
    ['the record type A is not an article', 'A and AAAA', 'term', 'AAAA', 'wrong'],
  ])('%s', (_name, answer, shape, typed, verdict) => {
    expect(checkAnswer(typed, acceptedVariants(answer, shape))).toBe(verdict);
  });
});

describe('acceptedVariants', () => {
  it.each<[string, TermShape, string, boolean]>([
    ['a number with its unit', '86400 s', 'number', '86400', true],
    ['an RFC', 'RFC 2308', 'rfc', '2308', true],
    ['a number that only qualifies the term', '16-bit transaction ID', 'number', '16', false],
    ['a number in a phrase', 'one full old TTL', 'term', '1', false],
  ].map(([name, answer, shape, variant, listed]) => [`${name}: ${answer}`, shape as TermShape, variant as string, listed as boolean]))('%s', (name, shape, variant, listed) => {
    expect(acceptedVariants(name.split(': ')[1]!, shape).includes(variant)).toBe(listed);
  });
});

const glossary = compileGlossary({
  synonyms: [{ terms: ['TTL', 'time to live'] }, { terms: ['KSK', 'key signing key'] }, { terms: ['RD', 'recursion desired'] }, { terms: ['NXDOMAIN', 'name error', 'RCODE 3'] }],
  contrasts: [{ terms: ['KSK', 'ZSK'] }, { terms: ['registry', 'registrar', 'registrant'] }],
});
const context: AnswerContext = {
  glossary,
  known: knownTerms([{ text: 'max-ncache-ttl', kind: 'option' }, { text: 'max-cache-ttl', kind: 'option' }, { text: 'Punycode', kind: 'concept' }], glossary),
};
const blank = (answer: string, kind: TermKind, alternatives: string[] = [], wrong: string[] = []): Blank => ({ answer, alternatives, kind, wrong });

describe('judgeAnswer', () => {
  it.each<[string, string, Blank, AnswerCheck]>([
    ['an article the learner types', 'the Kaminsky attack', blank('Kaminsky attack', 'attack'), { verdict: 'correct', matched: 'Kaminsky attack' }],
    ['a glossary synonym inside a longer answer', 'remaining time to live', blank('remaining TTL', 'concept'), { verdict: 'correct', matched: 'remaining TTL' }],
    ['a glossary expansion of a whole answer', 'RCODE 3', blank('NXDOMAIN', 'rcode'), { verdict: 'correct', matched: 'NXDOMAIN' }],
    ['an alternative, named as the match', 'TTL left', blank('remaining TTL', 'concept', ['TTL left']), { verdict: 'correct', matched: 'TTL left' }],
    ['another unit', '2 days', blank('172800 s', 'number'), { verdict: 'correct', matched: '172800 s' }],
    ['a qualifier of the same sense', 'over 18%', blank('more than 18%', 'number'), { verdict: 'correct', matched: 'more than 18%' }],
    ['the opposite qualifier', 'less than 18%', blank('more than 18%', 'number'), { verdict: 'wrong' }],
    ['a head word of the kind', 'RRSIG records', blank('RRSIG', 'record-type'), { verdict: 'correct', matched: 'RRSIG' }],
    ['a head word of another kind', 'RRSIG record', blank('RRSIG', 'concept'), { verdict: 'wrong' }],
    ['a flag set, in words', 'recursion desired bit', blank('RD=1', 'flag'), { verdict: 'correct', matched: 'RD=1' }],
    ['a flag cleared is not set', 'RD=0', blank('RD=1', 'flag'), { verdict: 'wrong' }],
    ['the number of a code', '3', blank('RCODE 3', 'rcode'), { verdict: 'correct', matched: 'RCODE 3' }],
    ['a number alone for a number', '86400', blank('86400 s', 'number'), { verdict: 'correct', matched: '86400 s' }],
    ['a number alone that only qualifies the blank', '16', blank('16-bit transaction ID', 'field'), { verdict: 'wrong' }],
    ['an older normalised number variant is not enough either', '16', { ...blank('16-bit transaction ID', 'field'), accepted: ['16'] }, { verdict: 'wrong' }],
    ['a record type A is not an article', 'AAAA', blank('A and AAAA', 'record-type'), { verdict: 'wrong' }],
    ['a learner\'s lowercase a can be the record type', 'a record', blank('A', 'record-type'), { verdict: 'correct', matched: 'A' }],
    ['a typo', 'KSK rolover', blank('KSK rollover', 'mechanism'), { verdict: 'close', matched: 'KSK rollover' }],
    ['a contrasting term, named as the rival', 'ZSK rolover', blank('KSK rollover', 'mechanism'), { verdict: 'wrong', rival: 'ZSK' }],
    ['a typo as close to a contrasting term', 'registrat', blank('registrar', 'role'), { verdict: 'wrong', rival: 'registrant' }],
    ['another item\'s answer', 'max-ncache-ttl', blank('max-cache-ttl', 'option'), { verdict: 'wrong', rival: 'max-ncache-ttl' }],
    ['an authored wrong option', 'original TTLs', blank('minimal TTL', 'concept', [], ['original TTL']), { verdict: 'wrong' }],
    ['a wrong option within a typo', 'orignal TTL', blank('original TTX', 'concept', [], ['original TTL']), { verdict: 'wrong' }],
    ['a typo of the answer nearer to it than to any known term', 'Punicode', blank('Punycode', 'concept'), { verdict: 'close', matched: 'Punycode' }],
    ['nothing typed', '  ', blank('NXDOMAIN', 'rcode'), { verdict: 'blank' }],
  ])('%s: %s', (_name, typed, want, check) => {
    expect(judgeAnswer(typed, want, context)).toEqual(check);
  });

  it('turns down a typo of the answer that is as close to another option of a choice question', () => {
    expect(judgeAnswer('Punycodd', blank('Punycode', 'concept'), context)).toEqual({ verdict: 'close', matched: 'Punycode' });
    expect(judgeAnswer('Punycodd', blank('Punycode', 'concept'), context, ['Punycoded'])).toEqual({ verdict: 'wrong', rival: 'Punycoded' });
  });
});
