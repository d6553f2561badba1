import { describe, expect, it } from 'vitest';
import { visitWords } from '../../../src/core/search/tokenize.js';

describe('visitWords', () => {
  // ASCII text takes the plain character classes, other text the Unicode ones: both must find the same words.
  it.each([
    ['plain words', 'The TTL bounds', [['the', 0, 3], ['ttl', 4, 7], ['bounds', 8, 14]]],
    ['a compound and its parts', 'see resolv.conf now', [['see', 0, 3], ['resolv.conf', 4, 15], ['resolv', 4, 10], ['conf', 11, 15], ['now', 16, 19]]],
    ['digits and punctuation', 'ndots:5, 0x20!', [['ndots', 0, 5], ['5', 6, 7], ['0x20', 9, 13]]],
    ['accented letters', 'Résolveur café', [['résolveur', 0, 9], ['café', 10, 14]]],
    ['a compound beside non-ASCII text', 'ü serve-stale', [['ü', 0, 1], ['serve-stale', 2, 13], ['serve', 2, 7], ['stale', 8, 13]]],
  ])('finds %s with their offsets', (_name, text, expected) => {
    const words: [string, number, number][] = [];
    visitWords(text.toLowerCase(), (word, start, end) => void words.push([word, start, end]));
    expect(words).toEqual(expected);
  });
});
