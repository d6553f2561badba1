import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { makeFolder } from './make-folder.js';
import type { Card, CardProblem } from '../core/cards/types.js';
import { writeCacheFileSync } from './cache-space.js';
import { builtSeedDir } from './derived-cache.js';

/** What parsing one file produced, as the cache stores it. */
export interface ParsedCardFile {
  card?: Card;
  problems: CardProblem[];
}

interface CacheEntry extends ParsedCardFile {
  size: number;
  mtimeMs: number;
}

// Bump when parsing changes what it produces, so stale caches are ignored rather than trusted.
const CACHE_FORMAT = 3;

/** A per-folder cache of parsed cards, keyed by path, size and modification time. */
export class CardCache {
  private entries: Record<string, CacheEntry> = {};
  private dirty = false;
  private readonly file: string | undefined;

  constructor(cacheDir: string | undefined, root: string) {
    this.file = cacheDir ? join(cacheDir, `cards-${CACHE_FORMAT}-${createHash('sha1').update(root).digest('hex').slice(0, 16)}.json`) : undefined;
    if (!this.file) return;
    try {
      const stored = JSON.parse(readFileSync(this.file, 'utf8')) as { format: number; entries: Record<string, CacheEntry> };
      if (stored.format === CACHE_FORMAT) this.entries = stored.entries;
    } catch {
      // A missing or damaged cache is only a slower start.
    }
  }

  /** The cached parse of a file, if its size and modification time are unchanged. */
  get(path: string, size: number, mtimeMs: number): ParsedCardFile | undefined {
    const entry = this.entries[path];
    return entry && entry.size === size && entry.mtimeMs === mtimeMs ? entry : undefined;
  }

  set(path: string, size: number, mtimeMs: number, parsed: ParsedCardFile): void {
    this.entries[path] = { size, mtimeMs, ...parsed };
    this.dirty = true;
  }

  /** Keeps only the given paths, so deleted cards leave the cache. */
  retain(paths: Set<string>): void {
    for (const path of Object.keys(this.entries)) {
      if (!paths.has(path)) {
        delete this.entries[path];
        this.dirty = true;
      }
    }
  }

  /** Writes the cache atomically (temp file and rename); failures are ignored. */
  save(): void {
    if (!this.file || !this.dirty) return;
    try {
      makeFolder(join(this.file, '..'));
      writeCacheFileSync(this.file, JSON.stringify({ format: CACHE_FORMAT, entries: this.entries }));
      this.dirty = false;
    } catch {
      // A read-only cache folder only costs speed.
    }
  }
}

/** One bundled card as the build parsed it: the SHA-1 and size of the bytes parsed, and what they gave. */
export interface CardSeedEntry {
  sha1: string;
  size: number;
  parsed: ParsedCardFile;
}

/** The name of the build's parsed bundled cards in its seed folder. */
export const CARD_SEED_FILE = `cards-${CACHE_FORMAT}.json`;

/**
 * The bundled cards as the build parsed them (dist/seed/), so a first run with an empty cache folder does not
 * parse every card; an entry is used only for a file of the same path under the bundled folder and the same bytes.
 */
export class CardSeed {
  private constructor(
    private readonly root: string,
    private readonly entries: Record<string, CardSeedEntry>,
  ) {}

  /** The build's seed for the bundled folder `root`, or undefined without a build or a readable seed. */
  static open(root: string, seedDir: string | undefined = builtSeedDir()): CardSeed | undefined {
    if (seedDir === undefined) return undefined;
    try {
      const stored = JSON.parse(readFileSync(join(seedDir, CARD_SEED_FILE), 'utf8')) as { format: number; entries: Record<string, CardSeedEntry> };
      return stored.format === CACHE_FORMAT ? new CardSeed(root, stored.entries) : undefined;
    } catch {
      return undefined;
    }
  }

  /** The seeded parse of the file at `path`, placed at that path, when its bytes are the ones the build parsed. */
  get(path: string, size: number): ParsedCardFile | undefined {
    const entry = this.entries[relative(this.root, path).split(sep).join('/')];
    if (!entry || entry.size !== size) return undefined;
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      return undefined;
    }
    if (createHash('sha1').update(bytes).digest('hex') !== entry.sha1) return undefined;
    const { card, problems } = entry.parsed;
    return { ...(card ? { card: { ...card, path } } : {}), problems: problems.map((problem) => ({ ...problem, path })) };
  }
}

/** The seed of a folder's cache file (written by a run over the bundled folder `root`): each entry keyed by its path under root, with its bytes' hash. */
export function cardSeedOf(cacheDir: string, root: string): { format: number; entries: Record<string, CardSeedEntry> } {
  const file = join(cacheDir, `cards-${CACHE_FORMAT}-${createHash('sha1').update(root).digest('hex').slice(0, 16)}.json`);
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { format: number; entries: Record<string, CacheEntry> };
  const entries: Record<string, CardSeedEntry> = {};
  for (const [path, { size, card, problems }] of Object.entries(stored.entries)) {
    entries[relative(root, path).split(sep).join('/')] = { sha1: createHash('sha1').update(readFileSync(path)).digest('hex'), size, parsed: { ...(card ? { card } : {}), problems } };
  }
  return { format: CACHE_FORMAT, entries };
}
