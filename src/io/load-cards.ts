import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { linkCards } from '../core/cards/link-cards.js';
import type { Card, CardOrigin, CardProblem } from '../core/cards/types.js';
import { CardCache, CardSeed, type ParsedCardFile } from './card-cache.js';
import { loadCardParser } from './load-card-parser.js';
import { walkCardFiles, type CardFile } from './walk-card-files.js';
import { removeStaleCacheTemps } from './cache-space.js';

/** A folder to load cards from, and how its cards are labelled. */
export interface CardSource {
  dir: string;
  origin: CardOrigin;
  /** A missing optional folder (the user's own) is simply empty; a missing required one is a problem. */
  optional?: boolean;
}

/** Every valid card from every source, and every problem met on the way. */
export interface LoadedCards {
  cards: Card[];
  problems: CardProblem[];
}

/** The largest card file read; larger files are reported, not parsed. */
export const MAX_CARD_BYTES = 256 * 1024;

/** Loads the card folders in order, using the parse cache when given one, and links ids across them. */
export async function loadCards(sources: CardSource[], options: { cacheDir?: string; scenarioIds: ReadonlySet<string> }): Promise<LoadedCards> {
  // Every command that reads cards starts here: the place to drop temp files a failed cache write left.
  if (options.cacheDir) await removeStaleCacheTemps(options.cacheDir, Date.now());
  const cards: Card[] = [];
  const problems: CardProblem[] = [];
  for (const source of sources) {
    const dir = resolve(source.dir);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      if (!source.optional) problems.push({ level: 'error', rule: 'folder-missing', path: source.dir, message: 'is not a readable folder' });
      continue;
    }
    const loaded = await loadFolder(dir, source.origin, options.cacheDir);
    cards.push(...loaded.cards);
    problems.push(...loaded.problems);
  }
  const linked = linkCards(cards, options.scenarioIds);
  return { cards: linked.cards, problems: [...problems, ...linked.problems] };
}

async function loadFolder(dir: string, origin: CardOrigin, cacheDir: string | undefined): Promise<LoadedCards> {
  const { files, problems } = walkCardFiles(dir);
  const cache = new CardCache(cacheDir, dir);
  // The bundled cards as the build parsed them, for a first run: opened only when the cache misses one (lint, which uses no cache, parses).
  let seed: CardSeed | undefined | null = origin === 'bundled' && cacheDir !== undefined ? undefined : null;
  const cards: Card[] = [];
  for (const file of files) {
    let parsed = cache.get(file.path, file.size, file.mtimeMs);
    if (!parsed) {
      if (seed === undefined) seed = CardSeed.open(dir) ?? null;
      parsed = seed?.get(file.path, file.size) ?? (await parseFile(file, dir, origin));
      cache.set(file.path, file.size, file.mtimeMs, parsed);
    }
    if (parsed.card) cards.push(parsed.card);
    problems.push(...parsed.problems);
  }
  cache.retain(new Set(files.map((file) => file.path)));
  cache.save();
  return { cards, problems };
}

async function parseFile(file: CardFile, root: string, origin: CardOrigin): Promise<ParsedCardFile> {
  if (file.size > MAX_CARD_BYTES) {
    const kib = Math.ceil(file.size / 1024);
    return { problems: [{ level: 'error', rule: 'file-too-large', path: file.path, message: `${kib} KiB is over the ${MAX_CARD_BYTES / 1024} KiB limit for a card` }] };
  }
  let text: string;
  try {
    text = readFileSync(file.path, 'utf8');
  } catch (error) {
    return { problems: [{ level: 'error', rule: 'unreadable', path: file.path, message: (error as Error).message }] };
  }
  // The parser (gray-matter, yaml, marked) loads only when a file is not in the cache.
  const { parseCard } = await loadCardParser();
  const segments = file.relativePath.split('/');
  return parseCard(text, {
    path: file.path,
    defaultId: basename(file.path, '.md').toLowerCase(),
    defaultTopic: segments.length > 1 ? segments[0]!.toLowerCase() : 'general',
    origin,
  });
}
