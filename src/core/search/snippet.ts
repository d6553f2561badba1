import { visitWords } from './tokenize.js';

/** A short excerpt of a section with the character ranges that matched the query. */
export interface Snippet {
  text: string;
  highlights: [start: number, end: number][];
}

const SNIPPET_CHARS = 140;

/** A text flattened to one line, and lowercased for finding the query's words in it: what a snippet is cut from. */
export interface SnippetSource {
  flat: string;
  lower: string;
}

/** Flattens a plain text once, so snippets of it for many queries only scan it. */
export function snippetSource(plain: string): SnippetSource {
  const flat = plain.replace(/\s+/g, ' ').trim();
  return { flat, lower: flat.toLowerCase() };
}

/**
 * Cuts an excerpt around the first matched word and marks every matched word inside it. The words are read
 * in order up to the excerpt's end only: listing every word of a section cost `search` more than its ranking.
 */
export function makeSnippet(source: string | SnippetSource, matchedTerms: ReadonlySet<string>, maxChars = SNIPPET_CHARS): Snippet {
  const { flat, lower } = typeof source === 'string' ? snippetSource(source) : source;
  let excerpt: { start: number; end: number } | undefined;
  const matched: [number, number][] = [];
  visitWords(lower, (word, start, end) => {
    if (!excerpt) {
      if (!matchedTerms.has(word)) return true;
      excerpt = excerptAround(flat, start, maxChars);
    }
    // Starts never decrease, so no later word ends inside the excerpt.
    if (start >= excerpt.end) return false;
    if (start >= excerpt.start && end <= excerpt.end && matchedTerms.has(word)) matched.push([start, end]);
    return true;
  });
  const { start, end } = excerpt ?? excerptAround(flat, undefined, maxChars);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  const shift = prefix.length - start;
  const highlights = matched.map(([from, to]): [number, number] => [from + shift, to + shift]);
  return { text: prefix + flat.slice(start, end) + suffix, highlights: mergeRanges(highlights) };
}

// The excerpt's bounds: a third of it before the first match (from a word's start), cut at a space near its end.
function excerptAround(flat: string, firstStart: number | undefined, maxChars: number): { start: number; end: number } {
  let start = firstStart === undefined ? 0 : Math.max(0, firstStart - Math.floor(maxChars / 3));
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space >= 0 && space < (firstStart ?? start) ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + maxChars);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start + maxChars / 2) end = space;
  }
  return { start, end };
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}
