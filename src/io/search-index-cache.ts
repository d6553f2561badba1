import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeFolder } from './make-folder.js';
import type { Card } from '../core/cards/types.js';
import { decodeSearchIndex, encodeSearchIndex } from '../core/search/index-codec.js';
import { buildSearchIndex, type SearchIndex } from '../core/search/search-index.js';
import { writeCacheFileSync } from './cache-space.js';


/** The search index for these cards: read from the cache when the cards are unchanged, else built and saved. */
export function loadSearchIndex(cards: Card[], cacheDir: string | undefined): SearchIndex {
  // Even for the 32 bundled cards, a cold start builds the index in about 25 ms and reads it in about 2.
  if (!cacheDir || cards.length === 0) return buildSearchIndex(cards);
  const fingerprint = fingerprintOf(cards);
  const file = join(cacheDir, `search-index-${fingerprint.slice(0, 16)}.bin`);
  try {
    const cached = decodeSearchIndex(readFileSync(file), cards, fingerprint);
    if (cached) return cached;
  } catch {
    // No cache yet: build it below.
  }
  const index = buildSearchIndex(cards);
  try {
    makeFolder(cacheDir);
    for (const old of readdirSync(cacheDir)) if (old.startsWith('search-index-')) rmSync(join(cacheDir, old), { force: true });
    writeCacheFileSync(file, encodeSearchIndex(index, fingerprint));
  } catch {
    // A read-only cache only costs the next start some time.
  }
  return index;
}

// Everything the index is built from, so any edit to any card gives a new fingerprint. One update per
// card: for 10,000 cards, an update per section spent more time crossing into the hash than hashing.
function fingerprintOf(cards: Card[]): string {
  const hash = createHash('sha1');
  for (const card of cards) {
    let text = `${card.id}\u0000${card.title}\u0000${card.tags.join(' ')}\u0000`;
    for (const section of card.sections) text += `${section.name}\u0000${section.markdown}\u0000`;
    hash.update(text);
  }
  return hash.digest('hex');
}
