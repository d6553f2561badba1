// Two 32-bit multiply-xor lanes with a final avalanche (the cyrb53 construction, both lanes kept): a cache key for
// text that changes by accident, never by an adversary. node:crypto takes about 2 to 5 ms to load, which `search`
// paid only to hash the list of card files; this hashes that list for 32 cards in well under a millisecond.

/** A 64-bit hash of a text's UTF-16 code units, as 16 lowercase hex digits; equal texts give equal hashes. */
export function textHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ unit, 2654435761);
    h2 = Math.imul(h2 ^ unit, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
