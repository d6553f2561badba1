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

/**
 * A 64-bit hash of a text's UTF-8 bytes, as 16 lowercase hex digits: textHash's lanes fed four bytes at a time (read in
 * the machine's byte order, so a key made on a big-endian machine differs, which only misses a cache), with the length
 * mixed in. For the study caches' keys, several kilobytes of file stamps and links hashed before the quiz and statistics
 * screens' first frame while the code is still interpreted: about a quarter of textHash's time there.
 */
export function keyHash(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const whole = bytes.length >>> 2;
  // Words are read where the bytes lie when that is a multiple of four (encode() starts its own buffer), else from a copy.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const words = new Int32Array(aligned.buffer, aligned.byteOffset, whole);
  let h1 = 0xdeadbeef ^ bytes.length;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < whole; i++) {
    const word = words[i]!;
    h1 = Math.imul(h1 ^ word, 2654435761);
    h2 = Math.imul(h2 ^ word, 1597334677);
  }
  for (let i = whole * 4; i < bytes.length; i++) {
    const byte = bytes[i]!;
    h1 = Math.imul(h1 ^ byte, 2654435761);
    h2 = Math.imul(h2 ^ byte, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
