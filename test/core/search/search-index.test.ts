import { describe, expect, it } from 'vitest';
import { parseCard } from '../../../src/core/cards/parse-card.js';
import type { Card } from '../../../src/core/cards/types.js';
import { decodeSearchIndex, encodeSearchIndex } from '../../../src/core/search/index-codec.js';
import { assembleIndex, buildSearchIndex, buildSearchIndexInSlices } from '../../../src/core/search/search-index.js';
import { searchCards } from '../../../src/core/search/search.js';
import { cardText } from '../cards/card-text.js';

function card(id: string, title: string, overview: string): Card {
  const text = cardText({
    frontmatter: `title: "${title}"\ntags: [dns]\ndifficulty: easy\nestimated_time: 5min`,
    body: `## Overview\n${overview}\n\n## When to Use\nAlways.\n\n## Trade-offs & Gotchas\n- Some.\n\n## Key Points for Interviews\n- A point.\n`,
  });
  return parseCard(text, { path: `${id}.md`, defaultId: id, defaultTopic: 'dns', origin: 'bundled' }).card!;
}

const cards = [card('ttl', 'TTLs', 'A time to live.'), card('glue', 'Glue records', 'Addresses of name servers.'), card('soa', 'The SOA record', 'Serial and minimum.')];

// Cards whose sections count their readers: a saved index gives its cards sections that load on demand.
function counted(): { cards: Card[]; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  const copies = cards.map((original) => {
    const copy = { ...original };
    Object.defineProperty(copy, 'sections', { enumerable: true, get: () => (reads.set(original.id, (reads.get(original.id) ?? 0) + 1), original.sections) });
    return copy;
  });
  return { cards: copies, reads };
}

describe('the search index', () => {
  it('reads no card sections when it is read back from its bytes', () => {
    const { cards: lazy, reads } = counted();
    const index = decodeSearchIndex(encodeSearchIndex(buildSearchIndex(cards), 'f'), lazy, 'f')!;
    expect(index.cards).toBe(lazy);
    expect([...reads.keys()]).toEqual([]);
  });

  it('reads the sections of the cards a query returns or re-ranks, not of the others', () => {
    const { cards: lazy, reads } = counted();
    const index = decodeSearchIndex(encodeSearchIndex(buildSearchIndex(cards), 'f'), lazy, 'f')!;
    expect(searchCards(index, 'glue').map((result) => result.card.id)).toEqual(['glue']);
    expect([...reads.keys()]).toEqual(['glue']);
  });

  it('makes the postings of the terms a query looks up, not of every term', () => {
    const built = buildSearchIndex(cards);
    const asked: string[] = [];
    const index = assembleIndex(built.cards, built.vocabulary, (position) => (asked.push(built.vocabulary[position]!), built.postings.get(built.vocabulary[position]!)!), built.vocabulary.map((term) => built.cardFrequency.get(term)!));
    expect(asked).toEqual([]);
    expect(searchCards(index, 'glue').map((result) => result.card.id)).toEqual(['glue']);
    expect(new Set(asked)).toEqual(new Set(['glue']));
    expect(built.vocabulary.length).toBeGreaterThan(10);
  });
});

describe('the search index built in slices', () => {
  const many = Array.from({ length: 12 }, (_, at) => card(`c${at}`, `Card ${at}`, `Overview ${at} of resolv.conf, TTLs and glue-${at % 3}.`));
  // A clock that moves 1 ms each time it is read: a slice of `sliceMs` then holds a known number of cards.
  const slicingOf = (sliceMs: number) => {
    let clock = 0;
    const pauses: number[] = [];
    return { pauses, slicing: { now: () => clock++, sliceMs, pause: async () => void pauses.push(clock) } };
  };

  it.each([
    ['a slice longer than the build', 1000, 0],
    ['a card a slice', 1, 11],
    ['two cards a slice', 2, 5],
  ])('builds the same index as the build in one go, pausing as its slices run out (%s)', async (_name, sliceMs, pauses) => {
    const { slicing, pauses: made } = slicingOf(sliceMs);
    const sliced = await buildSearchIndexInSlices(many, slicing);
    expect(made).toHaveLength(pauses);
    expect(sliced.cards).toBe(many);
    expect(encodeSearchIndex(sliced, 'f')).toEqual(encodeSearchIndex(buildSearchIndex(many), 'f'));
  });
});
