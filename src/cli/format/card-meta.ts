import { formatMinutes } from '../../core/cards/duration.js';
import type { Card, CardMeta } from '../../core/cards/types.js';

/** `medium · 12 min · dns, caching`: the line under a card's title. */
export function cardMetaLine(card: Card): string {
  return `${card.difficulty} · ${formatMinutes(card.estimatedMinutes)} · ${card.tags.join(', ')}`;
}

/** The JSON shape of a card's summary, shared by list and search. */
export function cardSummaryJson(card: CardMeta) {
  return {
    id: card.id,
    title: card.title,
    topic: card.topic,
    tags: card.tags,
    difficulty: card.difficulty,
    estimatedMinutes: card.estimatedMinutes,
    path: card.path,
    origin: card.origin,
  };
}
