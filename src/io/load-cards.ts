import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { cardWithBodyOnDemand, joinCard } from '../core/cards/card-parts.js';
import { linkCards } from '../core/cards/link-cards.js';
import type { Card, CardBody, CardMeta, CardOrigin, CardProblem } from '../core/cards/types.js';
import { CardCache, CardSeed, type ParsedCardFile } from './card-cache.js';
import type { SpanReader } from './card-body-store.js';
import { loadCardParser } from './load-card-parser.js';
import { walkCardFiles, type CardFile } from './walk-card-files.js';
import { removeStaleCacheTemps, whenCacheWritable } from './cache-space.js';
import { fileStampPart } from './file-stamp.js';

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

/** Every valid card's metadata and every problem met, with the bodies read on demand. */
export interface CardIndex {
  cards: CardMeta[];
  problems: CardProblem[];
  /** One card whole: its body read alone from the cache (or its file parsed again when the cache lacks it). */
  readCard(meta: CardMeta): Promise<Card | undefined>;
  /** Every card whole, each folder's body file read once and each body parsed when first used (the app's first frame needs none). */
  readAll(): Promise<Card[]>;
  /** Each folder with its files' paths, sizes, modification times and inodes: equal stamps mean the same cards are loaded (what the card cache trusts). */
  filesStamp: string;
}

/** What loading may be given: the cache folder, the scenario ids links may name, and (for tests) the body reader. */
export interface LoadCardsOptions {
  cacheDir?: string;
  scenarioIds: ReadonlySet<string>;
  bodyReader?: SpanReader;
  /** Every body will be read (readAll): each folder's body file starts loading before the folder is walked. */
  prefetchBodies?: boolean;
}

/** The largest card file read; larger files are reported, not parsed. */
export const MAX_CARD_BYTES = 256 * 1024;

/** Loads the card folders in order, using the parse cache when given one, and links ids across them. */
export async function loadCards(sources: CardSource[], options: LoadCardsOptions): Promise<LoadedCards> {
  const index = await loadCardIndex(sources, { ...options, prefetchBodies: true });
  return { cards: await index.readAll(), problems: index.problems };
}

/** Loads the card folders' metadata in order (every file checked against the cache by size and mtime), and links ids across them; bodies stay on disk. */
export async function loadCardIndex(sources: CardSource[], options: LoadCardsOptions): Promise<CardIndex> {
  // Every command that reads cards starts here: the place to drop temp files a failed cache write left. That is a
  // cache write too, so the app (which holds cache writes until its first frame is out) does it after the frame.
  const { cacheDir } = options;
  if (cacheDir) whenCacheWritable(() => void removeStaleCacheTemps(cacheDir, Date.now()));
  const folders: LoadedFolder[] = [];
  const metas: CardMeta[] = [];
  const problems: CardProblem[] = [];
  let filesStamp = '';
  for (const source of sources) {
    const dir = resolve(source.dir);
    if (!isFolder(dir)) {
      if (!source.optional) problems.push(folderMissing(source));
      filesStamp += missingFolderStamp(source, dir);
      continue;
    }
    const folder = await loadFolder(dir, source.origin, options);
    filesStamp += folderStamp(source, dir, folder.stamp);
    folders.push(folder);
    metas.push(...folder.metas);
    problems.push(...folder.problems);
  }
  const linked = linkCards(metas, options.scenarioIds);
  const folderOf = new Map(folders.flatMap((folder) => folder.metas.map((meta) => [meta, folder] as const)));
  const readCard = async (meta: CardMeta) => {
    const folder = folderOf.get(meta);
    return folder && (await folder.read(meta, folder.cache.body(meta.path)));
  };
  const readAll = async () => {
    const kept = new Set(linked.cards);
    const cards: Card[] = [];
    for (const folder of folders) {
      const bodies = await folder.cache.bodiesOnDemand(folder.metas.flatMap((meta) => (kept.has(meta) ? [meta.path] : [])));
      for (const meta of folder.metas) {
        if (!kept.has(meta)) continue;
        const body = bodies.get(meta.path);
        const card = body ? cardWithBodyOnDemand(meta, body, folder.cache.bodyHash(meta.path)) : await folder.read(meta, undefined);
        if (card) cards.push(card);
      }
    }
    return cards;
  };
  return { cards: linked.cards, problems: [...problems, ...linked.problems], readCard, readAll, filesStamp };
}

