import { beforeAll, describe, expect, it } from 'vitest';
import { distractorPoolFor, distractorPoolKey, distractorPoolKeyOf } from '../../../src/app/study/distractor-pool.js';
import { resolveEnvironment } from '../../../src/app/environment.js';
import { answerContext } from '../../../src/core/quiz/answers/known-terms.js';
import { EMPTY_GLOSSARY, type Glossary } from '../../../src/core/quiz/answers/glossary.js';
import { buildDistractorPool } from '../../../src/core/quiz/items/choice.js';
import { generateItems } from '../../../src/core/quiz/items/generate-items.js';
import type { QuizItem } from '../../../src/core/quiz/types.js';
import { freshHome } from '../../cli/run-cli.js';
import { bundledContent } from '../../ui/app-harness.js';

let items: QuizItem[];
let links: Map<string, readonly string[]>;
beforeAll(async () => {
  const { cards } = await bundledContent();
  items = generateItems(cards);
  links = new Map(cards.map((card) => [card.id, card.related]));
});

const firstBlank = () => items.find((item) => item.term !== undefined)!;
const withoutBlank = (): QuizItem => {
  const { term: _term, ...plain } = items.find((item) => item.term === undefined && item.kind === 'key-point')!;
  return plain;
};

describe('the choice options and their cache key', () => {
  it('are the options buildDistractorPool chooses (nothing is cached when running from source)', () => {
    const environment = resolveEnvironment({ env: { SWELEARN_HOME: freshHome() }, cwd: process.cwd() });
    const checking = answerContext(items, EMPTY_GLOSSARY);
    expect(distractorPoolFor(environment, items, links, EMPTY_GLOSSARY, checking)).toEqual(buildDistractorPool(items, links, checking));
    expect(distractorPoolKey(undefined, items, links, EMPTY_GLOSSARY)).toBeUndefined();
  });

  it.each<[string, () => [QuizItem[], Map<string, readonly string[]>, Glossary]]>([
    ['a blank\'s wrong options', () => [items.map((item, index) => (index === 0 && item.term ? { ...item, term: { ...item.term, wrong: ['x'] } } : item)), links, EMPTY_GLOSSARY]],
    ['the text of an item with a blank', () => [items.map((item) => (item === firstBlank() ? { ...item, text: `${item.text}!` } : item)), links, EMPTY_GLOSSARY]],
    ['the links of a card with a blank', () => [items, new Map([...links].map(([card, related]) => [card, card === firstBlank().cardId ? related.slice(1) : related])), EMPTY_GLOSSARY]],
    ['the related-card links', () => [items, new Map([...links].slice(1)), EMPTY_GLOSSARY]],
    ['the glossary', () => [items, links, { synonyms: [{ terms: ['TTL', 'time to live'] }], contrasts: [] }]],
  ])('changes with %s', (_name, change) => {
    expect(distractorPoolKey('b1', ...change())).not.toBe(distractorPoolKey('b1', items, links, EMPTY_GLOSSARY));
  });

  // A deck that adds only cards without blanks (the 1,000 generated cards of the bench) found no options cached and
  // chose them all again, the same ones, at every first quiz (230 ms and 19 MB at 1,000 cards).
  it('is the same, and so are the options, for a deck with more cards that have no blank', () => {
    const extra = Array.from({ length: 30 }, (_, index): QuizItem => ({ ...withoutBlank(), id: `plain-${index}/kp-1`, cardId: `plain-${index}`, text: `plain card ${index} says something` }));
    const more = [...extra.slice(0, 15), ...items, ...extra.slice(15)];
    const moreLinks = new Map([...links, ...extra.map((item): [string, readonly string[]] => [item.cardId, [firstBlank().cardId]])]);
    expect(distractorPoolKey('b1', more, moreLinks, EMPTY_GLOSSARY)).toBe(distractorPoolKey('b1', items, links, EMPTY_GLOSSARY));
    expect(buildDistractorPool(more, moreLinks, answerContext(more, EMPTY_GLOSSARY))).toEqual(buildDistractorPool(items, links, answerContext(items, EMPTY_GLOSSARY)));
  });

  // The bundled glossary's source is the installed package's path; keyed with it, an installed copy never found the seed's options.
  it('is the same, and so are the options, wherever the glossary was read from', () => {
    const glossary = (path: string): Glossary => ({ synonyms: [{ terms: ['TTL', 'time to live'], source: { path, line: 3 } }], contrasts: [{ terms: ['NXDOMAIN', 'NODATA'], source: { path, line: 9 } }] });
    const [built, installed] = [glossary('/build/content/glossary.yaml'), glossary('/usr/lib/node_modules/swelearn/content/glossary.yaml')];
    expect(distractorPoolKey('b1', items, links, installed)).toBe(distractorPoolKey('b1', items, links, built));
    expect(distractorPoolKeyOf('b1', { card: 'c1', predict: 'p1' }, links, installed)).toBe(distractorPoolKeyOf('b1', { card: 'c1', predict: 'p1' }, links, built));
    expect(buildDistractorPool(items, links, answerContext(items, installed))).toEqual(buildDistractorPool(items, links, answerContext(items, built)));
  });

  it('changes with the build', () => {
    expect(distractorPoolKey('b2', items, links, EMPTY_GLOSSARY)).not.toBe(distractorPoolKey('b1', items, links, EMPTY_GLOSSARY));
  });

  // A quiz keys the options by the item caches' keys (hashes of everything the items are made from), not by the items again.
  const itemKeys = { card: 'c1', predict: 'p1' };
  it.each<[string, () => Parameters<typeof distractorPoolKeyOf>]>([
    ['the card items\' key', () => ['b1', { ...itemKeys, card: 'c2' }, links, EMPTY_GLOSSARY]],
    ['the predict items\' key', () => ['b1', { ...itemKeys, predict: 'p2' }, links, EMPTY_GLOSSARY]],
    ['the related-card links', () => ['b1', itemKeys, new Map([...links].slice(1)), EMPTY_GLOSSARY]],
    ['the glossary', () => ['b1', itemKeys, links, { synonyms: [{ terms: ['TTL', 'time to live'] }], contrasts: [] }]],
    ['the build', () => ['b2', itemKeys, links, EMPTY_GLOSSARY]],
  ])('keyed by the item keys, changes with %s', (_name, change) => {
    expect(distractorPoolKeyOf(...change())).not.toBe(distractorPoolKeyOf('b1', itemKeys, links, EMPTY_GLOSSARY));
    expect(distractorPoolKeyOf('b1', itemKeys, links, EMPTY_GLOSSARY)).toBe(distractorPoolKeyOf('b1', { ...itemKeys }, new Map(links), EMPTY_GLOSSARY));
  });
});
