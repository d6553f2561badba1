import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base32hex, fromBase32hex, hashedOwner, nsec3Hash } from '../../../../src/core/dns-sim/names/nsec3-hash.js';
import { sha1 } from '../../../../src/core/text/sha1.js';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('SHA-1 written out for the core', () => {
  it.each(['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(1000), 'The quick brown fox jumps over the lazy dog'])('matches node\'s SHA-1 for %j', (input) => {
    expect(hex(sha1(text(input)))).toBe(createHash('sha1').update(input).digest('hex'));
  });

  it('gives the FIPS 180 example digest of "abc"', () => {
    expect(hex(sha1(text('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
  });
});

describe('NSEC3 hashed owner names (RFC 5155 section 5)', () => {
  it.each([
    // knsec3hash(1) examples, Knot DNS 3.1 manual.
    ['net', '', 0, 'A1RT98BS5QGC9NFI51S9HCI47ULJG6JH'],
    ['knot-dns.cz', 'c01dcafe', 10, '7PTVGE7QV67EM61ROS9238P5RAKR2DM7'],
    // RFC 5155 Appendix A: salt aabbccdd, 12 extra iterations.
    ['example', 'aabbccdd', 12, '0P9MHAVEQVM6T7VBL5LOP2U3T2RP3TOM'],
    ['a.example', 'aabbccdd', 12, '35MTHGPGCU1QG68FAB165KLNSNK3DPVL'],
    ['A.EXAMPLE', 'aabbccdd', 12, '35MTHGPGCU1QG68FAB165KLNSNK3DPVL'],
  ])('%s, salt %j, %i iterations: %s', (name, salt, iterations, expected) => {
    expect(nsec3Hash(name, salt, iterations)).toBe(expected);
  });

  it('puts the hash as one label above the apex, lower case', () => {
    expect(hashedOwner('net', 'net', '', 0)).toBe('a1rt98bs5qgc9nfi51s9hci47uljg6jh.net');
  });

  it.each([[[0xff]], [[0, 1, 2, 3, 4]], [[...Array(20).keys()]]])('base32hex round-trips %j', (bytes) => {
    expect([...fromBase32hex(base32hex(Uint8Array.from(bytes)))!]).toEqual(bytes);
  });

  it('refuses a character outside the base32hex alphabet', () => {
    expect(fromBase32hex('A1RTW')).toBeUndefined();
  });
});
