import type { Card } from '../cards/types.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const NON_ASCII = /[^\x00-\x7f]/;
const NON_WORD_RUNS = /[^a-z0-9]+/g;
const EDGE_HYPHENS = /^-|-$/g;

/** How exactly a card is named by a query: 3 by its id, 2 by its title, 1 by one of its tags, 0 not at all. */
export type ExactTier = 0 | 1 | 2 | 3;

/** A text as an exact match compares it: lowercase, every run of other characters one hyphen ("Chain of trust" is chain-of-trust). */
export function exactKey(text: string): string {
  const lower = text.toLowerCase();
  // Ids and most tags are already their own key: no copy for them.
  if (SLUG.test(lower)) return lower;
  // ASCII text (most titles) in one native pass; the loop below is for the rest.
  if (!NON_ASCII.test(lower)) return lower.replace(NON_WORD_RUNS, '-').replace(EDGE_HYPHENS, '');
  let key = '';
  let gap = false;
  for (const char of lower) {
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

/** A card a query names exactly, by its position in the cards, and how. */
export interface ExactName {
  card: number;
  tier: ExactTier;
}

// Per card list: the cards a first query was answered for by a scan, then the keys of every card.
const named = new WeakMap<readonly Card[], Map<string, ExactName[]> | 'scanned'>();

/**
 * The cards whose id, title or a tag is exactly the query (given as its exact key), best tier per card.
 * The first query scans the cards, comparing only those whose text could be the key; from the second on,
 * the keys of every card are worked out once and kept, so each query is one lookup. A command asks once
 * and never pays for the keys of 10,000 cards; the app asks at every key.
 */
export function exactlyNamed(cards: readonly Card[], key: string): ExactName[] {
  const known = named.get(cards);
  if (known === undefined) {
    named.set(cards, 'scanned');
    return scanNames(cards, key);
  }
  if (known !== 'scanned') return known.get(key) ?? [];
  const byKey = exactNames(cards);
  named.set(cards, byKey);
  return byKey.get(key) ?? [];
}

// An ASCII text's key holds the key's first word only if the text holds it, in any case: most texts are skipped unread.
function scanNames(cards: readonly Card[], key: string): ExactName[] {
  if (!key) return [];
  const firstWord = new RegExp(key.split('-')[0]!.replace(/[^a-z0-9]/g, '\\$&'), 'i');
  const names = (text: string) => (NON_ASCII.test(text) || firstWord.test(text)) && exactKey(text) === key;
  const found: ExactName[] = [];
  cards.forEach((card, position) => {
    const tier = names(card.id) ? 3 : names(card.title) ? 2 : card.tags.some(names) ? 1 : 0;
    if (tier > 0) found.push({ card: position, tier });
  });
  return found;
}

function exactNames(cards: readonly Card[]): Map<string, ExactName[]> {
  const byKey = new Map<string, ExactName[]>();
  cards.forEach((card, position) => {
    const seen = new Set<string>();
    const add = (text: string, tier: ExactTier) => {
      const key = exactKey(text);
      // Tiers come highest first, so a key already seen for this card keeps its better tier.
      if (!key || seen.has(key)) return;
      seen.add(key);
      const names = byKey.get(key);
      if (names) names.push({ card: position, tier });
      else byKey.set(key, [{ card: position, tier }]);
    };
    add(card.id, 3);
    add(card.title, 2);
    for (const tag of card.tags) add(tag, 1);
  });
  return byKey;
}
