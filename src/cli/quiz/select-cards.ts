import type { Card } from '../../core/cards/types.js';
import { editDistance } from '../../core/quiz/answer-check.js';
import { buildSearchIndex } from '../../core/search/search-index.js';
import { searchCards } from '../../core/search/search.js';
import { UserError } from '../errors.js';

/** Narrows the cards to --card, --topic and --tag; an unknown value is an error that suggests a real one. */
export function selectCards(cards: readonly Card[], filters: { card?: string; topic?: string; tag?: string }): Card[] {
  let selected = [...cards];
  if (filters.card !== undefined) {
    const wanted = filters.card.toLowerCase();
    const card = cards.find((candidate) => candidate.id === wanted);
    if (!card) {
      // A mistyped id first, then a card that matches the words.
      const typo = cards.map((candidate) => ({ id: candidate.id, distance: editDistance(candidate.id, wanted, 3) })).filter((entry) => entry.distance <= 3).sort((a, b) => a.distance - b.distance)[0]?.id;
      const best = typo ?? searchCards(buildSearchIndex([...cards]), filters.card, { limit: 1 })[0]?.card.id;
      throw new UserError(`no card has id "${filters.card}"${best ? `; did you mean ${best}?` : '; see swelearn list'}`);
    }
    selected = [card];
  }
  if (filters.topic !== undefined) {
    const wanted = filters.topic.toLowerCase();
    const topics = [...new Set(cards.map((card) => card.topic))].sort();
    if (!topics.some((topic) => topic.toLowerCase() === wanted)) throw new UserError(`no topic "${filters.topic}"; topics: ${topics.join(', ')}`);
    selected = selected.filter((card) => card.topic.toLowerCase() === wanted);
  }
  if (filters.tag !== undefined) {
    const wanted = filters.tag.toLowerCase();
    const tags = [...new Set(cards.flatMap((card) => card.tags))];
    if (!tags.includes(wanted)) {
      const close = tags.filter((tag) => tag.includes(wanted) || wanted.includes(tag)).sort().slice(0, 5);
      throw new UserError(`no card has tag "${filters.tag}"${close.length > 0 ? `; similar tags: ${close.join(', ')}` : '; see swelearn list'}`);
    }
    selected = selected.filter((card) => card.tags.includes(wanted));
  }
  return selected;
}
