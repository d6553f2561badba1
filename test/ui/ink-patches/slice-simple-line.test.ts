import sliceAnsi from 'slice-ansi';
import { describe, expect, it } from 'vitest';
import { nextRandom, type PrngState } from '../../../src/core/random/prng.js';
import { sliceSimpleLine } from '../../../src/ui/ink-patches/slice-simple-line.js';

// The row-cached Output cuts a line to a clip with sliceSimpleLine where it can, and with slice-ansi otherwise: the two
// must give the very same string, since the row is painted from it (test/ui/ink-patches/row-cached-output.test.ts).

const OPEN = [1, 2, 3, 4, 7, 8, 9, 53, 30, 31, 36, 37, 90, 97, 40, 44, 47, 100, 107];
const CLOSE = [22, 23, 24, 27, 28, 29, 55, 39, 49];
const WORDS = ['dns', 'TTL 300', ' ', '  ', '│', '─┼─', 'résumé', '…', '·', '█░▒▓', '▶', '◀', 'a.b-c_d', '§', '→', '\u00ad'];
const SIMPLE_RANGES = [[0x20, 0x7e], [0xa0, 0x24f], [0x2010, 0x2027], [0x2030, 0x205e], [0x2190, 0x21ff], [0x2500, 0x25fc], [0x25ff, 0x25ff]] as const;

const sgr = (code: number) => `\u001b[${code}m`;

function randomLine(next: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  let line = '';
  for (let part = 1 + Math.floor(next() * 7); part > 0; part--) {
    const roll = next();
    line += roll < 0.3 ? sgr(pick(OPEN)) : roll < 0.5 ? sgr(pick(CLOSE)) : pick(WORDS);
  }
  return line;
}

describe('sliceSimpleLine', () => {
  it('cuts 20,000 random lines of simple characters and styles as slice-ansi does, at every kind of edge', () => {
    let state: PrngState = 20261207;
    const next = () => {
      const draw = nextRandom(state);
      state = draw.state;
      return draw.value;
    };
    for (let round = 0; round < 20_000; round++) {
      const line = randomLine(next);
      const from = Math.floor(next() * 8) - 1;
      const to = from + Math.floor(next() * 14) - 2;
      const expected = sliceAnsi(line, from, to);
      const actual = sliceSimpleLine(line, from, to);
      if (actual !== expected) expect({ line, from, to, actual }).toEqual({ line, from, to, actual: expected });
    }
  });

  it('cuts every simple character, styled and plain, as slice-ansi does', () => {
    for (const [first, last] of SIMPLE_RANGES) {
      for (let code = first; code <= last; code++) {
        const char = String.fromCodePoint(code);
        const line = `a${char}${sgr(1)}${char}${char}${sgr(22)}é${sgr(36)}${char}`;
        for (const [from, to] of [[0, 6], [1, 3], [2, 5], [0, 1], [4, 6]] as const) {
          const expected = sliceAnsi(line, from, to);
          if (sliceSimpleLine(line, from, to) !== expected) expect({ code: code.toString(16), from, to, actual: sliceSimpleLine(line, from, to) }).toEqual({ code: code.toString(16), from, to, actual: expected });
        }
      }
    }
  });

  it('leaves to slice-ansi a line with other characters or codes', () => {
    for (const line of ['漢字', '🙂 ok', 'e\u0301', 'tab\there', `${sgr(0)}reset`, '\u001b[mreset', '\u001b[38;5;208mcolour', '\u001b[21mdouble', '\u001b]8;;https://example.com\u0007link\u001b]8;;\u0007', 'x\u001b['])
      expect(sliceSimpleLine(line, 0, 3)).toBeUndefined();
  });
});
