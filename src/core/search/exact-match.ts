import type { Card } from '../cards/types.js';

/** How exactly a card is named by a query: 3 by its id, 2 by its title, 1 by one of its tags, 0 not at all. */
export type ExactTier = 0 | 1 | 2 | 3;

/** A text as an exact match compares it: lowercase, every run of other characters one hyphen ("Chain of trust" is chain-of-trust). */
export function exactKey(text: string): string {
  let key = '';
  let gap = false;
  for (const char of text.toLowerCase()) {
    if (!isWordChar(char)) gap = key !== '';
    else {
      key += gap ? `-${char}` : char;
      gap = false;
    }
  }
  return key;
}

// A loop, not a pattern: compiling a Unicode property pattern costs a third of a millisecond at start-up, and most text is ASCII.
function isWordChar(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
  return /[\p{L}\p{N}]/u.test(char);
}

/** Whether a card's id, title or one of its tags is exactly the query (given as its exact key), and which. */
export function exactTier(card: Card, key: string): ExactTier {
  if (names(card.id, key)) return 3;
  if (names(card.title, key)) return 2;
  return card.tags.some((tag) => names(tag, key)) ? 1 : 0;
}

// Ids and most tags are already their own key. Other texts are normalised only at a plausible length:
// a key is never longer than its text, nor shorter than half of it.
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function names(text: string, key: string): boolean {
  if (text === key) return true;
  return !SLUG.test(text) && text.length >= key.length && text.length <= key.length * 2 + 2 && exactKey(text) === key;
}
