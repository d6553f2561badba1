import type { Card } from '../cards/types.js';

/** How exactly a card is named by a query: 3 by its id, 2 by its title, 1 by one of its tags, 0 not at all. */
export type ExactTier = 0 | 1 | 2 | 3;

/** A text as an exact match compares it: lowercase, every run of other characters one hyphen ("Chain of trust" is chain-of-trust). */
export function exactKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
}

/** Whether a card's id, title or one of its tags is exactly the query (given as its exact key), and which. */
export function exactTier(card: Card, key: string): ExactTier {
  if (card.id === key || names(card.id, key)) return 3;
  if (names(card.title, key)) return 2;
  return card.tags.some((tag) => names(tag, key)) ? 1 : 0;
}

// Most texts are far longer or shorter than the query: the key of a text is never longer than the text,
// nor shorter than half of it, so only texts of a plausible length are normalised.
function names(text: string, key: string): boolean {
  return text.length >= key.length && text.length <= key.length * 2 + 2 && exactKey(text) === key;
}
