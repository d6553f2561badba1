import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
