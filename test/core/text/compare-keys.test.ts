import { describe, expect, it } from 'vitest';
import { compareKeys } from '../../../src/core/text/compare-keys.js';

const root = (a: string, b: string) => Math.sign(a.localeCompare(b, 'und'));
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789.+/_:-';

describe('compareKeys', () => {
  it.each([
    ['a', 'a_b'], ['a_b', 'a-b'], ['a-b', 'a:b'], ['a:b', 'a.b'], ['a.b', 'a/b'], ['a/b', 'a+b'], ['a+b', 'a1'], ['a1', 'ab'],
    ['in-addr.arpa', 'ip6.arpa'], ['64:ff9b', 'resolv.conf'], ['ttl', 'ttl-and-caching'], ['cache-max-ttl', 'caching'],
  ])('orders %s before %s, as the root collation does', (first, second) => {
    expect(compareKeys(first, second)).toBeLessThan(0);
    expect(compareKeys(second, first)).toBeGreaterThan(0);
    expect(root(first, second)).toBe(-1);
  });

  it('agrees with the root collation on every pair of the key characters and on 20,000 random keys', () => {
    for (const a of ALPHABET) for (const b of ALPHABET) expect(Math.sign(compareKeys(a, b)), `${a} ${b}`).toBe(root(a, b));
    let state = 7;
    const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const key = () => Array.from({ length: 1 + Math.floor(next() * 6) }, () => ALPHABET[Math.floor(next() * (next() < 0.5 ? 4 : ALPHABET.length))]).join('');
    for (let round = 0; round < 20_000; round++) {
      const a = key();
      const b = next() < 0.3 ? a + key() : key();
      expect(Math.sign(compareKeys(a, b)), `${a} ${b}`).toBe(root(a, b));
    }
  });

  // Anything else (capitals, accents, spaces, other symbols) goes to the collator, so the order is still the root one.
  it.each([
    ['Zebra', 'apple'], ['résumé', 'resume'], ['a b', 'a-b'], ['a', 'A'], ['é', 'e'], ['x~', 'x'], ['ttl', 'TTL'], ['a\u0301', 'a'],
  ])('orders %s and %s through the collator when either has another character', (a, b) => {
    expect(Math.sign(compareKeys(a, b))).toBe(root(a, b));
    expect(Math.sign(compareKeys(b, a))).toBe(root(b, a));
  });

  it('gives 0 for equal keys', () => {
    expect(compareKeys('dns', 'dns')).toBe(0);
    expect(compareKeys('', '')).toBe(0);
  });
});
