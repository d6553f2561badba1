import { describe, expect, it } from 'vitest';
import { clozePrompt, CLOZE_BLANK, findClozeTerm } from '../../../../src/core/quiz/items/cloze.js';
import { generateItems } from '../../../../src/core/quiz/items/generate-items.js';
import { parsePointText } from '../../../../src/core/quiz/items/point-text.js';
import { normaliseAnswer } from '../../../../src/core/quiz/items/answer-check.js';
import { loadBundledCards } from '../../../content/load-bundled.js';

const term = (markdown: string) => findClozeTerm(parsePointText(markdown));

describe('findClozeTerm', () => {
  it.each([
    ['the bold term the author marked', 'A cache hands out the **remaining TTL**, so stacked caches never add up.', 'remaining TTL', 'term'],
    ['a bold number with its unit', 'Unbound caps cached TTLs at **86400 s** by default (`cache-max-ttl`).', '86400 s', 'number'],
    ['a code span inside bold, as one term', "BIND's **`max-cache-ttl`** defaults to 604800 s.", 'max-cache-ttl', 'term'],
    ['a code span when nothing is bold', 'Set `options ndots:2` in the pod spec to skip the search list.', 'options ndots:2', 'code'],
    ['an RFC number when nothing is marked', 'Serve-stale is defined in RFC 8767 and answers with expired data.', 'RFC 8767', 'rfc'],
    ['a number with its unit when nothing is marked', 'Chrome keeps lookups for 60 s because getaddrinfo has no TTLs.', '60 s', 'number'],
    ['a record type when nothing is marked', 'A zone apex cannot hold a CNAME because it needs its SOA and NS records.', 'CNAME', 'record-type'],
    ['brackets that belong to the term', 'The recommended buffer is set by **EDNS(0)** in every query.', 'EDNS(0)', 'term'],
    ['a bracketed formula kept whole', 'Server i waits **`(timeout << i) / nscount`** seconds.', '(timeout << i) / nscount', 'term'],
  ])('hides %s', (_name, markdown, answer, shape) => {
    expect(term(markdown)).toMatchObject({ answer, shape });
  });

  it.each([
    ['a stop word', 'Resolvers **the** answer from cache with 300 s left.', '300 s'],
    ['a term still visible elsewhere in the point', 'An **NXDOMAIN** answer means NXDOMAIN for every type, for 900 s.', '900 s'],
    ['a span that is most of the sentence', '**Resolvers answer from their caches whenever they can** in RFC 1034.', 'RFC 1034'],
  ])('never hides %s, and falls back to another term', (_name, markdown, fallback) => {
    expect(term(markdown)?.answer).toBe(fallback);
  });

  it('gives no term for a point with nothing salient, so it is only a flashcard', () => {
    expect(term('it is what it is and so it goes on')).toBeUndefined();
  });

  it('puts one fixed-width blank where the term was', () => {
    const point = parsePointText('Unbound caps cached TTLs at **86400 s** by default.');
    expect(clozePrompt(point.text, findClozeTerm(point)!)).toBe(`Unbound caps cached TTLs at ${CLOZE_BLANK} by default.`);
  });

  // The article before a blank would give the answer's first sound away.
  it.each([
    ['a resolver asks a ', 'a resolver asks a/an '],
    ['the stub sends an ', 'the stub sends a/an '],
    ['An ', 'A/an '],
    ['on the banana ', 'on the banana '],
    ['über ōa ', 'über ōa '],
    ['(a) ', '(a) '],
    ['x\u00a0a ', 'x\u00a0a/an '],
    ['data ', 'data '],
  ])('reads an article before the blank as "a/an", and only a whole word: "%s"', (before, expected) => {
    expect(clozePrompt(`${before}TERM.`, { start: before.length, end: before.length + 4 })).toBe(`${expected}${CLOZE_BLANK}.`);
  });
});

describe('clozes of the bundled cards', async () => {
  const { cards } = await loadBundledCards();
  const items = generateItems(cards);

  it('every bundled card yields key-point items, and most points get a cloze (the rest are asked by their question alone)', () => {
    for (const card of cards) expect(items.filter((item) => item.cardId === card.id && item.kind === 'key-point').length, card.id).toBe(card.keyPoints.length);
    const withTerm = items.filter((item) => item.kind === 'key-point' && item.term);
    expect(withTerm.length / cards.reduce((sum, card) => sum + card.keyPoints.length, 0)).toBeGreaterThan(0.85);
  });

  it('every hidden term is meaningful: not a stop word, not left visible in the prompt, and the blank is really there', () => {
    for (const item of items) {
      if (!item.term) continue;
      const prompt = clozePrompt(item.text, item.term);
      expect(prompt, item.id).toContain(CLOZE_BLANK);
      expect(item.term.answer.length, item.id).toBeGreaterThanOrEqual(2);
      expect(['the', 'a', 'an', 'and', 'of', 'is', 'to', 'in'], item.id).not.toContain(item.term.answer.toLowerCase());
      expect(` ${normaliseAnswer(prompt)} `, item.id).not.toContain(` ${normaliseAnswer(item.term.answer)} `);
      expect(item.text.slice(item.term.start, item.term.end), item.id).toBe(item.term.answer);
    }
  });
});
