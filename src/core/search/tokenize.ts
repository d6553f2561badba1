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
 * Where each word of a text is, as start and end offsets in one array (two numbers a word, compounds followed by
 * their parts), for highlighting matches in a snippet: the words themselves are the lowercased text's slices.
 * Packed rather than an object and a string a word, which held 15 MB for 500 cards' sections.
 */
export function wordOffsets(text: string): Uint32Array {
  const offsets: number[] = [];
  const lower = text.toLowerCase();
  const ascii = !NON_ASCII.test(lower);
  for (const match of lower.matchAll(ascii ? ASCII_WORD : WORD)) {
    const start = match.index;
    offsets.push(start, start + match[0].length);
    if (/[._+-]/.test(match[0])) {
      for (const part of match[0].matchAll(ascii ? ASCII_PART : PART)) offsets.push(start + part.index, start + part.index + part[0].length);
    }
  }
  return Uint32Array.from(offsets);
}
