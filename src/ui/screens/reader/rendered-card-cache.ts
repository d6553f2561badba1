import type { Card } from '../../../core/cards/types.js';
import { renderCard, type RenderedCard } from '../../../core/markdown/render-card.js';

const cache = new WeakMap<Card, Map<string, RenderedCard>>();

/** The card laid out for a width (code clipped, not wrapped, so diagrams keep their shape), kept per card so going back to it or resizing back costs nothing. */
export function renderedCard(card: Card, width: number, ascii: boolean): RenderedCard {
  const key = `${width}:${ascii ? 'a' : 'u'}`;
  let perCard = cache.get(card);
  if (!perCard) cache.set(card, (perCard = new Map()));
  let rendered = perCard.get(key);
  if (!rendered) {
    rendered = renderCard(card, { width, ascii, hyperlinks: false, code: 'clip' });
    if (perCard.size > 8) perCard.clear();
    perCard.set(key, rendered);
  }
  return rendered;
}

/** How wide card text is set: the pane less a gutter, at most 100 columns so lines stay readable. */
export function readingWidth(paneWidth: number): number {
  return Math.max(16, Math.min(paneWidth - 3, 100));
}
