import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../../src/core/text/display-width.js';

describe('displayWidth', () => {
  it.each([
    ['plain ASCII', 'dig +trace example.com', 22],
    ['empty', '', 0],
    ['CJK', '名前解決', 8],
    ['fullwidth', 'ＤＮＳ', 6],
    ['accented (precomposed)', 'bücher', 6],
    ['combining accent', 'bu\u0308cher', 6],
    ['emoji', '🚀', 2],
    ['emoji with ZWJ sequence', '👩\u200d💻', 2],
    ['text symbol with VS16', '❤\ufe0f', 2],
    ['box drawing', '┌──┐', 4],
    ['bullet and middle dot', '• a · b', 7],
    ['zero-width space', 'a\u200bb', 2],
  ])('measures %s like string-width', (_name, text, columns) => {
    expect(displayWidth(text)).toBe(columns);
    expect(stringWidth(text)).toBe(columns);
  });

  // The short cut for Latin, punctuation, arrows, box drawing and the app's marks must measure exactly as the tables do,
  // alone and asked to be drawn as emoji (U+FE0F).
  it('measures every character of the short-cut ranges like string-width', () => {
    const ranges: [number, number][] = [[0x20, 0x7e], [0xa0, 0x2ff], [0x2010, 0x2027], [0x2030, 0x205e], [0x2190, 0x2319], [0x23f1, 0x23f1], [0x23f8, 0x23f8], [0x2500, 0x25fc], [0x2713, 0x2713], [0x2717, 0x2717]];
    const differ = ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, at) => String.fromCodePoint(from + at))).filter((char) => displayWidth(`a${char}b`) !== stringWidth(`a${char}b`) || displayWidth(`a${char}\ufe0fb`) !== stringWidth(`a${char}\ufe0fb`));
    expect(differ).toEqual([]);
  });
});
