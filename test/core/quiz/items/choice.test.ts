import { describe, expect, it } from 'vitest';
import { checkAnswer, normaliseAnswer } from '../../../../src/core/quiz/items/answer-check.js';
import { buildChoice, buildDistractorPool } from '../../../../src/core/quiz/items/choice.js';
import { CLOZE_BLANK } from '../../../../src/core/quiz/items/cloze.js';
import { generateItems } from '../../../../src/core/quiz/items/generate-items.js';
import { loadBundledCards } from '../../../content/load-bundled.js';
import { quizCard } from '../quiz-fixtures.js';

describe('buildChoice', () => {
  const cards = [
    quizCard('ttl', ['Unbound caps TTLs at **86400 s** by default.', 'Chrome keeps answers for **60 s**.', 'The JVM caches for **30 s**.', 'Serve-stale answers with a TTL of **30 s**.']),
    quizCard('neg', ['NXDOMAIN is **RCODE 3**.', 'A **NODATA** answer has an empty answer section.']),
  ];
  const items = generateItems(cards);
  const pool = buildDistractorPool(items, new Map([['ttl', []], ['neg', []]]));

  it('offers numbers in the same unit as the answer, never a duplicate of it', () => {
    const question = buildChoice(items[0]!, pool, 1)!;
    expect(question.choices[question.correctIndex]).toBe('86400 s');
    expect(question.choices).toHaveLength(4);
    for (const choice of question.choices) expect(choice).toMatch(/^\d[\d,]* s$/);
    // "30 s" appears twice in the pool but only once among the options.
    expect(new Set(question.choices.map(normaliseAnswer)).size).toBe(4);
  });

  it('is reproducible from the seed and shuffles the right answer around', () => {
    expect(buildChoice(items[0]!, pool, 7)).toEqual(buildChoice(items[0]!, pool, 7));
    const positions = new Set(Array.from({ length: 20 }, (_, seed) => buildChoice(items[0]!, pool, seed)!.correctIndex));
    expect(positions.size).toBeGreaterThan(1);
  });

  it('never offers an option that contains the answer or is contained in it', () => {
    const overlapping = generateItems([quizCard('ttl', ['A cache hands out the **remaining TTL** to its clients.', 'Every record has a **TTL** set by its zone.', 'Resolvers use **prefetch** for hot names.', 'Some resolvers **serve stale** data.', 'Busy resolvers use **query coalescing** as well.'])]);
    const pool = buildDistractorPool(overlapping, new Map());
    for (let seed = 0; seed < 20; seed++) {
      const question = buildChoice(overlapping[0]!, pool, seed)!;
      expect(question.choices).toContain('remaining TTL');
      expect(question.choices).not.toContain('TTL');
    }
  });

  it('shows the stem with the blank, not the answer', () => {
    const question = buildChoice(items[1]!, pool, 1)!;
    expect(question.stem).toBe(`Chrome keeps answers for ${CLOZE_BLANK}.`);
  });
});

describe('choices over the bundled cards', async () => {
  const { cards } = await loadBundledCards();
  const items = generateItems(cards);
  const pool = buildDistractorPool(items, new Map(cards.map((card) => [card.id, card.related])));
  const questions = items.flatMap((item) => {
    const question = buildChoice(item, pool, 42);
    return question ? [{ item, question }] : [];
  });

  it('can ask most key points as a choice', () => {
    expect(questions.length / items.filter((item) => item.term).length).toBeGreaterThan(0.9);
  });

  it('every choice has exactly one right answer, no duplicate options, and no option already visible in the stem', () => {
    for (const { item, question } of questions) {
      const right = question.choices.filter((choice) => checkAnswer(choice, item.term!.accepted) !== 'wrong');
      expect(right, item.id).toEqual([question.choices[question.correctIndex]]);
      expect(new Set(question.choices.map((choice) => normaliseAnswer(choice).replace(/ /g, ''))).size, item.id).toBe(question.choices.length);
      for (const [index, choice] of question.choices.entries()) {
        if (index !== question.correctIndex) expect(` ${normaliseAnswer(question.stem)} `, item.id).not.toContain(` ${normaliseAnswer(choice)} `);
      }
    }
  });
});
