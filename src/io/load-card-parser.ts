import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from './package-paths.js';

declare const __SWELEARN_BUNDLED__: boolean | undefined;

type CardParser = typeof import('../core/cards/parse-card.js');

/**
 * Loads the card parser (gray-matter, yaml, marked's lexer) on first need. Built, it is a bundle of
 * its own, dist/parse-card.js, found from the package root so that any bundle or chunk can load it;
 * from source (tests), it is the module itself.
 */
export async function loadCardParser(): Promise<CardParser> {
  if (typeof __SWELEARN_BUNDLED__ === 'boolean' && __SWELEARN_BUNDLED__) {
    return (await import(pathToFileURL(join(packageRoot(), 'dist', 'parse-card.js')).href)) as CardParser;
  }
  return import('../core/cards/parse-card.js');
}
