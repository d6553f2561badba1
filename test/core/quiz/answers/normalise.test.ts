import { describe, expect, it } from 'vitest';
import { normaliseAnswer } from '../../../../src/core/quiz/answers/normalise.js';

describe('normaliseAnswer', () => {
  it.each([
    ['case and punctuation go', 'Max-Cache-TTL!', 'max cache ttl'],
    ['% and percent are one symbol', '18%', '18 %'],
    ['percent after a number', '18 percent', '18 %'],
    ['per cent after a number', '18 per cent', '18 %'],
    ['percent without a number stays a word', 'percent', 'percent'],
    ['a lone number word', 'at least two', 'at least 2'],
    ['tens and units', 'twenty-four hours', '24 h'],
    ['hundreds with and', 'five hundred and twelve bytes', '512 bytes'],
    ['thousands', 'two thousand and forty-eight', '2048'],
    ['thousands separators', '172,800 s', '172800 s'],
    ['decimals keep their point', '1.5 h', '1.5 h'],
    ['unit glued to its number', '86400s', '86400 s'],
    ['unit word after a number', '30 seconds', '30 s'],
    ['unit word without a number is a word', 'seconds', 'seconds'],
    ['weeks and kibibytes', '1 week 4 KiB', '1 wk 4 kib'],
    ['times as a ratio', '75 times', '75 x'],
    ['a compound duration splits', '1h30m', '1 h 30 min'],
    ['an RFC number glued to RFC', 'RFC2308', 'rfc 2308'],
    ['British -isation', 'randomisation', 'randomization'],
    ['British -our', 'honour', 'honor'],
    ['British doubled l', 'tunnelling', 'tunneling'],
    ['British -ence', 'defence', 'defense'],
  ])('%s: %s becomes %s', (_name, text, expected) => {
    expect(normaliseAnswer(text)).toBe(expected);
  });
});
