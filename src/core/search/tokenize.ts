const WORD = /[\p{L}\p{N}]+(?:[._+-][\p{L}\p{N}]+)*/gu;
const PART = /[\p{L}\p{N}]+/gu;

/** Lowercase search terms of a text: each word, plus compounds such as `resolv.conf` or `0x20` kept whole. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    if (word.length > 40) continue;
    terms.push(word);
    if (/[._+-]/.test(word)) for (const part of word.matchAll(PART)) terms.push(part[0]);
  }
  return terms;
}

/** Words of a text with their character offsets, for highlighting matches in a snippet. */
export function wordsWithOffsets(text: string): { word: string; start: number; end: number }[] {
  const words: { word: string; start: number; end: number }[] = [];
  const lower = text.toLowerCase();
  for (const match of lower.matchAll(WORD)) {
    const start = match.index;
    words.push({ word: match[0], start, end: start + match[0].length });
    if (/[._+-]/.test(match[0])) {
      for (const part of match[0].matchAll(PART)) words.push({ word: part[0], start: start + part.index, end: start + part.index + part[0].length });
    }
  }
  return words;
}
