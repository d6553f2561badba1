import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { makeFolder } from './make-folder.js';
import type { Card, CardProblem } from '../core/cards/types.js';
import { writeCacheFileSync } from './cache-space.js';

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
const CACHE_FORMAT = 4;

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
