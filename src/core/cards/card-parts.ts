import type { Card, CardBody, CardMeta } from './types.js';

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
const bodyReaders = new WeakMap<Card, () => CardBody>();

/**
 * The card from its metadata, its body read by `readBody` when one of its fields is first used (fields in joinCard's
 * order, enumerable, so JSON output is unchanged). A body that cannot be read then is empty: the reader checked the
 * record's key and bounds beforehand, so only a record damaged inside, on disk, reaches that.
 */
export function cardWithBodyOnDemand(meta: CardMeta, readBody: () => CardBody | undefined): Card {
  let body: CardBody | undefined;
  const bodyNow = () => (body ??= readBody() ?? EMPTY_BODY);
  const { path, origin, fieldLines, ...head } = meta;
  const card = { ...head } as Card;
  for (const field of ['sections', 'keyPoints', 'practiceQuestions'] as const) {
    Object.defineProperty(card, field, { enumerable: true, configurable: true, get: () => bodyNow()[field] });
  }
  Object.assign(card, { path, origin, fieldLines });
  bodyReaders.set(card, bodyNow);
  return card;
}

/** Reads the bodies of cards made by cardWithBodyOnDemand, pausing whenever a slice's time is used up, so a caller that must keep handling keys can read a large library's bodies. */
export async function readBodiesInSlices(cards: readonly Card[], slicing: { now: () => number; sliceMs: number; pause: () => Promise<void> }): Promise<void> {
  let sliceEnds = slicing.now() + slicing.sliceMs;
  for (const card of cards) {
    bodyReaders.get(card)?.();
    if (slicing.now() >= sliceEnds) {
      await slicing.pause();
      sliceEnds = slicing.now() + slicing.sliceMs;
    }
  }
}
