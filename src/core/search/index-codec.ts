import type { Card } from '../cards/types.js';
import { assembleIndex, type SearchIndex } from './search-index.js';

// Bump when the index layout or the tokenizer changes, so old files are rebuilt, not misread.
const INDEX_FORMAT = 1;

/** The terms and numbers of an index as written, which every header written for it shares. */
interface Payload {
  terms: number;
  termBytes: number;
  postings: number;
  /** The term text (padded to 4 bytes), then Int32 offsets, frequencies and postings. */
  bytes: Uint8Array;
}

// Made once per index: a cold `search` writes the index twice (the index cache and the saved search), and an
// index read back from bytes keeps them, so saving it again copies instead of encoding.
const payloads = new WeakMap<SearchIndex, Payload>();

/** Packs an index into bytes: a small JSON header, the sorted terms, then Int32 offsets, frequencies and postings. */
export function encodeSearchIndex(index: SearchIndex, fingerprint: string): Uint8Array {
  let payload = payloads.get(index);
  if (!payload) payloads.set(index, (payload = encodePayload(index)));
  const header = new TextEncoder().encode(JSON.stringify({ format: INDEX_FORMAT, fingerprint, terms: payload.terms, termBytes: payload.termBytes, postings: payload.postings }));
  const headerSpace = align4(4 + header.length);
  const bytes = new Uint8Array(headerSpace + payload.bytes.length);
  new DataView(bytes.buffer).setUint32(0, header.length, true);
  bytes.set(header, 4);
  bytes.set(payload.bytes, headerSpace);
  return bytes;
}

function encodePayload(index: SearchIndex): Payload {
  const terms = index.vocabulary;
  const termBytes = new TextEncoder().encode(terms.join('\n'));
  const offsets = new Int32Array(terms.length + 1);
  let total = 0;
  for (let position = 0; position < terms.length; position++) {
    offsets[position] = total;
    total += index.postingsAt(position).length;
  }
  offsets[terms.length] = total;
  const frequencies = Int32Array.from(terms, (_, position) => index.frequencyAt(position));
  const postings = new Int32Array(total);
  for (let position = 0; position < terms.length; position++) postings.set(index.postingsAt(position), offsets[position]!);
  const termSpace = align4(termBytes.length);
  const bytes = new Uint8Array(termSpace + 4 * (offsets.length + frequencies.length + postings.length));
  bytes.set(termBytes, 0);
  let at = termSpace;
  for (const part of [offsets, frequencies, postings]) {
    bytes.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at);
    at += part.byteLength;
  }
  return { terms: terms.length, termBytes: termBytes.length, postings: total, bytes };
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
    const index = assembleIndex(cards, terms, (position) => postings.subarray(offsets[position]!, offsets[position + 1]!), frequencies);
    const payloadEnd = termStart + align4(header.termBytes) + 4 * (2 * header.terms + 1 + header.postings);
    payloads.set(index, { terms: header.terms, termBytes: header.termBytes, postings: header.postings, bytes: bytes.subarray(termStart, payloadEnd) });
    return index;
  } catch {
    return undefined;
  }
}

function align4(value: number): number {
  return (value + 3) & ~3;
}
