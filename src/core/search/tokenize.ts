const WORD = /[\p{L}\p{N}]+(?:[._+-][\p{L}\p{N}]+)*/gu;
const PART = /[\p{L}\p{N}]+/gu;
// Most card text is ASCII, where a plain character class is several times faster than \p{L}.
const ASCII_WORD = /[a-z0-9]+(?:[._+-][a-z0-9]+)*/g;
const ASCII_PART = /[a-z0-9]+/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** Lowercase search terms of a text: each word, plus compounds such as `resolv.conf` or `0x20` kept whole. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  const lower = text.toLowerCase();
  const ascii = !NON_ASCII.test(lower);
  for (const match of lower.matchAll(ascii ? ASCII_WORD : WORD)) {
    const word = match[0];
    if (word.length > 40) continue;
    terms.push(word);
    if (word.includes('.') || word.includes('-') || word.includes('_') || word.includes('+')) {
      for (const part of word.matchAll(ascii ? ASCII_PART : PART)) terms.push(part[0]);
    }
  }
  return terms;
}

/**
 * Visits the words of a lowercase text in order, each compound before its parts (so starts never decrease), until
 * `visit` returns false: a snippet reads the words up to the end of its excerpt, not the whole section.
 */
export function visitWords(lower: string, visit: (word: string, start: number, end: number) => boolean | void): void {
  const ascii = !NON_ASCII.test(lower);
  for (const match of lower.matchAll(ascii ? ASCII_WORD : WORD)) {
    const start = match.index;
    if (visit(match[0], start, start + match[0].length) === false) return;
    if (/[._+-]/.test(match[0])) {
      for (const part of match[0].matchAll(ascii ? ASCII_PART : PART)) {
        if (visit(part[0], start + part.index, start + part.index + part[0].length) === false) return;
      }
    }
  }
}
