import { loadBuiltModule } from './bundles/built-module.js';

/**
 * Loads the card renderer (marked and highlight.js, 117 KB) on first need: `show` renders a card only
 * when its lines are not in the render cache, so the plain commands' entry never carries it. Built, it
 * is dist/render-card.js.
 */
export function loadCardRenderer(): Promise<typeof import('../core/markdown/render-card.js')> {
  return loadBuiltModule('render-card.js', () => import('../core/markdown/render-card.js'));
}
