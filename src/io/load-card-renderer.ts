import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from './package-paths.js';

declare const __SWELEARN_BUNDLED__: boolean | undefined;

type CardRenderer = typeof import('../core/markdown/render-card.js');

/**
 * Loads the card renderer (marked and highlight.js, 117 KB) on first need: `show` renders a card only
 * when its lines are not in the render cache, so the plain commands' entry never carries it. Built, it
 * is dist/render-card.js, found from the package root; from source (tests), the module itself.
 */
export async function loadCardRenderer(): Promise<CardRenderer> {
  if (typeof __SWELEARN_BUNDLED__ === 'boolean' && __SWELEARN_BUNDLED__) {
    return (await import(pathToFileURL(join(packageRoot(), 'dist', 'render-card.js')).href)) as CardRenderer;
  }
  return import('../core/markdown/render-card.js');
}
