import { describe, expect, it } from 'vitest';
import { onlySgrControls } from '../../../src/ui/ink-patches/sgr-only-text.js';
// Ink's own sanitizer, by its file path: the bundle returns a text at once when onlySgrControls says so (scripts/esbuild-plugins.mjs).
import sanitizeAnsi from '../../../node_modules/ink/build/sanitize-ansi.js';
import { randomTexts } from './random-texts.js';

// Pieces of text: plain words, wide and combining characters, SGR sequences of every parameter kind, and every other
// control Ink's tokenizer knows (other CSI finals and parameters, OSC, DCS, lone and trailing ESC, C1 characters).
const PIECES = [
  'dns', ' ', 'TTL 300', 'résumé', '漢字', '🙂', 'e\u0301', '│─┼', '…', 'tab\there', '\n',
  '\u001b[m', '\u001b[0m', '\u001b[1m', '\u001b[38;5;208m', '\u001b[38:2::10:200:90m', '\u001b[22;39m', '\u001b[;m',
  '\u001b[2J', '\u001b[1A', '\u001b[?25l', '\u001b[>4;2m', '\u001b[<1m', '\u001b[ m', '\u001b[1 q', '\u001b[', '\u001b[12',
  '\u001b]8;;https://example.com\u0007', '\u001b]0;title\u001b\\', '\u001bP1$r\u001b\\', '\u001b7', '\u001b(B', '\u001b', '\u001b\u001b',
  '\u009b31m', '\u009d0;x\u0007', '\u0085', '\u009c', '\u0080', '\u009f',
];

describe('onlySgrControls', () => {
  it('says yes only for texts Ink sanitizes to themselves, here on 20,000 random texts', () => {
    let unchanged = 0;
    for (const text of randomTexts(PIECES, 17, 20_000)) {
      const same = sanitizeAnsi(text) === text;
      if (same) unchanged++;
      // The fast path may only say yes where Ink keeps the text whole; where it says no, Ink's tokenizer decides.
      if (onlySgrControls(text)) expect(same, JSON.stringify(text)).toBe(true);
    }
    expect(unchanged).toBeGreaterThan(2_000);
  });

  it.each([
    ['plain text', 'NXDOMAIN for www.example', true],
    ['an empty text', '', true],
    ['colours and a reset', '\u001b[1;38;5;208mbold\u001b[22;39m and \u001b[m', true],
    ['colon parameters', '\u001b[38:2::10:200:90mx\u001b[0m', true],
    ['a cursor move', 'a\u001b[2Jb', false],
    ['a private parameter', '\u001b[?25l', false],
    ['an unfinished sequence', 'x\u001b[12', false],
    ['a hyperlink', '\u001b]8;;https://example.com\u0007link\u001b]8;;\u0007', false],
    ['a C1 control', 'a\u009b31mb', false],
    ['a lone escape at the end', 'text\u001b', false],
  ])('%s: %s', (_name, text, expected) => {
    expect(onlySgrControls(text)).toBe(expected);
    if (expected) expect(sanitizeAnsi(text)).toBe(text);
  });
});
