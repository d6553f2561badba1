import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { makeFolder } from './make-folder.js';
import type { Card, CardBody, CardMeta, CardProblem } from '../core/cards/types.js';
import { bodyHashOf, joinCard, splitCard } from '../core/cards/card-parts.js';
import { cacheHash, removeOtherFormats, whenCacheWritable, writeCacheFileSync } from './cache-space.js';
import { sha1Hex } from '../core/text/sha1.js';
import { builtSeedDir } from './derived-cache.js';
import { CardBodyStore, removeOtherBodyFiles, type BodySpan, type SpanReader } from './card-body-store.js';
import { fromTextSlices, toTextSlices } from '../core/text/text-slices.js';

/** What parsing one file produced, as the cache stores it. */
export interface ParsedCardFile {
  card?: Card;
  problems: CardProblem[];
}

/** A file's cached parse without the card's body: what listing and linking need. */
export interface CachedCardMeta {
  meta?: CardMeta;
  problems: CardProblem[];
}

interface IndexEntry extends CachedCardMeta {
  size: number;
  mtimeMs: number;
  /** Where the body lies in the body file; missing until the body is written. */
  body?: BodySpan;
  /** The body's hash (core/cards/card-parts bodyHashOf), which keys what is made from it without reading it. */
  bodyHash?: string;
}

// Bump when parsing changes what it produces, so stale caches are ignored rather than trusted.
const CACHE_FORMAT = 6;

// The body file grows by appends; past this share of dead records (replaced or removed cards) it is rewritten.
const MAX_DEAD_SHARE = 0.5;

/** A per-folder cache of parsed cards, keyed by path, size and modification time: an index of metadata, and bodies read one at a time. */
export class CardCache {
  private entries: Record<string, IndexEntry> = {};
  private readonly pending = new Map<string, CardBody>();
  private dirty = false;
  private readonly file: string | undefined;
  private readonly prefix: string;
  /** The folder's part of the cache's file names, the same under every format. */
  private readonly folderKey: string;
  private readonly bodies: CardBodyStore | undefined;
  /** No index of this format was read: the first save also removes this folder's caches of other formats. */
  private firstOfFormat = true;

  constructor(cacheDir: string | undefined, root: string, reader?: SpanReader) {
    this.folderKey = sha1Hex(root).slice(0, 16);
    this.prefix = `cards-${CACHE_FORMAT}-${this.folderKey}`;
    this.file = cacheDir ? join(cacheDir, `${this.prefix}.json`) : undefined;
    if (!cacheDir || !this.file) return;
    let bodyName = newBodyName(this.prefix);
    try {
      const stored = JSON.parse(readFileSync(this.file, 'utf8')) as { format: number; bodies: string; entries: Record<string, IndexEntry> };
      // The body file's name comes from the index: only a plain name of this folder's cache is followed.
      if (stored.format === CACHE_FORMAT && isBodyName(stored.bodies, this.prefix)) {
        this.entries = stored.entries;
        bodyName = stored.bodies;
        this.firstOfFormat = false;
      }
    } catch {
      // A missing or damaged cache is only a slower start.
    }
    this.bodies = new CardBodyStore(join(cacheDir, bodyName), reader);
  }

  /** Starts reading the body file for a bodiesOnDemand to come (CardBodyStore.prefetch). */
  prefetchBodies(): void {
    this.bodies?.prefetch();
  }

  /** The cached metadata of a file, if its size and modification time are unchanged. */
  get(path: string, size: number, mtimeMs: number): CachedCardMeta | undefined {
    const entry = this.entries[path];
    return entry && entry.size === size && entry.mtimeMs === mtimeMs ? entry : undefined;
  }

  /** The stored hash of a cached card's body (bodyHashOf), read without the body. */
  bodyHash(path: string): string | undefined {
    return this.entries[path]?.bodyHash;
  }

  /** The body of a cached card, read alone from the body file; undefined when it is not there or not this file's. */
  body(path: string): CardBody | undefined {
    const pending = this.pending.get(path);
    if (pending) return pending;
    const entry = this.entries[path];
    return entry?.body && this.bodies?.read({ path, size: entry.size, mtimeMs: entry.mtimeMs }, entry.body);
  }

  /** The bodies of many cached cards, the body file read once. */
  bodiesOf(paths: string[]): Map<string, CardBody> {
    const wanted = paths.flatMap((path) => {
      const entry = this.entries[path];
      return entry?.body && !this.pending.has(path) ? [{ key: { path, size: entry.size, mtimeMs: entry.mtimeMs }, span: entry.body }] : [];
    });
    const found = wanted.length && this.bodies ? this.bodies.readMany(wanted) : new Map<string, CardBody>();
    for (const path of paths) {
      const pending = this.pending.get(path);
      if (pending) found.set(path, pending);
    }
    return found;
  }

  /** As bodiesOf, but each body is parsed only when first asked for (the body file read once, off the main thread, each record's key checked now). */
  async bodiesOnDemand(paths: string[]): Promise<Map<string, () => CardBody | undefined>> {
    const wanted = paths.flatMap((path) => {
      const entry = this.entries[path];
      return entry?.body && !this.pending.has(path) ? [{ key: { path, size: entry.size, mtimeMs: entry.mtimeMs }, span: entry.body }] : [];
    });
    const found = this.bodies ? await this.bodies.readOnDemand(wanted) : new Map<string, () => CardBody | undefined>();
    for (const path of paths) {
      const pending = this.pending.get(path);
      if (pending) found.set(path, () => pending);
    }
    return found;
  }

