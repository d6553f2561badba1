import { describe, expect, it } from 'vitest';
import { renderCard } from '../../../src/core/markdown/render-card.js';
import { buildSearchIndex } from '../../../src/core/search/search-index.js';
import { rerankWithFuse } from '../../../src/core/search/rerank.js';
import { searchCards } from '../../../src/core/search/search.js';
import { quizCard } from '../quiz/quiz-fixtures.js';

// The quiz comment is the author's markup, not the card's text: a word that only its wrong options or
// question hold must neither find the card nor be shown.
const card = quizCard('caching', [
  'A cache hands out the **remaining TTL** to its clients.\n  <!-- quiz\n  ask: Which TTL does a cache give out?\n  blank: remaining TTL\n  kind: concept\n  wrong: zebrafish TTL | quokka TTL | axolotl TTL\n  -->',
]);

describe('quiz comments in search and in the reader', () => {
  const index = buildSearchIndex([card]);

  it('are not searched, by the index or by the fuse.js re-ranker', () => {
    expect(searchCards(index, 'quokka').map((result) => result.card.id)).toEqual([]);
    expect(rerankWithFuse(index, [0], 'axolotl')).toEqual([1]);
    expect(searchCards(index, 'remaining ttl').map((result) => result.card.id)).toEqual(['caching']);
  });

  it('are not rendered', () => {
    const text = renderCard(card, { width: 80, hyperlinks: false }).lines.map((line) => line.map((segment) => segment.text).join('')).join('\n');
    expect(text).toContain('remaining TTL');
    expect(text).not.toMatch(/quokka|quiz|ask:|<!--/);
  });
});
