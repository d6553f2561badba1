import type { Card, CardBody, CardMeta } from './types.js';
import { textHash } from '../text/text-hash.js';

/** Splits a card into what lists need (its metadata) and what only showing or studying it needs (its body). */
export function splitCard(card: Card): { meta: CardMeta; body: CardBody } {
  const { sections, keyPoints, practiceQuestions, ...meta } = card;
  return { meta, body: { sections, keyPoints, practiceQuestions } };
}

/** The card again from its two parts, fields in the parser's order so JSON output is unchanged. */
export function joinCard(meta: CardMeta, body: CardBody): Card {
  const { path, origin, fieldLines, ...head } = meta;
  return { ...head, sections: body.sections, keyPoints: body.keyPoints, practiceQuestions: body.practiceQuestions, path, origin, fieldLines };
}

const EMPTY_BODY: CardBody = { sections: [], keyPoints: [], practiceQuestions: [] };

// Where a card made by cardWithBodyOnDemand keeps its reader and, once read, its body (not enumerable: JSON and spreads skip it).
const BODY = Symbol('card body');
interface BodySlot {
  read: () => CardBody | undefined;
  body?: CardBody;
  /** The body's hash as the cache stored it (bodyHashOf), when it came with the metadata. */
  hash?: string;
}
type CardOnDemand = Card & { [BODY]: BodySlot };

function bodyNow(card: CardOnDemand): CardBody {
  const slot = card[BODY];
  if (slot.body) return slot.body;
  const body = slot.read();
  // An unreadable body is empty for this run, and its hash is that of the empty body, so nothing made from it is kept under the real one's.
  if (!body) delete slot.hash;
  return (slot.body = body ?? EMPTY_BODY);
}

// One getter per field, shared by every such card, so they all keep one shape and the code that reads cards stays fast.
const BODY_FIELDS: PropertyDescriptorMap = {
  sections: { enumerable: true, configurable: true, get(this: CardOnDemand) { return bodyNow(this).sections; } },
  keyPoints: { enumerable: true, configurable: true, get(this: CardOnDemand) { return bodyNow(this).keyPoints; } },
  practiceQuestions: { enumerable: true, configurable: true, get(this: CardOnDemand) { return bodyNow(this).practiceQuestions; } },
};

/**
 * The card from its metadata, its body read by `readBody` when one of its fields is first used (fields in joinCard's
 * order, enumerable, so JSON output is unchanged). A body that cannot be read then is empty for this run: the reader
 * checked the record's key and bounds beforehand, so only a record damaged inside, on disk, reaches that, and the
 * reader then drops its cache so the next run parses the card file again.
 */
export function cardWithBodyOnDemand(meta: CardMeta, readBody: () => CardBody | undefined, bodyHash?: string): Card {
  // Field by field rather than a rest and a spread, which cost about 6 ms for 1,000 cards before the app's first frame.
  const head: Omit<CardMeta, 'path' | 'origin' | 'fieldLines'> = {
    id: meta.id, title: meta.title, tags: meta.tags, difficulty: meta.difficulty, estimatedTime: meta.estimatedTime, estimatedMinutes: meta.estimatedMinutes,
    topic: meta.topic, related: meta.related, sim: meta.sim, extra: meta.extra,
  };
  const card = Object.defineProperties(head, BODY_FIELDS) as CardOnDemand;
  card.path = meta.path;
  card.origin = meta.origin;
  card.fieldLines = meta.fieldLines;
  Object.defineProperty(card, BODY, { value: (bodyHash === undefined ? { read: readBody } : { read: readBody, hash: bodyHash }) satisfies BodySlot });
  return card;
}

/** A hash of a card's body (its sections, key points and practice questions, as JSON): what the card cache stores beside each card's metadata. */
export function bodyHashOf(body: CardBody): string {
  return textHash(JSON.stringify(body));
}

const computedHashes = new WeakMap<Card, string>();

/**
 * The hash of the card's body, so caches of what is made from bodies (the search index, the quiz items) can be keyed
 * without reading them: the one the card cache stored for a card read from it, else computed from the body (once per
 * card). Reading every body to key the search index held 3 MB of Markdown for 1,000 cards from the app's start.
 */
export function bodyHash(card: Card): string {
  const stored = BODY in card ? (card as CardOnDemand)[BODY].hash : undefined;
  if (stored !== undefined) return stored;
  let hash = computedHashes.get(card);
  if (hash === undefined) computedHashes.set(card, (hash = bodyHashOf(splitCard(card).body)));
  return hash;
}
