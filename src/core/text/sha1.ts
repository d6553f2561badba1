// SHA-1 (FIPS 180-4, section 6.1) in plain code. The card cache names its files by the SHA-1 of the folder's path, and
// node:crypto takes about 5 ms to load before the app's first frame; NSEC3 (RFC 5155 section 11) hashes names with it in
// the core, which imports no node: module.

const INITIAL = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0] as const;

const rotate = (word: number, bits: number): number => ((word << bits) | (word >>> (32 - bits))) >>> 0;

/**
 * The 20-byte SHA-1 digest of some bytes. The rounds keep their words in plain variables: written with array
 * destructuring, each of the 80 rounds of a block made two arrays while the code is still interpreted: the four digests
 * before the quiz's first frame (the card cache and the review snapshot name their files with it) made 0.27 MB of them.
 */
export function sha1(input: Uint8Array): Uint8Array {
  // The message, a 1 bit, zeros, and the length in bits as 64 bits, in 512-bit blocks of big-endian words.
  const bitLength = input.length * 8;
  const padded = new Uint8Array(Math.ceil((input.length + 9) / 64) * 64);
  padded.set(input);
  padded[input.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  let [h0, h1, h2, h3, h4] = INITIAL as readonly number[] as [number, number, number, number, number];
  const schedule = new Uint32Array(80);
  for (let block = 0; block < padded.length; block += 64) {
    for (let t = 0; t < 80; t++) schedule[t] = t < 16 ? view.getUint32(block + t * 4) : rotate(schedule[t - 3]! ^ schedule[t - 8]! ^ schedule[t - 14]! ^ schedule[t - 16]!, 1);
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let t = 0; t < 80; t++) {
      const f = t < 20 ? (b & c) | (~b & d) : t < 40 ? b ^ c ^ d : t < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const k = t < 20 ? 0x5a827999 : t < 40 ? 0x6ed9eba1 : t < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const next = (rotate(a, 5) + f + e + k + schedule[t]!) >>> 0;
      e = d;
      d = c;
      c = rotate(b, 30);
      b = a;
      a = next;
    }
    h0 = (h0 + a) >>> 0;
    h1 = (h1 + b) >>> 0;
    h2 = (h2 + c) >>> 0;
    h3 = (h3 + d) >>> 0;
    h4 = (h4 + e) >>> 0;
  }
  const digest = new Uint8Array(20);
  const out = new DataView(digest.buffer);
  [h0, h1, h2, h3, h4].forEach((word, i) => out.setUint32(i * 4, word));
  return digest;
}

/** The SHA-1 of `text` (as UTF-8) in lowercase hex, as node:crypto's createHash('sha1').update(text).digest('hex') gives it. */
export function sha1Hex(text: string): string {
  return [...sha1(new TextEncoder().encode(text))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
