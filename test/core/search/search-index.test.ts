import { describe, expect, it } from 'vitest';
import { parseCard } from '../../../src/core/cards/parse-card.js';
import { decodeSearchIndex, encodeSearchIndex } from '../../../src/core/search/index-codec.js';
import { buildSearchIndex } from '../../../src/core/search/search-index.js';
import { cardText } from '../cards/card-text.js';

const parsed = parseCard(cardText({ frontmatter: 'title: "TTLs"\ntags: [ttl]\ndifficulty: easy\nestimated_time: 5min', body: '## Overview\nA time to live.\n\n## When to Use\nAlways.\n\n## Trade-offs & Gotchas\n- Some.\n\n## Key Points for Interviews\n- Caches count it down.\n' }), {
  path: 'ttl.md',
  defaultId: 'ttl',
  defaultTopic: 'dns',
  origin: 'bundled',
});
const cards = [parsed.card!];

describe('the search index', () => {
  // Copying every section of every card cost 10,000-card starts about 20 ms for objects equal to the card's own.
  it.each([
    ['built', () => buildSearchIndex(cards)],
    ['read back from its bytes', () => decodeSearchIndex(encodeSearchIndex(buildSearchIndex(cards), 'f'), cards, 'f')!],
  ])('shares the sections of the cards when %s', (_name, make) => {
    const index = make();
    expect(index.sections).toHaveLength(1);
    expect(index.sections[0]).toBe(cards[0]!.sections);
    expect(index.sections[0]!.map((section) => section.name)).toContain('Overview');
  });
});
