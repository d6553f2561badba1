import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeFolder } from './make-folder.js';
import type { Card, CardProblem } from '../core/cards/types.js';
import { bodyHash } from '../core/cards/card-parts.js';
import { decodeSearchIndex, encodeSearchIndex } from '../core/search/index-codec.js';
import { decodeSavedSearch, encodeSavedSearch, type SavedSearch } from '../core/search/saved-search.js';
import { buildSearchIndex, buildSearchIndexInSlices, type SearchIndex } from '../core/search/search-index.js';
import { removeStaleCacheTemps, writeCacheFileSync } from './cache-space.js';
import { keyHash, textHash } from '../core/text/text-hash.js';
import { builtSeedDir, currentBuildId } from './derived-cache.js';
import type { CardSource } from './load-cards.js';
import { walkCardFiles } from './walk-card-files.js';
import type { Slicing } from '../core/slicing/slicing.js';

/**
 * The search index for these cards: read from the cache when the cards are unchanged, else from the build's seed
 * (the index of the bundled cards, made by the build under the same name), else built and saved.
 */
export function loadSearchIndex(cards: Card[], cacheDir: string | undefined, seedDir: string | undefined = builtSeedDir()): SearchIndex {
  // Even for the 32 bundled cards, a cold start builds the index in about 25 ms and reads it in about 2.
  const stored = storedIndex(cards, cacheDir, seedDir);
  if (stored.index) return stored.index;
  return saved(stored, buildSearchIndex(cards), cards);
}

/** As loadSearchIndex, but an index that must be built is built in slices (core/search buildSearchIndexInSlices), so the app keeps handling keys meanwhile. */
export async function loadSearchIndexInSlices(cards: Card[], cacheDir: string | undefined, slicing: Slicing, seedDir: string | undefined = builtSeedDir()): Promise<SearchIndex> {
  const stored = storedIndex(cards, cacheDir, seedDir);
  if (stored.index) return stored.index;
  const index = await buildSearchIndexInSlices(cards, slicing);
  // Encoding and writing the index is a task of its own, not the end of the last slice.
  await slicing.pause();
  return saved(stored, index, cards);
}

// The index when a cache or the seed already holds it, else the cache folder a built one is saved in.
interface StoredIndex {
  index?: SearchIndex;
  /** Absent without a cache folder or cards: the index is then built and not saved. */
  saveIn?: string;
}

function storedIndex(cards: Card[], cacheDir: string | undefined, seedDir: string | undefined): StoredIndex {
  if (!cacheDir || cards.length === 0) return {};
  const fingerprint = fingerprintOf(cards);
  const name = indexFileName(fingerprint);
  const file = join(cacheDir, name);
  for (const stored of seedDir === undefined ? [file] : [file, join(seedDir, name)]) {
    try {
      const cached = decodeSearchIndex(readFileSync(stored), cards, fingerprint);
      if (cached) return { index: cached };
    } catch {
      // Not there: the seed next, else build it.
    }
  }
  return { saveIn: cacheDir };
}

// Saves a built index where storedIndex looked for it (replacing older indexes), and returns it. The fingerprint is taken
// again: a body that could not be read while building was indexed empty, and its hash is now the empty body's.
function saved({ saveIn }: StoredIndex, index: SearchIndex, cards: Card[]): SearchIndex {
  if (!saveIn) return index;
  const fingerprint = fingerprintOf(cards);
  try {
    makeFolder(saveIn);
    for (const old of readdirSync(saveIn)) if (old.startsWith('search-index-')) rmSync(join(saveIn, old), { force: true });
    writeCacheFileSync(join(saveIn, indexFileName(fingerprint)), encodeSearchIndex(index, fingerprint));
  } catch {
    // A read-only cache only costs the next start some time.
  }
  return index;
}

const indexFileName = (fingerprint: string) => `search-index-${fingerprint.slice(0, 16)}.bin`;

// Everything the index is built from, so any edit to any card gives a new fingerprint: the body by its hash, which the
// card cache stores, so a saved index is found without reading a body. keyHash, not node:crypto: the app reads the index
// just after its first frame, where loading node:crypto (about 2 ms) held the first key typed.
function fingerprintOf(cards: Card[]): string {
  return keyHash(cards.map((card) => `${card.id}\u0000${card.title}\u0000${card.tags.join(' ')}\u0000${bodyHash(card)}`).join('\u0000'));
}

/** Where a saved search would be for the card folders as they are now: its key, or undefined when it cannot be trusted. */
export interface SavedSearchLookup {
  key?: string;
  saved?: SavedSearch;
}

/**
 * The saved search for the card folders as they are now, found without loading any card: the key is every
 * folder's files with their sizes and modification times (what the card cache trusts) and this build's id,
 * so any edit, a new or removed file, or another build misses. No key without a build or a cache folder,
 * or when a folder that must exist does not (loading the cards reports that).
 */
export async function readSavedSearch(sources: CardSource[], cacheDir: string | undefined, buildId = currentBuildId()): Promise<SavedSearchLookup> {
  if (!cacheDir || buildId === undefined) return {};
  await removeStaleCacheTemps(cacheDir, Date.now());
  let listing = buildId;
  for (const source of sources) {
    const dir = resolve(source.dir);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      if (!source.optional) return {};
      listing += `\u0001${source.origin}\u0000${dir}\u0000missing`;
      continue;
    }
    listing += `\u0001${source.origin}\u0000${dir}`;
    for (const file of walkCardFiles(dir).files) listing += `\u0000${file.path}\u0000${file.size}\u0000${file.mtimeMs}`;
  }
  // Not node:crypto: loading it cost a warm search more than the rest of its start-up checks.
  const key = textHash(listing);
  try {
    return { key, saved: decodeSavedSearch(readFileSync(savedSearchFile(cacheDir, key)), key) };
  } catch {
    return { key };
  }
}

/** Saves the cards, their index and the card errors under a key from readSavedSearch, replacing any other saved search. */
export function saveSearch(cacheDir: string, key: string, cards: Card[], index: SearchIndex, problems: CardProblem[]): void {
  try {
    makeFolder(cacheDir);
    for (const old of readdirSync(cacheDir)) if (old.startsWith('saved-search-')) rmSync(join(cacheDir, old), { force: true });
    writeCacheFileSync(savedSearchFile(cacheDir, key), encodeSavedSearch(key, cards, index, problems));
  } catch {
    // A read-only cache only costs the next search some time.
  }
}

function savedSearchFile(cacheDir: string, key: string): string {
  return join(cacheDir, `saved-search-${key.slice(0, 16)}.bin`);
}
