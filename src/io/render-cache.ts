import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeFolder } from './make-folder.js';
import type { Card } from '../core/cards/types.js';
import type { StyledLine } from '../core/markdown/styled-line.js';
import { cacheHash, writeCacheFileSync } from './cache-space.js';

declare const __SWELEARN_BUILD_ID__: string | undefined;

/** The layout a rendering depends on (colour does not: it is applied when the lines are printed). */
export interface RenderLayout {
  width: number;
  hyperlinks: boolean;
  ascii: boolean;
  section?: string;
}

/**
 * The cache key of a card rendered with a layout, or undefined when running from source. The
 * build id changes with every build, so a changed renderer never serves old output.
 */
export function renderKey(card: Card, layout: RenderLayout): string | undefined {
  if (typeof __SWELEARN_BUILD_ID__ !== 'string') return undefined;
  // node:crypto loads at the first key, not with the commands' bundle: `search` and `list` hash nothing.
  const hash = cacheHash('sha1').update(__SWELEARN_BUILD_ID__).update(JSON.stringify(layout));
  hash.update(JSON.stringify([card.title, card.topic, card.difficulty, card.estimatedMinutes, card.tags, card.related, card.sim, card.sections, card.practiceQuestions]));
  return hash.digest('hex');
}

/** The lines stored for this card and key, if the cache holds them. */
export function readRenderedLines(cacheDir: string, card: Card, key: string): StyledLine[] | undefined {
  try {
    const stored = JSON.parse(readFileSync(fileFor(cacheDir, card), 'utf8')) as { key: string; lines: StyledLine[] };
    return stored.key === key && Array.isArray(stored.lines) ? stored.lines : undefined;
  } catch {
    return undefined;
  }
}

/** Stores a card's rendered lines (one file per card, replaced atomically); failures only cost speed. */
export function writeRenderedLines(cacheDir: string, card: Card, key: string, lines: StyledLine[]): void {
  try {
    const file = fileFor(cacheDir, card);
    makeFolder(join(cacheDir, 'rendered'));
    writeCacheFileSync(file, JSON.stringify({ key, lines }));
  } catch {
    // A read-only cache folder only means rendering again next time.
  }
}

function fileFor(cacheDir: string, card: Card): string {
  return join(cacheDir, 'rendered', `${card.id}.json`);
}
