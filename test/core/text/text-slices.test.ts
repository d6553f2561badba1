import { describe, expect, it } from 'vitest';
import { fromTextSlices, toTextSlices } from '../../../src/core/text/text-slices.js';

const TEXT = `---\ntitle: x\n---\n## Overview\n${'A long paragraph that a parsed card keeps as one string of Markdown. '.repeat(3)}\n`;
const PARAGRAPH = TEXT.slice(TEXT.indexOf('A long'), TEXT.lastIndexOf('.') + 1);
const PLACE = { $slice: [TEXT.indexOf(PARAGRAPH), TEXT.indexOf(PARAGRAPH) + PARAGRAPH.length] };

describe('strings stored as places in their source text', () => {
  it.each<[string, unknown, unknown]>([
    ['a long string found in the text becomes its place', { markdown: PARAGRAPH }, { markdown: PLACE }],
    ['a short string stays', { title: 'x' }, { title: 'x' }],
    ['a long string not in the text stays', { note: 'n'.repeat(80) }, { note: 'n'.repeat(80) }],
    ['numbers, booleans, null and arrays keep their shape', { a: [1, true, null, PARAGRAPH] }, { a: [1, true, null, PLACE] }],
  ])('%s', (_name, value, stored) => {
    expect(toTextSlices(value, TEXT)).toEqual(stored);
    expect(fromTextSlices(stored, TEXT)).toEqual(value);
  });
});
