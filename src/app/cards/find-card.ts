import { boundedEditDistance } from '../../core/search/fuzzy.js';
import type { Card } from '../../core/cards/types.js';
import type { CardLibrary } from './card-library.js';

/** A card named by its id, or the one that best matches the words when no id fits. */
export type FoundCard = { card: Card; exact: boolean } | { card: undefined; suggestion?: string };

/** Finds a card by id, else by search (`show`'s rule: the best match is shown, and said to be a guess). */
export async function findCardOrBestMatch(library: CardLibrary, wanted: string): Promise<FoundCard> {
  const exact = await library.card(wanted.toLowerCase());
  if (exact) return { card: exact, exact: true };
  const [best] = await library.search(wanted, { limit: 1 });
  return best ? { card: best.card, exact: false } : { card: undefined };
}

/** Finds a card by exact id; otherwise suggests a near id (a typo) or the card that matches the words. */
export async function findCardById(library: CardLibrary, wanted: string): Promise<FoundCard> {
  const id = wanted.toLowerCase();
  const card = await library.card(id);
  if (card) return { card, exact: true };
  const typo = (await library.metas())
    .map((candidate) => ({ id: candidate.id, distance: boundedEditDistance(candidate.id, id, 3) }))
    .filter((entry) => entry.distance <= 3)
    .sort((a, b) => a.distance - b.distance)[0]?.id;
  const suggestion = typo ?? (await library.search(wanted, { limit: 1 }))[0]?.card.id;
  return suggestion ? { card: undefined, suggestion } : { card: undefined };
}
