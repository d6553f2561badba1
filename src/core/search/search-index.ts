import type { Card, SectionKind } from '../cards/types.js';
import { markdownToPlain } from './plain-text.js';
import { tokenize } from './tokenize.js';

/** Where a term occurs; title and tag hits rank above heading, key-point and body hits. */
export enum Field {
  Title = 0,
  Tags = 1,
  Heading = 2,
  KeyPoints = 3,
  Body = 4,
}

/** How much a hit in each field counts. */
export const FIELD_WEIGHTS: Record<Field, number> = { [Field.Title]: 4, [Field.Tags]: 3, [Field.Heading]: 2, [Field.KeyPoints]: 1.6, [Field.Body]: 1 };

/** A card's section as the search sees it: plain text, no Markdown. */
export interface IndexedSection {
  name: string;
  kind: SectionKind;
  line: number;
  plain: string;
}

/** An inverted index over cards: each term's postings are flat (card, field, section, count) quadruples. */
export interface SearchIndex {
  cards: Card[];
  sections: IndexedSection[][];
  /** Every indexed term, sorted, for prefix and typo lookups. */
  vocabulary: string[];
  postings: Map<string, number[]>;
  /** In how many cards each term occurs. */
  cardFrequency: Map<string, number>;
}

/** Builds the search index over a set of cards. */
export function buildSearchIndex(cards: Card[]): SearchIndex {
  const postings = new Map<string, number[]>();
  const cardFrequency = new Map<string, number>();
  const sections: IndexedSection[][] = [];
  cards.forEach((card, cardIndex) => {
    const seen = new Set<string>();
    const add = (text: string, field: Field, section: number) => {
      const counts = new Map<string, number>();
      for (const term of tokenize(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, count] of counts) {
        let list = postings.get(term);
        if (!list) postings.set(term, (list = []));
        list.push(cardIndex, field, section, count);
        if (!seen.has(term)) {
          seen.add(term);
          cardFrequency.set(term, (cardFrequency.get(term) ?? 0) + 1);
        }
      }
    };
    add(card.title, Field.Title, -1);
    add(card.tags.join(' '), Field.Tags, -1);
    const indexed = card.sections.map((section) => ({ name: section.name, kind: section.kind, line: section.line, plain: markdownToPlain(section.markdown) }));
    indexed.forEach((section, sectionIndex) => {
      add(section.name, Field.Heading, sectionIndex);
      add(section.plain, section.kind === 'key-points' ? Field.KeyPoints : Field.Body, sectionIndex);
    });
    sections.push(indexed);
  });
  const vocabulary = [...postings.keys()].sort();
  return { cards, sections, vocabulary, postings, cardFrequency };
}
