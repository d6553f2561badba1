import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/core/cards/types.js';
import { exactKey, exactlyNamed } from '../../../src/core/search/exact-match.js';

const card = (id: string, title: string, tags: string[]) => ({ id, title, tags }) as unknown as Card;
const CARDS = [
  card('dnssec', 'DNSSEC: Chain of Trust', ['dns', 'dnssec']),
  card('chain-of-trust', 'Chain of trust', ['dnssec']),
  card('ttl', 'TTL and caching', ['dns', 'caching']),
  card('unicode', 'Ünïcode  Ñame', ['names']),
];

describe('exact names', () => {
  it.each<[string, string]>([
    ['Chain of trust', 'chain-of-trust'],
    ['  DNSSEC:  Chain  of Trust ', 'dnssec-chain-of-trust'],
    ['ttl-and-caching', 'ttl-and-caching'],
    ['Ünïcode Ñame', 'ünïcode-ñame'],
    ['---', ''],
    ['(TTL) & caching!', 'ttl-caching'],
    ['resolv.conf_ndots', 'resolv-conf-ndots'],
    ['é-- TTL', 'é-ttl'],
  ])('%j is compared as %j', (text, key) => {
    expect(exactKey(text)).toBe(key);
  });

  it.each<[string, { card: number; tier: number }[]]>([
    ['dnssec', [{ card: 0, tier: 3 }, { card: 1, tier: 1 }]],
    ['chain-of-trust', [{ card: 1, tier: 3 }]],
    ['dnssec-chain-of-trust', [{ card: 0, tier: 2 }]],
    ['dns', [{ card: 0, tier: 1 }, { card: 2, tier: 1 }]],
    ['caching', [{ card: 2, tier: 1 }]],
    ['nothing', []],
    ['ünïcode-ñame', [{ card: 3, tier: 2 }]],
    ['chain', []],
  ])('%j names these cards, each at its best tier (id 3, title 2, tag 1), by a first query\'s scan and by the kept keys', (key, expected) => {
    expect(exactlyNamed([...CARDS], key)).toEqual(expected);
    exactlyNamed(CARDS, 'warm-up');
    expect(exactlyNamed(CARDS, key)).toEqual(expected);
  });

  it('scans for a first query, then works the keys out once per card list and keeps them', () => {
    const cards = [card('a', 'A', [])];
    expect(exactlyNamed(cards, 'a')).toEqual([{ card: 0, tier: 3 }]);
    (cards[0] as { id: string }).id = 'b';
    // The scan kept nothing: the second query works the keys out from the cards as they are now...
    expect(exactlyNamed(cards, 'b')).toEqual([{ card: 0, tier: 3 }]);
    (cards[0] as { id: string }).id = 'c';
    // ...and keeps them.
    expect(exactlyNamed(cards, 'c')).toEqual([]);
    expect(exactlyNamed(cards, 'b')).toEqual([{ card: 0, tier: 3 }]);
  });
});
