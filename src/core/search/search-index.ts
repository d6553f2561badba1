import type { Card, SectionKind } from '../cards/types.js';
import { withoutQuizComments } from '../markdown/author-comments.js';
import { markdownToPlain } from './plain-text.js';
import { plainTextPrefix } from './plain-window.js';
import { makeSnippet, snippetSource, type Snippet, type SnippetSource } from './snippet.js';
import { tokenize } from './tokenize.js';
import { forEachInSlices, type Slicing } from '../slicing/slicing.js';

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

/** A card's section as the search sees it; its plain text is made only when a snippet needs it. */
export interface IndexedSection {
  name: string;
  kind: SectionKind;
  line: number;
  markdown: string;
}

/** What the index holds for each term, found in the sorted vocabulary: nothing per term is made until a query asks. */
export interface TermTable<T> {
  get(term: string): T | undefined;
  has(term: string): boolean;
}

/** An inverted index over cards: each term's postings are flat (card, field, section, count) quadruples. */
export interface SearchIndex {
  /** The cards; a card's sections are read only when a query needs them (a saved index loads them on demand). */
  cards: Card[];
  /** Every indexed term, sorted, for prefix lookups. */
  vocabulary: string[];
  /** The vocabulary grouped by length, for typo lookups that only look at plausible lengths; grouped on first use. */
  readonly vocabularyByLength: Map<number, string[]>;
  postings: TermTable<ArrayLike<number>>;
  /** In how many cards each term occurs. */
  cardFrequency: TermTable<number>;
  /** A term's postings and card frequency by its place in the vocabulary, for writing the index out without a lookup per term. */
  postingsAt(position: number): ArrayLike<number>;
  frequencyAt(position: number): number;
  /** Each card's fields as the fuse.js re-ranker prepared them, when a saved index kept them (core/search/rerank). */
  rerankFields?: (card: number) => unknown;
}

// Link targets would fill the index with "https" and host names nobody searches for.
const LINK_TARGET = /\]\([^)]*\)/g;

/** Builds the search index over a set of cards. */
export function buildSearchIndex(cards: Card[]): SearchIndex {
  const builder = searchIndexBuilder(cards);
  for (let cardIndex = 0; cardIndex < cards.length; cardIndex++) builder.addCard(cardIndex);
  return builder.finish();
}

/**
 * Builds the same index as buildSearchIndex, pausing between cards whenever a slice's time is used up: for 1,000
 * cards the build is about 90 ms, which a key pressed just after the app's first frame would otherwise wait out.
 */
export async function buildSearchIndexInSlices(cards: Card[], slicing: Slicing): Promise<SearchIndex> {
  const builder = searchIndexBuilder(cards);
  await forEachInSlices(cards.length, slicing, (cardIndex) => builder.addCard(cardIndex));
  return builder.finish();
}

/** An index of the cards, built card by card in order (addCard(0), addCard(1), ...); finish() sorts the vocabulary once. */
interface SearchIndexBuilder {
  addCard(cardIndex: number): void;
  finish(): SearchIndex;
}

function searchIndexBuilder(cards: Card[]): SearchIndexBuilder {
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const lists: number[][] = [];
  const frequency: number[] = [];
  const lastCard: number[] = [];
  let counts: Int32Array = new Int32Array(1024);
  const touched: number[] = [];

  const add = (text: string, cardIndex: number, field: Field, section: number) => {
    for (const term of tokenize(text)) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = terms.length;
        termIds.set(term, id);
        terms.push(term);
        lists.push([]);
        frequency.push(0);
        lastCard.push(-1);
        if (id >= counts.length) counts = growTo(counts, id * 2);
      }
      if (counts[id] === 0) touched.push(id);
      counts[id]! += 1;
    }
    for (const id of touched) {
      lists[id]!.push(cardIndex, field, section, counts[id]!);
      counts[id] = 0;
      if (lastCard[id] !== cardIndex) {
        lastCard[id] = cardIndex;
        frequency[id]! += 1;
      }
    }
    touched.length = 0;
  };

  return {
    addCard(cardIndex) {
      const card = cards[cardIndex]!;
      add(card.title, cardIndex, Field.Title, -1);
      add(card.tags.join(' '), cardIndex, Field.Tags, -1);
      card.sections.forEach((section, sectionIndex) => {
        add(section.name, cardIndex, Field.Heading, sectionIndex);
        add(withoutQuizComments(section.markdown).replace(LINK_TARGET, ']'), cardIndex, section.kind === 'key-points' ? Field.KeyPoints : Field.Body, sectionIndex);
      });
    },
    finish() {
      const order = terms.map((_, id) => id).sort((a, b) => (terms[a]! < terms[b]! ? -1 : 1));
      const sortedLists = order.map((id) => lists[id]!);
      return assembleIndex(cards, order.map((id) => terms[id]!), (position) => sortedLists[position]!, order.map((id) => frequency[id]!));
    },
  };
}

