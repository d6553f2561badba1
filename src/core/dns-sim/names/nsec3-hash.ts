import { labelsOf } from './names.js';

// The core imports no node: module, so SHA-1 (FIPS 180-4, the only NSEC3 hash algorithm, RFC 5155 section 11) is written out here.
/** SHA-1 of some bytes: the 20-byte digest. */
export function sha1(input: Uint8Array): Uint8Array {
  const bitLength = input.length * 8;
  const padded = new Uint8Array(Math.ceil((input.length + 9) / 64) * 64);
  padded.set(input);
  padded[input.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Uint32Array(80);
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(block + i * 4);
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      const [f, k] = i < 20 ? [(b & c) | (~b & d), 0x5a827999] : i < 40 ? [b ^ c ^ d, 0x6ed9eba1] : i < 60 ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc] : [b ^ c ^ d, 0xca62c1d6];
      const next = (rotl(a, 5) + f + e + k + w[i]!) >>> 0;
      [e, d, c, b, a] = [d, c, rotl(b, 30), a, next];
    }
    [a, b, c, d, e].forEach((value, i) => (h[i] = (h[i]! + value) >>> 0));
  }
  const out = new Uint8Array(20);
  h.forEach((value, i) => new DataView(out.buffer).setUint32(i * 4, value));
  return out;
}

function rotl(value: number, bits: number): number {
  return ((value << bits) | (value >>> (32 - bits))) >>> 0;
}

const BASE32HEX = '0123456789ABCDEFGHIJKLMNOPQRSTUV';

/** Base32 with the extended hex alphabet and no padding (RFC 4648 section 7), as RFC 5155 section 3.3 writes hashes. */
export function base32hex(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32HEX[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + BASE32HEX[(value << (5 - bits)) & 31] : out;
}

/** The bytes a base32hex string stands for (case-insensitive); undefined when a character is not of the alphabet. */
export function fromBase32hex(text: string): Uint8Array | undefined {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text.toUpperCase()) {
    const digit = BASE32HEX.indexOf(char);
    if (digit < 0) return undefined;
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

// RFC 4034 section 6.2: the canonical wire form of a name, every label lowercased, ending in the root's empty label.
function canonicalWire(name: string): Uint8Array {
  const bytes: number[] = [];
  for (const label of labelsOf(name.toLowerCase())) {
    const encoded = new TextEncoder().encode(label);
    bytes.push(encoded.length, ...encoded);
  }
  bytes.push(0);
  return Uint8Array.from(bytes);
}

/** RFC 5155 section 5: IH(salt, name, k), SHA-1 over the name's canonical wire form and the salt, then k more times over the digest and the salt; base32hex, upper case. */
export function nsec3Hash(name: string, saltHex: string, iterations: number): string {
  const salt = Uint8Array.from((saltHex.match(/../g) ?? []).map((pair) => parseInt(pair, 16)));
  const join = (data: Uint8Array): Uint8Array => Uint8Array.from([...data, ...salt]);
  let digest = sha1(join(canonicalWire(name)));
  for (let i = 0; i < iterations; i++) digest = sha1(join(digest));
  return base32hex(digest);
}

/** The owner name of the NSEC3 record for a name of a zone: its hash as one label above the zone's apex (RFC 5155 section 3). */
export function hashedOwner(name: string, zone: string, saltHex: string, iterations: number): string {
  const label = nsec3Hash(name, saltHex, iterations).toLowerCase();
  return zone === '' ? label : `${label}.${zone}`;
}
