import stripAnsi from 'strip-ansi';
import { describe, expect, it } from 'vitest';
import stringWidth from '../../src/ui/fast-string-width.js';
import { displayWidth } from '../../src/core/text/display-width.js';
import { randomTexts } from './ink-patches/random-texts.js';

// Text and every kind of escape strip-ansi knows: SGR of every parameter form, other CSI, OSC with either terminator,
// DCS, two-byte escapes, lone and doubled ESC, C1 introducers and a BEL.
const PIECES = [
  'dns', ' ', 'résumé', '漢字', '🙂', '│─', '…', '⏱', '\u0007',
  '\u001b[m', '\u001b[0m', '\u001b[1;38;5;208m', '\u001b[38:2::10:200:90m', '\u001b[22;39m', '\u001b[12345m',
  '\u001b[2J', '\u001b[?25l', '\u001b[>4;2m', '\u001b[1 q', '\u001b[', '\u001b]8;;https://example.com\u0007', '\u001b]0;t\u001b\\',
  '\u001bP1$r\u001b\\', '\u001b7', '\u001b(B', '\u001b', '\u009b31m', '\u009d0;x\u0007', '\u0085',
];

describe('the string-width stand-in', () => {
  it('measures a text as displayWidth measures it with strip-ansi taking its escapes out, on 20,000 random texts', () => {
    for (const text of randomTexts(PIECES, 23, 20_000)) expect(stringWidth(text), JSON.stringify(text)).toBe(displayWidth(stripAnsi(text)));
  });

  it('counts the escapes themselves when asked to', () => {
    expect(stringWidth('\u001b[1mab\u001b[22m', { countAnsiEscapeCodes: true })).toBe(displayWidth('\u001b[1mab\u001b[22m'));
    expect(stringWidth('\u001b[1mab\u001b[22m')).toBe(2);
  });
});