  set(path: string, size: number, mtimeMs: number, parsed: ParsedCardFile): void {
    const entry: IndexEntry = { size, mtimeMs, problems: parsed.problems };
    if (parsed.card) {
      const { meta, body } = splitCard(parsed.card);
      entry.meta = meta;
      entry.bodyHash = bodyHashOf(body);
      this.pending.set(path, body);
    } else {
      this.pending.delete(path);
    }
    this.entries[path] = entry;
    this.dirty = true;
  }

  /** Every cached file with its whole parse (metadata and body joined): what the build ships as the seed. */
  allParsed(): { path: string; size: number; parsed: ParsedCardFile }[] {
    const bodies = this.bodiesOf(Object.keys(this.entries));
    return Object.entries(this.entries).map(([path, entry]) => {
      const body = bodies.get(path);
      return { path, size: entry.size, parsed: { ...(entry.meta && body ? { card: joinCard(entry.meta, body) } : {}), problems: entry.problems } };
    });
  }

  /** Keeps only the given paths, so deleted cards leave the cache. */
  retain(paths: Set<string>): void {
    for (const path of Object.keys(this.entries)) {
      if (!paths.has(path)) {
        delete this.entries[path];
        this.pending.delete(path);
        this.dirty = true;
      }
    }
  }

  /** Appends new bodies, rewrites the body file when it is mostly dead records, then writes the index atomically; failures are ignored. Waits while cache writes are held. */
  save(): void {
    whenCacheWritable(() => this.saveNow());
  }

  private saveNow(): void {
    if (!this.file || !this.bodies || !this.dirty) return;
    try {
      makeFolder(join(this.file, '..'));
      const compacted = this.writeBodies(this.bodies);
      writeCacheFileSync(this.file, JSON.stringify({ format: CACHE_FORMAT, bodies: basename(this.bodies.file), entries: this.entries }));
      // The old body file goes only now: until the new index was written, a reader of the old one still found its bodies there.
      if (compacted) removeOtherBodyFiles(this.bodies.file, this.prefix);
      // An upgrade that changed the format leaves the old index and bodies, about 0.8 MB for the bundled cards.
      if (this.firstOfFormat) removeOtherFormats(dirname(this.file), 'cards', CACHE_FORMAT, this.folderKey, /(?:\.json|-[a-z0-9]+\.bodies)/);
      this.firstOfFormat = false;
      this.dirty = false;
      this.pending.clear();
    } catch {
      // A read-only cache folder only costs speed.
    }
  }

  // Returns whether the body file was rewritten under a new name.
  private writeBodies(bodies: CardBodyStore): boolean {
    const appended = [...this.pending].flatMap(([path, body]) => {
      const entry = this.entries[path];
      return entry ? [{ key: { path, size: entry.size, mtimeMs: entry.mtimeMs }, body }] : [];
    });
    const spans = appended.length ? bodies.append(appended) : [];
    appended.forEach(({ key }, i) => {
      const span = spans?.[i];
      if (span) this.entries[key.path]!.body = span;
      else delete this.entries[key.path]!.body;
    });
    const live = Object.entries(this.entries).flatMap(([path, entry]) => (entry.body ? [{ key: { path, size: entry.size, mtimeMs: entry.mtimeMs }, span: entry.body }] : []));
    const liveBytes = live.reduce((sum, { span }) => sum + span[1], 0);
    if (bodies.size() * MAX_DEAD_SHARE <= liveBytes) return false;
    const moved = bodies.compact(live, join(bodies.file, '..', newBodyName(this.prefix)));
    for (const { key } of live) {
      const span = moved.get(key.path);
      if (span) this.entries[key.path]!.body = span;
      else delete this.entries[key.path]!.body;
    }
    return true;
  }
}

function newBodyName(prefix: string): string {
  return `${prefix}-${process.pid.toString(36)}${Date.now().toString(36)}.bodies`;
}

function isBodyName(name: unknown, prefix: string): name is string {
  return typeof name === 'string' && name.startsWith(`${prefix}-`) && name.endsWith('.bodies') && !/[/\\]/.test(name) && !name.includes('..');
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
    if (cacheHash('sha1').update(bytes).digest('hex') !== entry.sha1) return undefined;
    // The seed stores the card's Markdown as places in its file (the package ships that file anyway): read them back.
    const { card, problems } = fromTextSlices<ParsedCardFile>(entry.parsed, bytes.toString('utf8'));
    return { ...(card ? { card: { ...card, path } } : {}), problems: problems.map((problem) => ({ ...problem, path })) };
  }
}

/** The seed of a folder's cache file (written by a run over the bundled folder `root`): each entry keyed by its path under root, with its bytes' hash, its long strings stored as places in the card's file. */
export function cardSeedOf(cacheDir: string, root: string): { format: number; entries: Record<string, CardSeedEntry> } {
  const entries: Record<string, CardSeedEntry> = {};
  for (const { path, size, parsed } of new CardCache(cacheDir, root).allParsed()) {
    const bytes = readFileSync(path);
    const sliced = toTextSlices(parsed, bytes.toString('utf8')) as ParsedCardFile;
    entries[relative(root, path).split(sep).join('/')] = { sha1: cacheHash('sha1').update(bytes).digest('hex'), size, parsed: sliced };
  }
  return { format: CACHE_FORMAT, entries };
}
