import { wordOffsets } from './tokenize.js';

/** A short excerpt of a section with the character ranges that matched the query. */
export interface Snippet {
  text: string;
  highlights: [start: number, end: number][];
}

const SNIPPET_CHARS = 140;

/** A text flattened to one line, with where its words are (start and end pairs, see wordOffsets): what a snippet is cut from. */
export interface SnippetSource {
  flat: string;
  offsets: Uint32Array;
}

/** Flattens a plain text once, so snippets of it for many queries only filter its words. */
export function snippetSource(plain: string): SnippetSource {
  const flat = plain.replace(/\s+/g, ' ').trim();
  return { flat, offsets: wordOffsets(flat) };
}

/** Cuts an excerpt around the first matched word and marks every matched word inside it. */
export function makeSnippet(source: string | SnippetSource, matchedTerms: ReadonlySet<string>, maxChars = SNIPPET_CHARS): Snippet {
  const { flat, offsets } = typeof source === 'string' ? snippetSource(source) : source;
  const words = matchedWords(flat, offsets, matchedTerms);
  const first = words[0];
  let start = first ? Math.max(0, first.start - Math.floor(maxChars / 3)) : 0;
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space >= 0 && space < (first?.start ?? start) ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + maxChars);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start + maxChars / 2) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  const shift = prefix.length - start;
  const highlights = words
    .filter((word) => word.start >= start && word.end <= end)
    .map((word): [number, number] => [word.start + shift, word.end + shift]);
  return { text: prefix + flat.slice(start, end) + suffix, highlights: mergeRanges(highlights) };
}

// The words whose lowercased text is a matched term; only words of a matched term's length are sliced out to compare.
function matchedWords(flat: string, offsets: Uint32Array, matchedTerms: ReadonlySet<string>): { start: number; end: number }[] {
  const lower = flat.toLowerCase();
  const lengths = new Set([...matchedTerms].map((term) => term.length));
  const words: { start: number; end: number }[] = [];
  for (let at = 0; at < offsets.length; at += 2) {
    const start = offsets[at]!;
    const end = offsets[at + 1]!;
    if (lengths.has(end - start) && matchedTerms.has(lower.slice(start, end))) words.push({ start, end });
  }
  return words;
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
