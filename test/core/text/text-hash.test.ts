import { describe, expect, it } from 'vitest';
import { textHash } from '../../../src/core/text/text-hash.js';

describe('textHash', () => {
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
});
