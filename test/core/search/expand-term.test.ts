import { describe, expect, it } from 'vitest';
import { parseCard } from '../../../src/core/cards/parse-card.js';
import { expandTerm } from '../../../src/core/search/expand-term.js';
import { buildSearchIndex, type SearchIndex } from '../../../src/core/search/search-index.js';
import { cardText } from '../cards/card-text.js';

// One card naming many words that begin with "dns", each in a different number of cards below.
const words = Array.from({ length: 30 }, (_, at) => `dns${String.fromCharCode(97 + (at % 26))}${at}`);
const cards = words.map((_, at) => {
  const text = cardText({
    frontmatter: `title: "Card ${at}"\ntags: [t${at}]\ndifficulty: medium\nestimated_time: 10min\ntopic: dns`,
    body: `## Overview\ndns ${words.slice(0, at + 1).join(' ')}\n\n## When to Use\nWhen needed.\n\n## Trade-offs & Gotchas\n- Some.\n\n## Key Points for Interviews\n- A point.\n`,
  });
  const parsed = parseCard(text, { path: `c${at}.md`, defaultId: `c${at}`, defaultTopic: 'dns', origin: 'bundled' });
  if (!parsed.card) throw new Error(JSON.stringify(parsed.problems));
  return parsed.card;
});

// The index with its frequency lookups counted.
function countingIndex(): { index: SearchIndex; lookups: () => number } {
  const index = buildSearchIndex(cards);
  let lookups = 0;
  const { cardFrequency } = index;
  return {
    index: { ...index, cardFrequency: { has: cardFrequency.has, get: (term) => (lookups++, cardFrequency.get(term)) } },
    lookups: () => lookups,
  };
}

describe('expandTerm', () => {
  it('orders the prefix matches by how many cards hold them, most first', () => {
    const { index } = countingIndex();
    const matches = expandTerm(index, 'dns');
    expect(matches[0]).toEqual({ term: 'dns', quality: 1 });
    const frequencies = matches.filter((match) => match.quality === matches[1]!.quality).map((match) => index.cardFrequency.get(match.term)!);
    expect(frequencies.length).toBeGreaterThan(1);
    expect(frequencies).toEqual([...frequencies].sort((a, b) => b - a));
  });

  it('looks up each match’s frequency once to order them, not in every comparison', () => {
    const { index, lookups } = countingIndex();
    const matches = expandTerm(index, 'dns');
    expect(matches.length).toBe(31);
    expect(lookups()).toBeLessThanOrEqual(matches.length);
  });
});
