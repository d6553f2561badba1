// SHA-1 (FIPS 180-4, section 6.1) of a short string's UTF-8 bytes, in plain code. The card cache names its files by the
// SHA-1 of the folder's path; node:crypto takes about 5 ms to load, and that name is needed before the app's first frame.

const INITIAL = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0] as const;

const rotate = (word: number, bits: number): number => ((word << bits) | (word >>> (32 - bits))) >>> 0;

/** The SHA-1 of `text` (as UTF-8) in lowercase hex, as node:crypto's createHash('sha1').update(text).digest('hex') gives it. */
export function sha1Hex(text: string): string {
  const bytes = new TextEncoder().encode(text);
  // The message, a 1 bit, zeros, and the length in bits as 64 bits, in 512-bit blocks of big-endian words.
  const words = new Uint32Array((((bytes.length + 8) >> 6) + 1) * 16);
  bytes.forEach((byte, i) => (words[i >> 2]! |= byte << (24 - (i % 4) * 8)));
  words[bytes.length >> 2]! |= 0x80 << (24 - (bytes.length % 4) * 8);
  words[words.length - 2] = Math.floor((bytes.length * 8) / 2 ** 32);
  words[words.length - 1] = (bytes.length * 8) >>> 0;
  const hash: number[] = [...INITIAL];
  const schedule = new Uint32Array(80);
  for (let block = 0; block < words.length; block += 16) {
    for (let t = 0; t < 80; t++) schedule[t] = t < 16 ? words[block + t]! : rotate(schedule[t - 3]! ^ schedule[t - 8]! ^ schedule[t - 14]! ^ schedule[t - 16]!, 1);
    let [a, b, c, d, e] = hash as [number, number, number, number, number];
    for (let t = 0; t < 80; t++) {
      const [f, k] = t < 20 ? [(b & c) | (~b & d), 0x5a827999] : t < 40 ? [b ^ c ^ d, 0x6ed9eba1] : t < 60 ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc] : [b ^ c ^ d, 0xca62c1d6];
      const next = (rotate(a, 5) + f + e + k + schedule[t]!) >>> 0;
      [e, d, c, b, a] = [d, c, rotate(b, 30), a, next];
    }
    [a, b, c, d, e].forEach((word, i) => (hash[i] = (hash[i]! + word) >>> 0));
  }
  return hash.map((word) => word.toString(16).padStart(8, '0')).join('');
}
