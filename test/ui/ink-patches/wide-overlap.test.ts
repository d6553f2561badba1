import { describe, expect, it } from 'vitest';
import { cached, draw, ink68, ink70, type Op } from './output-harness.js';

// A wide character fills two cells, the second holding ''. Ink 6.8 lets a later write cover one
// of them and keep the other, so the row prints a column too many or too few and everything after
// it shifts; Ink 7.0 (PR #930) blanks the half that is left, and the row-cached Output does the same.

const at = (x: number, text: string): Op => ({ type: 'write', x, y: 0, text, transformers: [] });
const KANA = 'あいうえおかきくけこ';

describe('a write over half of a wide character', () => {
  it.each<[string, number, Op[], string, string]>([
    // name, row width, writes, what Ink 6.8 prints, what Ink 7.0 and the patch print
    ['a narrow character over the left half', 6, [at(0, '漢字'), at(0, 'x')], 'x字', 'x 字'],
    ['a narrow character over the right half', 6, [at(0, '漢字'), at(1, 'x')], '漢x字', ' x字'],
    ['a wide character over a wide one, one cell right', 6, [at(0, '漢字!'), at(1, '日')], '漢日!', ' 日 !'],
    ['a wide character over a wide one, one cell left', 6, [at(1, '漢字'), at(0, '日')], '日字', '日 字'],
    ['a narrow character over the right half at the row end', 4, [at(0, '漢字'), at(3, 'x')], '漢字x', '漢 x'],
    ['a wide character over the right half at the row end', 4, [at(0, '漢字'), at(3, '日')], '漢字日', '漢 日'],
    ['a narrow character over a styled wide one: the blank is unstyled', 6, [at(0, '\u001b[41m漢字\u001b[49m'), at(0, 'x')], 'x\u001b[41m字\u001b[49m', 'x \u001b[41m字\u001b[49m'],
    // Ink's own tests for #930 (test/text-width.tsx), as the writes its layout makes.
    ['three narrow characters from the right half of お', 20, [at(0, KANA), at(9, 'XYZ')], 'あいうえおXYZきくけこ', 'あいうえ XYZきくけこ'],
    ['one narrow character over the left half of か', 20, [at(0, KANA), at(10, 'X')], 'あいうえおXきくけこ', 'あいうえおX きくけこ'],
    ['wide characters over halves at both ends', 20, [at(0, KANA), at(5, '漢字テスト')], 'あいう漢字テストけこ', 'あい 漢字テスト けこ'],
  ])('%s', (_name, width, ops, printedBy68, printedBy70) => {
    expect(draw(ink68(width, 1), ops).output).toBe(printedBy68);
    expect(draw(ink70(width, 1), ops).output).toBe(printedBy70);
    expect(draw(cached(width, 1), ops).output).toBe(printedBy70);
  });

  it('blanks nothing when the write is clipped to nothing', () => {
    const ops: Op[] = [at(0, 'あい'), { type: 'clip', clip: { x1: 0, x2: 4 } }, at(-1, 'Z'), { type: 'unclip' }];
    for (const output of [ink68, ink70, cached]) expect(draw(output(4, 1), ops).output).toBe('あい');
  });

  it('leaves a wide character whole when a write ends right before it or starts right after it', () => {
    const ops: Op[] = [at(0, 'ab漢cd'), at(0, 'AB'), at(4, 'C')];
    for (const output of [ink68, ink70, cached]) expect(draw(output(6, 1), ops).output).toBe('AB漢Cd');
  });
});
