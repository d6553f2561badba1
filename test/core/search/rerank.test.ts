import Fuse, { type FuseIndex } from 'fuse.js';
import { describe, expect, it, vi } from 'vitest';
import { parseCard } from '../../../src/core/cards/parse-card.js';
import type { Card } from '../../../src/core/cards/types.js';
import { withoutQuizComments } from '../../../src/core/markdown/author-comments.js';
import { rerankWithFuse } from '../../../src/core/search/rerank.js';
import { buildSearchIndex, type SearchIndex } from '../../../src/core/search/search-index.js';
import { searchCards } from '../../../src/core/search/search.js';
import { cardText } from '../cards/card-text.js';

// Every fuse.js instance made anywhere in the process is counted, whoever makes it.
const constructed = vi.hoisted(() => ({ count: 0, handed: 0 }));
vi.mock('fuse.js', async (importOriginal) => {
  const { default: RealFuse } = await importOriginal<typeof import('fuse.js')>();
  class CountedFuse<T> extends RealFuse<T> {
    constructor(...args: ConstructorParameters<typeof RealFuse<T>>) {
      super(...args);
      constructed.count += 1;
    }

    override setCollection(docs: readonly T[], index?: FuseIndex<T>) {
      constructed.handed += docs.length;
      super.setCollection(docs, index);
    }
  }
  return { default: CountedFuse };
});

function card(id: string, title: string, tags: string[], overview: string, point: string): Card {
  const text = cardText({
    frontmatter: `title: "${title}"\ntags: [${tags.join(', ')}]\ndifficulty: medium\nestimated_time: 10min\ntopic: dns`,
    body: `## Overview\n${overview}\n\n## When to Use\nWhen needed.\n\n## Trade-offs & Gotchas\n- Some.\n\n## Key Points for Interviews\n- ${point}\n`,
  });
  const parsed = parseCard(text, { path: `${id}.md`, defaultId: id, defaultTopic: 'dns', origin: 'bundled' });
  if (!parsed.card) throw new Error(JSON.stringify(parsed.problems));
  return parsed.card;
}

const cards = [
  card('ttl', 'TTLs and caching', ['ttl', 'caching'], 'Every record carries a time to live.', 'Caches count the TTL down.'),
  card('negative', 'Negative caching', ['nxdomain', 'rfc2308'], 'Resolvers cache the absence of a name.', 'The SOA minimum bounds a negative answer.'),
  card('k8s', 'Kubernetes DNS', ['kubernetes', 'coredns', 'ndots'], 'Pods get a resolv.conf with ndots:5.', 'Five dots multiply the queries for external names.'),
  card('ops', 'Operating resolvers', ['operations'], 'Watch the caching hit rate.', 'Negative answers and ndots settings matter too.'),
];

// The re-ranker as it was before it kept its fuse.js instance: a new one over the shortlist on every query.
function rerankFromScratch(index: SearchIndex, cardIndexes: number[], query: string): number[] {
  const records = cardIndexes.map((cardIndex) => ({
    title: index.cards[cardIndex]!.title,
    tags: index.cards[cardIndex]!.tags,
    headings: index.cards[cardIndex]!.sections.map((section) => section.name),
    keyPoints: index.cards[cardIndex]!.keyPoints.map((point) => withoutQuizComments(point.markdown)),
  }));
  const keys = [{ name: 'title', weight: 4 }, { name: 'tags', weight: 3 }, { name: 'headings', weight: 1.5 }, { name: 'keyPoints', weight: 1.5 }];
  const fuse = new Fuse(records, { keys, includeScore: true, ignoreLocation: true, threshold: 0.35, useExtendedSearch: true });
  const boosts = new Array<number>(cardIndexes.length).fill(1);
  for (const result of fuse.search(query)) boosts[result.refIndex] = 1.5 - 0.5 * Math.min(1, result.score ?? 1);
  return boosts;
}

const QUERIES: [string, number[]][] = [
  ['caching', [0, 1, 3]],
  ['negative caching', [1, 0, 3]],
  ['kubernets', [2, 3]],
  ['caching', [3, 1, 0, 2]],
  ['soa minimum', [1]],
  ['nothing matches this', [0, 1, 2, 3]],
];

describe('rerankWithFuse', () => {
  it.each(QUERIES)('gives %s over shortlist %j the boosts a fresh fuse.js instance gives', (query, shortlist) => {
    const index = buildSearchIndex(cards);
    const boosts = rerankWithFuse(index, shortlist, query);
    expect(boosts).toEqual(rerankFromScratch(index, shortlist, query));
    expect(boosts.some((boost) => boost > 1) || query === 'nothing matches this').toBe(true);
  });

  it('builds one fuse.js instance per index and reuses it for every query and search', () => {
    const index = buildSearchIndex(cards);
    const before = constructed.count;
    for (const [query, shortlist] of QUERIES) rerankWithFuse(index, shortlist, query);
    for (const query of ['ttl', 'ndots', 'negative', 'kubernetes dns']) searchCards(index, query);
    expect(constructed.count - before).toBe(1);
    const other = buildSearchIndex(cards.slice(0, 2));
    rerankWithFuse(other, [0, 1], 'caching');
    rerankWithFuse(other, [1, 0], 'negative');
    expect(constructed.count - before).toBe(2);
  });
});

describe('searchCards re-ranking only what it prints', () => {
  // Four cards name the word in their title, the rest only mention it once in their body: far below, whatever fuse.js says of them.
  const deck = Array.from({ length: 24 }, (_, at) =>
    at < 4 ? card(`title-${at}`, `Resolver ${at}`, ['resolver'], `A resolver of kind ${at}.`, `Resolver point ${at}.`) : card(`body-${at}`, `Card ${at}`, [`tag${at}`], `Once a resolver, filler text ${at}.`, `Point ${at}.`),
  );
  const index = buildSearchIndex(deck);
  const results = (query: string, limit: number) => searchCards(index, query, { limit }).map((result) => [result.card.id, result.score]);

  it.each([
    ['resolver', 1],
    ['resolver', 3],
    ['resolver', 5],
    ['resolvr', 3],
    ['resolver kind', 2],
    ['filler', 4],
    ['resolver-0', 2],
  ])('gives %s with limit %i the first results, scores and all, of a search that re-ranks the whole shortlist', (query, limit) => {
    // The shortlist holds 20 cards, so a limit of 20 re-ranks every card on it.
    expect(results(query, limit)).toEqual(results(query, 20).slice(0, limit));
  });

  it('hands fuse.js none of the cards that cannot reach the printed results', () => {
    const before = constructed.handed;
    results('resolver', 3);
    const handed = constructed.handed - before;
    expect(handed).toBeGreaterThanOrEqual(3);
    expect(handed).toBeLessThan(20);
  });
});
