import { loadBuiltModule } from './bundles/built-module.js';

/** Loads the card parser (gray-matter, yaml, marked's lexer) on first need: dist/parse-card.js once built. */
export function loadCardParser(): Promise<typeof import('../core/cards/parse-card.js')> {
  return loadBuiltModule('parse-card.js', () => import('../core/cards/parse-card.js'));
}
