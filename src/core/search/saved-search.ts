import type { Card, CardProblem } from '../cards/types.js';
import { decodeSearchIndex, encodeSearchIndex } from './index-codec.js';
import { rerankFieldsOf } from './rerank.js';
import type { SearchIndex } from './search-index.js';

// Bump when the layout or the fields kept change, so old files are rebuilt, not misread.
const SAVED_FORMAT = 2;

// What `search` prints and filters on, kept in the header; the rest of a card is read only for the cards a query ranks.
const LIGHT_FIELDS = ['id', 'title', 'tags', 'difficulty', 'estimatedTime', 'estimatedMinutes', 'topic', 'path', 'origin'] as const;
const BODY_FIELDS = ['sections', 'keyPoints', 'practiceQuestions', 'related', 'sim', 'extra', 'fieldLines'] as const;

type LightField = (typeof LIGHT_FIELDS)[number];
type BodyField = (typeof BODY_FIELDS)[number];

interface Header {
  format: number;
  key: string;
  problems: CardProblem[];
  /** Each card's light fields, in LIGHT_FIELDS order. */
  cards: unknown[][];
  /** Where each card's body starts in the bodies, and where the last ends. */
  bodies: number[];
  /** Where each card's re-ranker fields start after the bodies, and where the last ends. */
  rerank: number[];
  indexLength: number;
}

/** A search that needs no card loaded: the index, each card's light fields, its body on demand, and the card errors to report again. */
export interface SavedSearch {
  index: SearchIndex;
  problems: CardProblem[];
}

/**
 * Packs cards, their index and the card errors under a key: a JSON header, the index bytes, one JSON body per
 * card, then each card's re-ranker fields as JSON (so a search prepares no card for fuse.js and reads only the
 * bodies of the cards it prints).
 */
export function encodeSavedSearch(key: string, cards: Card[], index: SearchIndex, problems: CardProblem[]): Uint8Array {
  const encoder = new TextEncoder();
  const bodies = cards.map((card) => encoder.encode(JSON.stringify(BODY_FIELDS.map((field) => card[field]))));
  const rerank = rerankFieldsOf(cards).map((fields) => encoder.encode(JSON.stringify(fields)));
  const indexBytes = encodeSearchIndex(index, key);
  const header: Header = { format: SAVED_FORMAT, key, problems, cards: cards.map((card) => LIGHT_FIELDS.map((field) => card[field])), bodies: offsetsOf(bodies), rerank: offsetsOf(rerank), indexLength: indexBytes.length };
  const headerBytes = encoder.encode(JSON.stringify(header));
  const indexStart = align4(4 + headerBytes.length);
  const bytes = new Uint8Array(indexStart + indexBytes.length + header.bodies[cards.length]! + header.rerank[cards.length]!);
  new DataView(bytes.buffer).setUint32(0, headerBytes.length, true);
  bytes.set(headerBytes, 4);
  bytes.set(indexBytes, indexStart);
  let at = indexStart + indexBytes.length;
  for (const part of [...bodies, ...rerank]) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

function offsetsOf(parts: Uint8Array[]): number[] {
  const offsets = [0];
  for (const part of parts) offsets.push(offsets[offsets.length - 1]! + part.length);
  return offsets;
}

/** Reads a saved search back, each card's body parsed the first time it is read; undefined for another key or format. */
export function decodeSavedSearch(bytes: Uint8Array, key: string): SavedSearch | undefined {
  try {
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength))) as Header;
    if (header.format !== SAVED_FORMAT || header.key !== key) return undefined;
    const indexStart = align4(4 + headerLength);
    const bodiesStart = indexStart + header.indexLength;
    const rerankStart = bodiesStart + header.bodies[header.cards.length]!;
    const json = (start: number, offsets: number[], position: number) => JSON.parse(new TextDecoder().decode(bytes.subarray(start + offsets[position]!, start + offsets[position + 1]!))) as unknown;
    const cards = header.cards.map((values, position) => lightCard(values, () => json(bodiesStart, header.bodies, position) as unknown[]));
    const index = decodeSearchIndex(bytes.subarray(indexStart, bodiesStart), cards, key);
    return index && { index: Object.assign(index, { rerankFields: (card: number) => json(rerankStart, header.rerank, card) }), problems: header.problems };
  } catch {
    return undefined;
  }
}

// A card with its light fields set and its body fields read, all at once, the first time any of them is.
// The body fields are getters of the class, not of each card: 10,000 cards defining seven properties each
// cost more than the rest of the header. They are not own properties, so a copy made by spreading has none.
const BODY = Symbol('body');

interface BodySlot {
  read: () => unknown[];
  values?: unknown[];
}

class SavedCard {
  declare [BODY]: BodySlot;

  constructor(values: unknown[], read: () => unknown[]) {
    const card = this as unknown as Record<LightField, unknown>;
    LIGHT_FIELDS.forEach((field, position) => (card[field] = values[position]));
    Object.defineProperty(this, BODY, { value: { read } satisfies BodySlot });
  }
}

BODY_FIELDS.forEach((field: BodyField, position) =>
  Object.defineProperty(SavedCard.prototype, field, {
    get(this: SavedCard) {
      const slot = this[BODY];
      return (slot.values ??= slot.read())[position];
    },
  }),
);

function lightCard(values: unknown[], readBody: () => unknown[]): Card {
  return new SavedCard(values, readBody) as unknown as Card;
}

function align4(value: number): number {
  return (value + 3) & ~3;
}
