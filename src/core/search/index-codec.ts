import type { Card } from '../cards/types.js';
import { assembleIndex, type SearchIndex } from './search-index.js';

// Bump when the index layout or the tokenizer changes, so old files are rebuilt, not misread.
const INDEX_FORMAT = 1;

/** Packs an index into bytes: a small JSON header, the sorted terms, then Int32 offsets, frequencies and postings. */
export function encodeSearchIndex(index: SearchIndex, fingerprint: string): Uint8Array {
  const terms = index.vocabulary;
  const termBytes = new TextEncoder().encode(terms.join('\n'));
  const offsets = new Int32Array(terms.length + 1);
  let total = 0;
  terms.forEach((term, position) => {
    offsets[position] = total;
    total += index.postings.get(term)!.length;
  });
  offsets[terms.length] = total;
  const frequencies = Int32Array.from(terms, (term) => index.cardFrequency.get(term) ?? 0);
  const postings = new Int32Array(total);
  terms.forEach((term, position) => postings.set(index.postings.get(term)!, offsets[position]!));
  const header = new TextEncoder().encode(JSON.stringify({ format: INDEX_FORMAT, fingerprint, terms: terms.length, termBytes: termBytes.length, postings: total }));
  const headerSpace = align4(4 + header.length);
  const termSpace = align4(termBytes.length);
  const bytes = new Uint8Array(headerSpace + termSpace + 4 * (offsets.length + frequencies.length + postings.length));
  new DataView(bytes.buffer).setUint32(0, header.length, true);
  bytes.set(header, 4);
  bytes.set(termBytes, headerSpace);
  let at = headerSpace + termSpace;
  for (const part of [offsets, frequencies, postings]) {
    bytes.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at);
    at += part.byteLength;
  }
  return bytes;
}

/** Reads an index back without copying the postings; undefined when the bytes are another format or fingerprint. */
export function decodeSearchIndex(bytes: Uint8Array, cards: Card[], fingerprint: string): SearchIndex | undefined {
  try {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headerLength = view.getUint32(0, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength))) as { format: number; fingerprint: string; terms: number; termBytes: number; postings: number };
    if (header.format !== INDEX_FORMAT || header.fingerprint !== fingerprint) return undefined;
    const termStart = align4(4 + headerLength);
    const terms = header.terms === 0 ? [] : new TextDecoder().decode(bytes.subarray(termStart, termStart + header.termBytes)).split('\n');
    const numbersStart = bytes.byteOffset + termStart + align4(header.termBytes);
    // Int32Array views need 4-byte alignment; copy once if the buffer does not give it.
    const source = numbersStart % 4 === 0 ? bytes : bytes.slice();
    const base = source === bytes ? numbersStart : termStart + align4(header.termBytes);
    const offsets = new Int32Array(source.buffer, base, header.terms + 1);
    const frequencies = new Int32Array(source.buffer, base + 4 * (header.terms + 1), header.terms);
    const postings = new Int32Array(source.buffer, base + 4 * (2 * header.terms + 1), header.postings);
    return assembleIndex(cards, terms, (position) => postings.subarray(offsets[position]!, offsets[position + 1]!), frequencies);
  } catch {
    return undefined;
  }
}

function align4(value: number): number {
  return (value + 3) & ~3;
}
