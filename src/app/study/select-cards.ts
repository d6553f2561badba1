import { stripControl } from '../../core/text/sanitize.js';
import type { CardMeta } from '../../core/cards/types.js';
import type { CardLibrary } from '../cards/card-library.js';
import { findCardById } from '../cards/find-card.js';
import { UserError } from '../errors.js';

/** The filters of a quiz over cards. */
export interface CardFilters {
  card?: string;
  topic?: string;
  tag?: string;
}

/** Narrows the cards to a card, a topic and a tag; an unknown value is an error that suggests a real one. */
export async function selectCards(library: CardLibrary, filters: CardFilters): Promise<CardMeta[]> {
  const cards = await library.metas();
  let selected: CardMeta[] = [...cards];
  if (filters.card !== undefined) {
    const found = await findCardById(library, filters.card);
    if (!found.card) throw new UserError(`no card has id "${stripControl(filters.card)}"${'suggestion' in found && found.suggestion ? `; did you mean ${found.suggestion}?` : '; see swelearn list'}`);
    selected = [found.card];
  }
  if (filters.topic !== undefined) {
    const wanted = filters.topic.toLowerCase();
    const topics = [...new Set(cards.map((card) => card.topic))].sort();
    if (!topics.some((topic) => topic.toLowerCase() === wanted)) throw new UserError(`no topic "${stripControl(filters.topic)}"; topics: ${topics.join(', ')}`);
    selected = selected.filter((card) => card.topic.toLowerCase() === wanted);
  }
  if (filters.tag !== undefined) {
    const wanted = filters.tag.toLowerCase();
    const tags = [...new Set(cards.flatMap((card) => card.tags))];
    if (!tags.includes(wanted)) {
      const close = tags.filter((tag) => tag.includes(wanted) || wanted.includes(tag)).sort().slice(0, 5);
      throw new UserError(`no card has tag "${stripControl(filters.tag)}"${close.length > 0 ? `; similar tags: ${close.join(', ')}` : '; see swelearn list'}`);
    }
    selected = selected.filter((card) => card.tags.includes(wanted));
  }
  return selected;
}