/**
 * Puts an index together from sorted terms, a term's postings by its position, and the frequencies, as built
 * or as read back from a cache. Terms are found by binary search: a saved index of 10,000 cards has tens of
 * thousands of terms, and a map entry and a postings view for each cost more at start-up than a query does.
 */
export function assembleIndex(cards: Card[], sortedTerms: string[], postingsAt: (position: number) => ArrayLike<number>, frequencies: ArrayLike<number>): SearchIndex {
  const positionOf = (term: string) => {
    const position = lowerBound(sortedTerms, term);
    return sortedTerms[position] === term ? position : -1;
  };
  let byLength: Map<number, string[]> | undefined;
  return {
    cards,
    vocabulary: sortedTerms,
    get vocabularyByLength() {
      return (byLength ??= groupByLength(sortedTerms));
    },
    postings: termTable(positionOf, postingsAt),
    cardFrequency: termTable(positionOf, (position) => frequencies[position]!),
    postingsAt,
    frequencyAt: (position) => frequencies[position]!,
  };
}

function termTable<T>(positionOf: (term: string) => number, at: (position: number) => T): TermTable<T> {
  return {
    get: (term) => {
      const position = positionOf(term);
      return position < 0 ? undefined : at(position);
    },
    has: (term) => positionOf(term) >= 0,
  };
}

/** Where a value is, or would go, in a sorted list. */
export function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function groupByLength(terms: readonly string[]): Map<number, string[]> {
  const byLength = new Map<number, string[]>();
  for (const term of terms) {
    const sameLength = byLength.get(term.length);
    if (sameLength) sameLength.push(term);
    else byLength.set(term.length, [term]);
  }
  return byLength;
}

/** The plain text of an indexed section, for snippets. */
export function sectionPlainText(section: IndexedSection): string {
  return markdownToPlain(section.markdown);
}

// Keyed by the section object, so it lives exactly as long as the index that holds the section.
const snippetSources = new WeakMap<IndexedSection, SnippetSource>();

/** A section's plain text, flattened with its words located, made once per section and reused by every query. */
export function sectionSnippetSource(section: IndexedSection): SnippetSource {
  let source = snippetSources.get(section);
  if (!source) {
    source = snippetSource(sectionPlainText(section));
    snippetSources.set(section, source);
  }
  return source;
}

// The first part of a section stripped for a snippet: enough for an excerpt near its start; a later excerpt strips it all.
const SNIPPET_WINDOW_CHARS = 600;

/**
 * A section's snippet for the matched terms. A section whose source is made already is cut from that; otherwise the
 * snippet is cut from the plain text of its first lines when the excerpt ends inside them (the same excerpt, since
 * the section's plain text begins with theirs), and from the whole section's source only when it does not.
 */
export function sectionSnippet(section: IndexedSection, matchedTerms: ReadonlySet<string>): Snippet {
  const made = snippetSources.get(section);
  if (made) return makeSnippet(made, matchedTerms);
  const plain = plainTextPrefix(section.markdown, SNIPPET_WINDOW_CHARS);
  if (plain !== undefined) {
    const snippet = makeSnippet(plain, matchedTerms);
    // A '…' at the end that the lines' own text does not end with says the excerpt stops before their end.
    if (snippet.highlights.length > 0 && snippet.text.endsWith('…') && !plain.trimEnd().endsWith('…')) return snippet;
  }
  return makeSnippet(sectionSnippetSource(section), matchedTerms);
}

function growTo(array: Int32Array, size: number): Int32Array {
  const grown = new Int32Array(size);
  grown.set(array);
  return grown;
}
