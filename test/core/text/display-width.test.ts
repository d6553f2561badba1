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
});
