import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha1Hex } from '../../../src/core/text/sha1.js';

// The card cache's file names must not change when it stops loading node:crypto for them: old caches stay found.
describe('sha1Hex', () => {
  it.each([
    ['empty', ''],
    ['FIPS 180 one-block example', 'abc'],
    ['FIPS 180 two-block example', 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'],
    ['55 bytes, the most one block holds', 'x'.repeat(55)],
    ['56 bytes, the length spills into a second block', 'x'.repeat(56)],
    ['64 bytes', 'y'.repeat(64)],
    ['a card folder path', '/home/someone/.local/share/swelearn/cards'],
    ['non-ASCII path', '/Users/zoë/カード/dns'],
    ['long text', 'The quick brown fox jumps over the lazy dog. '.repeat(40)],
  ])('matches node:crypto on %s', (_name, text) => {
    expect(sha1Hex(text)).toBe(createHash('sha1').update(text).digest('hex'));
  });

  it('gives the FIPS 180 example digest for "abc"', () => {
    expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
  });
});