interface LoadedFolder {
  metas: CardMeta[];
  /** Each file's path, size, modification time and inode. */
  stamp: string;
  problems: CardProblem[];
  cache: CardCache;
  /** The card whole, from its cached body or (when that is missing) its file parsed again. */
  read(meta: CardMeta, body: CardBody | undefined): Promise<Card | undefined>;
}

async function loadFolder(dir: string, origin: CardOrigin, options: LoadCardsOptions): Promise<LoadedFolder> {
  const cache = new CardCache(options.cacheDir, dir, options.bodyReader);
  if (options.prefetchBodies) cache.prefetchBodies();
  const { files, problems } = walkCardFiles(dir);
  const stamp = filesStampOf(files);
  // The bundled cards as the build parsed them, for a first run: opened only when the cache misses one (lint, which uses no cache, parses).
  let seed: CardSeed | undefined | null = origin === 'bundled' && options.cacheDir !== undefined ? undefined : null;
  const metas: CardMeta[] = [];
  const fileOf = new Map<string, CardFile>();
  for (const file of files) {
    fileOf.set(file.path, file);
    let cached = cache.get(file.path, file.size, file.mtimeMs);
    if (!cached) {
      if (seed === undefined) seed = CardSeed.open(dir) ?? null;
      const parsed = seed?.get(file.path, file.size) ?? (await parseFile(file, dir, origin));
      cache.set(file.path, file.size, file.mtimeMs, parsed);
      cached = cache.get(file.path, file.size, file.mtimeMs)!;
    }
    if (cached.meta) metas.push(cached.meta);
    problems.push(...cached.problems);
  }
  cache.retain(new Set(files.map((file) => file.path)));
  cache.save();
  const read = async (meta: CardMeta, body: CardBody | undefined): Promise<Card | undefined> => {
    if (body) return joinCard(meta, body);
    // The body file lost this record (damaged, or written over by another run): parse the card again and keep it.
    const file = fileOf.get(meta.path);
    if (!file) return undefined;
    const parsed = await parseFile(file, dir, origin);
    cache.set(file.path, file.size, file.mtimeMs, parsed);
    cache.save();
    return parsed.card;
  };
  return { metas, stamp, problems, cache, read };
}

/**
 * The folders' stamp as loadCardIndex gives it, from their files' sizes, times and inodes alone: the card cache is not
 * read (about 1 ms of the statistics screen's first frame, which shows no card). A missing folder the cards need is
 * returned as loadCardIndex reports it.
 */
export function cardFilesStamp(sources: CardSource[]): { filesStamp: string; missing?: CardProblem } {
  let filesStamp = '';
  let missing: CardProblem | undefined;
  for (const source of sources) {
    const dir = resolve(source.dir);
    if (!isFolder(dir)) {
      if (!source.optional) missing ??= folderMissing(source);
      filesStamp += missingFolderStamp(source, dir);
      continue;
    }
    filesStamp += folderStamp(source, dir, filesStampOf(walkCardFiles(dir).files));
  }
  return missing ? { filesStamp, missing } : { filesStamp };
}

const isFolder = (dir: string): boolean => existsSync(dir) && statSync(dir).isDirectory();
const folderMissing = (source: CardSource): CardProblem => ({ level: 'error', rule: 'folder-missing', path: source.dir, message: 'is not a readable folder' });
const missingFolderStamp = (source: CardSource, dir: string): string => `\u0001${source.origin}\u0000${dir}\u0000missing`;
const folderStamp = (source: CardSource, dir: string, files: string): string => `\u0001${source.origin}\u0000${dir}${files}`;

function filesStampOf(files: readonly CardFile[]): string {
  let stamp = '';
  for (const file of files) stamp += fileStampPart(file.path, file);
  return stamp;
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
