import type { Card } from '../../core/cards/types.js';
import type { StyledLine } from '../../core/markdown/styled-line.js';
import { loadCardRenderer } from '../../io/load-card-renderer.js';
import { readRenderedLines, renderKey, writeRenderedLines, type RenderLayout } from '../../io/render-cache.js';
import type { AppEnvironment } from '../environment.js';

export type { RenderLayout } from '../../io/render-cache.js';

/** A card's lines for a layout: rendered once per layout and build, then read from the cache; the renderer (marked, highlight.js) loads only on a miss. */
export async function renderedCardLines(environment: AppEnvironment, card: Card, layout: RenderLayout): Promise<StyledLine[]> {
  const cacheDir = environment.paths.cache;
  const key = renderKey(card, layout);
  const cached = key === undefined ? undefined : readRenderedLines(cacheDir, card, key);
  if (cached) return cached;
  const { renderCard } = await loadCardRenderer();
  const sections = layout.section === undefined ? undefined : card.sections.filter((section) => section.name === layout.section);
  const { lines } = renderCard(card, { width: layout.width, hyperlinks: layout.hyperlinks, ascii: layout.ascii, ...(sections ? { sections } : {}) });
  if (key !== undefined) writeRenderedLines(cacheDir, card, key, lines);
  return lines;
}
