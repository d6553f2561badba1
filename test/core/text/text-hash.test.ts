import { describe, expect, it } from 'vitest';
import { keyHash, textHash } from '../../../src/core/text/text-hash.js';

describe.each([
  ['textHash', textHash],
  ['keyHash', keyHash],
])('%s', (_name, textHash) => {
  const listing = '0.2.0-abc\u0001bundled\u0000/cards\u0000/cards/dns/ttl.md\u00004096\u00001733500000000.5';

  it('gives 16 hex digits, the same for the same text', () => {
    expect(textHash(listing)).toMatch(/^[0-9a-f]{16}$/);
    expect(textHash(listing)).toBe(textHash(`${listing}`));
  });

  // What the saved search's key must tell apart: an edit (size, time), a renamed file, a new build, no text at all.
  it.each([
    ['a size', listing.replace('4096', '4097')],
    ['a modification time', listing.replace('.5', '.6')],
    ['a file name', listing.replace('ttl.md', 'tll.md')],
    ['the build', listing.replace('abc', 'abd')],
    ['everything', ''],
  ])('changes with %s', (_name, changed) => {
    expect(textHash(changed)).not.toBe(textHash(listing));
  });

  it('spreads many similar texts over distinct hashes', () => {
    const hashes = new Set(Array.from({ length: 20_000 }, (_, i) => textHash(listing.replace('4096', String(i)))));
    expect(hashes.size).toBe(20_000);
  });

  // keyHash reads four bytes at a time: a change in the last one to three bytes, or zero bytes after the text, still counts.
  it.each([
    ['one more byte', `${listing}x`],
    ['a changed last byte', `${listing.slice(0, -1)}6`],
    ['a zero byte after it', `${listing}\u0000`],
    ['two zero bytes after it', `${listing}\u0000\u0000`],
    ['a non-ASCII character', listing.replace('ttl', 'tél')],
  ])('changes with %s', (_change, changed) => {
    expect(textHash(changed)).not.toBe(textHash(listing));
  });

  it('tells short texts apart, whatever their length modulo four', () => {
    const texts = ['', '\u0000', 'a', 'a\u0000', 'ab', 'abc', 'abcd', 'abcde', 'é', 'e\u0301', '\u{1F600}', 'abcdabcd', 'abcdabce'];
    expect(new Set(texts.map((text) => textHash(text))).size).toBe(texts.length);
  });
});
