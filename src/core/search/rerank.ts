import Fuse from 'fuse.js';
import type { Card } from '../cards/types.js';
import type { SearchIndex } from './search-index.js';

const BODY_CHARS = 4000;

/**
 * Re-scores a shortlist with fuse.js over the card's fields (title and tags weigh most), returning
 * a multiplier per card: up to 1.5 for a close fuzzy match, 1 when fuse finds nothing.
 */
export function rerankWithFuse(cards: Card[], index: SearchIndex, cardIndexes: number[], query: string): number[] {
  if (cards.length === 0) return [];
  const records = cards.map((card, position) => {
    const sections = index.sections[cardIndexes[position]!]!;
    return {
      title: card.title,
      tags: card.tags,
      headings: sections.map((section) => section.name),
      keyPoints: sections.filter((section) => section.kind === 'key-points').map((section) => section.plain),
      body: sections.map((section) => section.plain).join(' ').slice(0, BODY_CHARS),
    };
  });
  const fuse = new Fuse(records, {
    keys: [
      { name: 'title', weight: 4 },
      { name: 'tags', weight: 3 },
      { name: 'headings', weight: 1.5 },
      { name: 'keyPoints', weight: 1.5 },
      { name: 'body', weight: 1 },
    ],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.35,
    useExtendedSearch: true,
  });
  const boosts = new Array<number>(cards.length).fill(1);
  // Extended search ANDs space-separated terms, each matched fuzzily.
  for (const result of fuse.search(query)) boosts[result.refIndex] = 1.5 - 0.5 * Math.min(1, result.score ?? 1);
  return boosts;
}
