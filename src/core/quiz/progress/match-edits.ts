import { normaliseForId } from '../items/item-id.js';

/** An item as far as edit matching cares: its id, its card and its text. */
export interface ItemText {
  id: string;
  cardId: string;
  text: string;
}

/** How alike two texts must be (Dice over character trigrams) to count as one point edited. */
export const EDIT_SIMILARITY = 0.7;

/**
 * Maps ids found in the log that no current item has to the current item of the same card and kind
 * whose text is most similar, so fixing a typo in a point keeps its history.
 */
export function matchEditedItems(logged: readonly ItemText[], current: readonly ItemText[], threshold = EDIT_SIMILARITY): Map<string, string> {
  const currentIds = new Set(current.map((item) => item.id));
  const aliases = new Map<string, string>();
  const missing = logged.filter((old) => !currentIds.has(old.id));
  // Nearly every open has no logged id missing: only the cards that lost one pay for their trigrams.
  if (missing.length === 0) return aliases;
  const wanted = new Set(missing.map((old) => old.cardId));
  const byCard = new Map<string, { item: ItemText; grams: Map<string, number> }[]>();
  for (const item of current) {
    if (!wanted.has(item.cardId)) continue;
    const list = byCard.get(item.cardId) ?? [];
    list.push({ item, grams: trigrams(item.text) });
    byCard.set(item.cardId, list);
  }
  for (const old of missing) {
    if (aliases.has(old.id)) continue;
    const grams = trigrams(old.text);
    let best: { id: string; score: number } | undefined;
    for (const candidate of byCard.get(old.cardId) ?? []) {
      if (kindOf(candidate.item.id) !== kindOf(old.id)) continue;
      const score = dice(grams, candidate.grams);
      if (score >= threshold && (!best || score > best.score)) best = { id: candidate.item.id, score };
    }
    if (best) aliases.set(old.id, best.id);
  }
  return aliases;
}

/** Dice similarity of two texts over character trigrams, 0 to 1. */
export function textSimilarity(a: string, b: string): number {
  return dice(trigrams(a), trigrams(b));
}

function kindOf(id: string): string {
  return /\/([a-z]+)-[0-9a-f]+(?:-\d+)?$/.exec(id)?.[1] ?? '';
}

function trigrams(text: string): Map<string, number> {
  const padded = ` ${normaliseForId(text)} `;
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const gram = padded.slice(i, i + 3);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [gram, count] of a) {
    shared += Math.min(count, b.get(gram) ?? 0);
    total += count;
  }
  for (const count of b.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
}
