import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyHashOf, cardWithBodyOnDemand, splitCard } from '../../src/core/cards/card-parts.js';
import { parseCard } from '../../src/core/cards/parse-card.js';
import type { Card } from '../../src/core/cards/types.js';
import { loadSearchIndex, loadSearchIndexInSlices } from '../../src/io/search-index-cache.js';
import { cardText } from '../core/cards/card-text.js';

function card(at: number): Card {
  const text = cardText({
    frontmatter: `title: "Card ${at}"\ntags: [dns]\ndifficulty: easy\nestimated_time: 5min`,
    body: `## Overview\nOverview ${at}: TTLs, glue and resolv.conf.\n\n## When to Use\nAlways.\n\n## Trade-offs & Gotchas\n- Some.\n\n## Key Points for Interviews\n- Point ${at}.\n`,
  });
  return parseCard(text, { path: `c${at}.md`, defaultId: `c${at}`, defaultTopic: 'dns', origin: 'content' }).card!;
}

const cards = Array.from({ length: 8 }, (_, at) => card(at));

// Every read of the clock moves it 1 ms, so a 1 ms slice pauses between every two cards.
function slicing() {
  let clock = 0;
  const made = { pauses: 0 };
  return { made, slicing: { now: () => clock++, sliceMs: 1, pause: async () => void made.pauses++ } };
}

const indexFiles = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('search-index-'));

describe('the search index loaded for the app, built in slices', () => {
  it('saves the same index file as a build in one go, pausing between cards and before the save', async () => {
    const whole = mkdtempSync(join(tmpdir(), 'swelearn-index-whole-'));
    const sliced = mkdtempSync(join(tmpdir(), 'swelearn-index-sliced-'));
    loadSearchIndex(cards, whole, undefined);
    const { made, slicing: slices } = slicing();
    const index = await loadSearchIndexInSlices(cards, sliced, slices, undefined);
    expect(index.cards).toBe(cards);
    expect(made.pauses).toBe(cards.length);
    expect(indexFiles(sliced)).toEqual(indexFiles(whole));
    expect(readFileSync(join(sliced, indexFiles(sliced)[0]!))).toEqual(readFileSync(join(whole, indexFiles(whole)[0]!)));
  });

  it('reads a saved index without pausing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swelearn-index-saved-'));
    loadSearchIndex(cards, dir, undefined);
    const { made, slicing: slices } = slicing();
    const index = await loadSearchIndexInSlices(cards, dir, slices, undefined);
    expect(made.pauses).toBe(0);
    expect(index.vocabulary).toEqual(loadSearchIndex(cards, dir, undefined).vocabulary);
  });
});

describe('the key of a saved search index', () => {
  // The cards as the card cache gives them: the body read on demand, with the hash the cache stored beside the metadata.
  function cached(whole: Card[], reads: string[], unreadable = new Set<string>()): Card[] {
    return whole.map((full) => {
      const { meta, body } = splitCard(full);
      return cardWithBodyOnDemand(meta, () => (reads.push(full.id), unreadable.has(full.id) ? undefined : body), bodyHashOf(body));
    });
  }

  it('finds the saved index without reading a card body, and misses it when a body changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'swelearn-index-key-'));
    loadSearchIndex(cards, dir, undefined);
    const reads: string[] = [];
    const index = loadSearchIndex(cached(cards, reads), dir, undefined);
    expect(index.cards).toHaveLength(cards.length);
    expect(reads).toEqual([]);
    const edited = cards.map((full, at) => (at === 3 ? { ...full, sections: full.sections.map((section) => ({ ...section, markdown: `${section.markdown} Edited.` })) } : full));
    loadSearchIndex(cached(edited, reads), dir, undefined);
    expect(reads.length).toBeGreaterThan(0);
    expect(indexFiles(dir)).toHaveLength(1);
  });

  it('does not keep an index built while a body could not be read under the key of the readable card', () => {
    const dir = mkdtempSync(join(tmpdir(), 'swelearn-index-unreadable-'));
    loadSearchIndex(cached(cards, [], new Set(['c2'])), dir, undefined);
    const [built] = indexFiles(dir);
    const whole = mkdtempSync(join(tmpdir(), 'swelearn-index-readable-'));
    loadSearchIndex(cards, whole, undefined);
    expect(built).toBeDefined();
    expect(indexFiles(whole)).not.toEqual([built]);
  });
});
