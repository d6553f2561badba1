import { describe, expect, it } from 'vitest';
import { parseCard } from '../../../src/core/cards/parse-card.js';
import type { Card } from '../../../src/core/cards/types.js';
import { buildSearchIndex } from '../../../src/core/search/search-index.js';
import { searchCards } from '../../../src/core/search/search.js';
import { cardText } from '../cards/card-text.js';

function card(id: string, title: string, tags: string[], overview: string, difficulty = 'medium', topic = 'dns'): Card {
  const text = cardText({
    frontmatter: `title: "${title}"\ntags: [${tags.join(', ')}]\ndifficulty: ${difficulty}\nestimated_time: 10min\ntopic: ${topic}`,
    body: `## Overview\n${overview}\n\n## When to Use\nWhen needed.\n\n## Trade-offs & Gotchas\n- Some.\n\n## Key Points for Interviews\n- A point about ${title.toLowerCase()}.\n`,
  });
  const parsed = parseCard(text, { path: `${id}.md`, defaultId: id, defaultTopic: topic, origin: 'bundled' });
  if (!parsed.card) throw new Error(JSON.stringify(parsed.problems));
  return parsed.card;
}

const cards = [
  card('ttl', 'TTLs and caching', ['ttl', 'caching'], 'Every record carries a time to live that bounds how long caches keep it.'),
  card('negative', 'Negative caching', ['nxdomain', 'rfc2308'], 'Resolvers cache the absence of a name, using the SOA minimum.'),
  card('k8s', 'Kubernetes DNS', ['kubernetes', 'coredns', 'ndots'], 'Pods get a resolv.conf with ndots:5, which multiplies queries for external names.', 'hard'),
  card('body-only', 'Operating resolvers', ['operations'], 'Watch the caching hit rate and the negative answers; ndots settings matter too.', 'easy', 'ops'),
];
const index = buildSearchIndex(cards);
const ids = (query: string, options = {}) => searchCards(index, query, options).map((result) => result.card.id);

describe('searchCards', () => {
  it.each([
    ['an exact title word', 'kubernetes', 'k8s'],
    ['a tag', 'nxdomain', 'negative'],
    ['a typo', 'kuberntes', 'k8s'],
    ['a transposition', 'cahcing', 'ttl'],
    ['a prefix', 'negat', 'negative'],
    ['a compound term', 'resolv.conf', 'k8s'],
    ['several words', 'negative caching', 'negative'],
  ])('finds %s', (_name, query, expected) => {
    expect(ids(query)[0]).toBe(expected);
  });

  it('ranks a title or tag hit above a body hit', () => {
    expect(ids('ndots')).toEqual(['k8s', 'body-only']);
    const [first, second] = searchCards(index, 'ndots');
    expect(first!.matchedIn).toBe('tags');
    expect(second!.matchedIn).toBe('body');
  });

  it('names the matching section and highlights the match in the snippet', () => {
    const [result] = searchCards(index, 'multiplies');
    expect(result!.section.name).toBe('Overview');
    const [start, end] = result!.snippet.highlights[0]!;
    expect(result!.snippet.text.slice(start, end)).toBe('multiplies');
  });

  it('filters by tag, difficulty and topic', () => {
    expect(ids('caching', { topic: 'ops' })).toEqual(['body-only']);
    expect(ids('ndots', { difficulty: 'hard' })).toEqual(['k8s']);
    expect(ids('caching', { tag: 'rfc2308' })).toEqual(['negative']);
  });

  it('returns nothing for an empty or unmatched query', () => {
    expect(ids('')).toEqual([]);
    expect(ids('zzzz')).toEqual([]);
  });

  it('respects the limit', () => {
    expect(ids('caching', { limit: 1 })).toHaveLength(1);
  });
});

describe('an exact id, title or tag match', () => {
  const named = [
    card('resolvers', 'Resolvers', ['dns'], 'Resolvers resolve. Resolvers cache. Resolvers retry. Resolvers everywhere.'),
    card('caching-basics', 'Caching basics', ['resolvers'], 'A short note.'),
    card('misc', 'Assorted notes', ['caching-basics'], 'Caching basics, caching basics, caching basics again and again.'),
    card('chain', 'Chain of trust', ['dnssec'], 'Signatures all the way down.'),
  ];
  const exactIndex = buildSearchIndex(named);
  const ranked = (query: string, options = {}) => searchCards(exactIndex, query, options).map((result) => result.card.id);

  const FIRST: Record<string, { query: string; card: string }> = {
    'an id beats a title and a tag': { query: 'caching-basics', card: 'caching-basics' },
    'an id beats a tag': { query: 'resolvers', card: 'resolvers' },
    'a title, in any case and spacing': { query: 'CHAIN of   trust', card: 'chain' },
    'a tag, over a card that says the word more often': { query: 'dnssec', card: 'chain' },
  };
  it.each(Object.entries(FIRST))('comes first: %s', (_name, { query, card }) => expect(ranked(query)[0]).toBe(card));

  it('orders id, then title, then tag matches before the rest', () => {
    expect(ranked('caching basics')).toEqual(['caching-basics', 'misc']);
  });

  it('says a tag match matched in the tags, even when the body scored higher', () => {
    expect(searchCards(exactIndex, 'dnssec')[0]!.matchedIn).toBe('tags');
  });

  it('still obeys the filters and the limit', () => {
    expect(ranked('resolvers', { tag: 'resolvers' })).toEqual(['caching-basics']);
    expect(ranked('caching basics', { limit: 1 })).toEqual(['caching-basics']);
  });
});
