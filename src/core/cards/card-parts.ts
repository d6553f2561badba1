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
