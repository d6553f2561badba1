import Fuse from 'fuse.js';
import { withoutQuizComments } from '../markdown/author-comments.js';
import type { SearchIndex } from './search-index.js';

/**
 * Re-scores a shortlist with fuse.js over a card's prominent fields (title and tags weigh most,
 * then headings and key points), returning a multiplier per card: up to 1.5 for a close fuzzy
 * match, 1 when fuse finds nothing. Body text is left to the index, which already scored it:
 * running fuse over whole bodies tripled the cost of a query at start-up.
 */
export function rerankWithFuse(index: SearchIndex, cardIndexes: number[], query: string): number[] {
  if (cardIndexes.length === 0) return [];
  const records = cardIndexes.map((cardIndex) => {
    const card = index.cards[cardIndex]!;
    const sections = index.sections[cardIndex]!;
    // The quiz comments are not the point's text: a word of a wrong option must not rank the card.
    const keyPoints = card.keyPoints.map((point) => withoutQuizComments(point.markdown));
    return {
      title: card.title,
      tags: card.tags,
      headings: sections.map((section) => section.name),
      keyPoints,
    };
  });
  const fuse = new Fuse(records, {
    keys: [
      { name: 'title', weight: 4 },
      { name: 'tags', weight: 3 },
      { name: 'headings', weight: 1.5 },
      { name: 'keyPoints', weight: 1.5 },
    ],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.35,
    useExtendedSearch: true,
  });
  const boosts = new Array<number>(cardIndexes.length).fill(1);
  // Extended search ANDs space-separated terms, each matched fuzzily.
  for (const result of fuse.search(query)) boosts[result.refIndex] = 1.5 - 0.5 * Math.min(1, result.score ?? 1);
  return boosts;
}
