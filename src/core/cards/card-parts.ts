import type { Card, CardBody, CardMeta } from './types.js';
import { forEachInSlices, type Slicing } from '../slicing/slicing.js';

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
}
type CardOnDemand = Card & { [BODY]: BodySlot };

function bodyNow(card: CardOnDemand): CardBody {
  const slot = card[BODY];
  return (slot.body ??= slot.read() ?? EMPTY_BODY);
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
export function cardWithBodyOnDemand(meta: CardMeta, readBody: () => CardBody | undefined): Card {
  // Field by field rather than a rest and a spread, which cost about 6 ms for 1,000 cards before the app's first frame.
  const head: Omit<CardMeta, 'path' | 'origin' | 'fieldLines'> = {
    id: meta.id, title: meta.title, tags: meta.tags, difficulty: meta.difficulty, estimatedTime: meta.estimatedTime, estimatedMinutes: meta.estimatedMinutes,
    topic: meta.topic, related: meta.related, sim: meta.sim, extra: meta.extra,
  };
  const card = Object.defineProperties(head, BODY_FIELDS) as CardOnDemand;
  card.path = meta.path;
  card.origin = meta.origin;
  card.fieldLines = meta.fieldLines;
  Object.defineProperty(card, BODY, { value: { read: readBody } satisfies BodySlot });
  return card;
}

/** Reads the bodies of cards made by cardWithBodyOnDemand, pausing whenever a slice's time is used up, so a caller that must keep handling keys can read a large library's bodies. */
export async function readBodiesInSlices(cards: readonly Card[], slicing: Slicing): Promise<void> {
  await forEachInSlices(cards.length, slicing, (index) => {
    const card = cards[index]!;
    if (BODY in card) bodyNow(card as CardOnDemand);
  });
}
