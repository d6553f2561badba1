import { describe, expect, it } from 'vitest';
import { makeSnippet, snippetSource } from '../../../src/core/search/snippet.js';
import { visitWords } from '../../../src/core/search/tokenize.js';

// The excerpt text with each highlight in brackets, so a table row reads as what the user sees.
function marked(text: string, terms: string[], maxChars?: number): string {
  const { text: excerpt, highlights } = makeSnippet(snippetSource(text), new Set(terms), maxChars);
  let out = '';
  let at = 0;
  for (const [start, end] of highlights) {
    out += `${excerpt.slice(at, start)}[${excerpt.slice(start, end)}]`;
    at = end;
  }
  return out + excerpt.slice(at);
}

const LONG = `${'lead '.repeat(20)}the negative cache keeps an NXDOMAIN for the SOA minimum, and the negative answer is cached too; ${'tail '.repeat(40)}`;

describe('makeSnippet', () => {
  it.each([
    ['a match near the start, every matched word marked', 'Negative caching stores NXDOMAIN answers.', ['negative', 'nxdomain'], undefined, '[Negative] caching stores [NXDOMAIN] answers.'],
    ['a match deep in the text: cut a third before it, at a word, and at a space before the end', LONG, ['negative'], 60, '…lead lead lead the [negative] cache keeps an NXDOMAIN for the…'],
    ['a compound and its parts', 'Edit resolv.conf now', ['conf'], undefined, 'Edit resolv.[conf] now'],
    ['no match: the text from its start', `${'word '.repeat(40)}end`, ['absent'], 30, 'word word word word word word…'],
    ['whitespace flattened', 'one\n\n  two\tthree', ['two'], undefined, 'one [two] three'],
  ])('cuts %s', (_name, text, terms, maxChars, expected) => {
    expect(marked(text, terms, maxChars)).toBe(expected);
  });

  it('reads the words only up to the end of its excerpt, not the whole section', () => {
    const looked: string[] = [];
    const terms = new Set(['negative']);
    const counting = { has: (word: string) => (looked.push(word), terms.has(word)) } as ReadonlySet<string>;
    makeSnippet(snippetSource(`The negative cache. ${'more words here '.repeat(5000)}`), counting, 60);
    expect(looked.length).toBeGreaterThan(2);
    expect(looked.length).toBeLessThan(20);
  });
});

describe('visitWords', () => {
  it('stops when the visitor returns false', () => {
    const seen: string[] = [];
    visitWords('one two resolv.conf four', (word) => (seen.push(word), word !== 'resolv'));
    expect(seen).toEqual(['one', 'two', 'resolv.conf', 'resolv']);
  });
});
