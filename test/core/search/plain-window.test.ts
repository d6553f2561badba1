import { describe, expect, it, vi } from 'vitest';
import { markdownToPlain } from '../../../src/core/search/plain-text.js';
import { plainTextPrefix } from '../../../src/core/search/plain-window.js';
import { sectionSnippet, type IndexedSection } from '../../../src/core/search/search-index.js';
import { makeSnippet } from '../../../src/core/search/snippet.js';
import { tokenize } from '../../../src/core/search/tokenize.js';

// Every text markdownToPlain is handed, wherever it is called from.
const stripped = vi.hoisted(() => ({ lengths: [] as number[] }));
vi.mock('../../../src/core/search/plain-text.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/core/search/plain-text.js')>();
  return { markdownToPlain: (markdown: string) => (stripped.lengths.push(markdown.length), real.markdownToPlain(markdown)) };
});

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
const filler = (words: number) => Array.from({ length: words }, (_, at) => `filler${at}`).join(' ');
const lines = (count: number) => Array.from({ length: count }, (_, at) => `Line ${at} says ${filler(8)}.`).join('\n');

const SECTIONS: [string, string][] = [
  ['plain lines', `The resolver caches answers.\n${lines(40)}`],
  ['a quiz comment across the cut', `The resolver caches answers.\n${lines(5)}\n<!-- quiz\n${lines(10)}\n-->\n${lines(30)}`],
  ['an unclosed comment', `The resolver caches answers.\n${lines(5)}\n<!-- quiz\n${lines(30)}`],
  ['a comment closing mid-line', `The resolver caches answers.\n${lines(5)}<!--\n${lines(8)}\n-->tail words\n${lines(30)}`],
  ['a link across the cut', `The resolver caches answers.\n${lines(5)}\n[a link that\n${lines(8)}\n](https://example.com) after\n${lines(30)}`],
  ['a link target across the cut', `The resolver caches answers.\n${lines(5)}\n[a link](https://example.com/\n${lines(8)}\n) after\n${lines(30)}`],
  ['lists, headings, fences and tables', `The **resolver** caches _answers_.\n- one\n- two\n\n### Heading\n\n\`\`\`\ncode\n\`\`\`\n| a | b |\n|---|---|\n| c | d |\n${lines(40)}`],
  ['a late match', `${lines(40)}\nThe resolver caches answers at the end.`],
];

describe('plainTextPrefix', () => {
  // The sections whose first lines no link or unclosed comment crosses.
  const cuttable = SECTIONS.filter((_section, at) => ![2, 4, 5].includes(at));

  it.each(cuttable)('gives for %s the start of the whole plain text, ending at a space', (_name, markdown) => {
    const prefix = plainTextPrefix(markdown, 600);
    const whole = flat(markdownToPlain(markdown));
    expect(prefix).toBeDefined();
    const start = flat(prefix!);
    expect(start.length).toBeLessThan(whole.length);
    expect(whole.startsWith(start)).toBe(true);
    expect(whole.length === start.length || whole[start.length] === ' ').toBe(true);
  });

  it.each([
    ['a link split by the cut', SECTIONS[4]![1]],
    ['a link target split by the cut', SECTIONS[5]![1]],
    ['an unclosed comment', SECTIONS[2]![1]],
    ['a text shorter than the window', 'The resolver caches answers.\nTwo lines.'],
  ])('gives nothing for %s', (_name, markdown) => {
    expect(plainTextPrefix(markdown, 600)).toBeUndefined();
  });

  it('moves a cut that falls inside a comment past the comment', () => {
    const prefix = plainTextPrefix(SECTIONS[1]![1], 600)!;
    expect(prefix).toContain('Line 0 says');
    expect(prefix).not.toContain('quiz');
  });
});

describe('sectionSnippet', () => {
  const section = (markdown: string): IndexedSection => ({ name: 'Overview', kind: 'overview', line: 1, markdown }) as IndexedSection;

  it.each(SECTIONS)('gives for %s, for every word, the snippet the whole plain text gives', (_name, markdown) => {
    for (const word of new Set(tokenize(markdown))) {
      expect(sectionSnippet(section(markdown), new Set([word]))).toEqual(makeSnippet(markdownToPlain(markdown), new Set([word])));
    }
  });

  it('strips only the first lines of a long section whose excerpt ends in them', () => {
    const markdown = SECTIONS[0]![1];
    stripped.lengths.length = 0;
    sectionSnippet(section(markdown), new Set(['resolver']));
    expect(stripped.lengths.length).toBe(1);
    expect(stripped.lengths[0]).toBeLessThan(markdown.length / 4);
  });

  it('strips the whole section when the excerpt is past its first lines', () => {
    const markdown = SECTIONS[7]![1];
    stripped.lengths.length = 0;
    sectionSnippet(section(markdown), new Set(['resolver']));
    expect(stripped.lengths).toContain(markdown.length);
  });
});
