import { describe, expect, it } from 'vitest';
import { acceptedVariants, checkAnswer, editDistance } from '../../../../src/core/quiz/items/answer-check.js';
import type { TermShape } from '../../../../src/core/quiz/types.js';

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

describe('editDistance', () => {
  it.each([
    ['kitten', 'sitting', 5, 3],
    ['ttl', 'tlt', 2, 1],
    ['abc', 'abc', 1, 0],
    ['abcdef', 'a', 1, 2],
  ])('%s to %s within %i is %i (capped at limit + 1)', (a, b, limit, expected) => {
    expect(editDistance(a, b, limit)).toBe(expected);
  });
});
