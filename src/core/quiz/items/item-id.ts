/** What an item's id is derived from: its card, what kind of text it is, and the text. */
export type ItemIdKind = 'kp' | 'pq';

/** A stable id for a key point or practice question: the card id plus a hash of the normalised text. */
export function itemIdFor(cardId: string, kind: ItemIdKind, text: string): string {
  return `${cardId}/${kind}-${fnv1a32(normaliseForId(text)).toString(16).padStart(8, '0')}`;
}

/** Lowercases and drops everything but letters and digits, so re-wrapping or re-bolding a point keeps its id. */
export function normaliseForId(text: string): string {
  return text.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Gives repeated ids within one card a `-2`, `-3` suffix, in order, so two identical points stay apart. */
export function disambiguateIds(ids: string[]): string[] {
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return count === 1 ? id : `${id}-${count}`;
  });
}

/** FNV-1a, 32 bits, over UTF-16 code units: a fast hash for ids, not for security. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash >>> 0;
}
