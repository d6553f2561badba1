import { sha1 } from '../../text/sha1.js';
import { labelsOf } from './names.js';

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
