import { describe, expect, it, vi } from 'vitest';
import { EMPTY_GLOSSARY } from '../../../../src/core/quiz/answers/glossary.js';
import { answerContext } from '../../../../src/core/quiz/answers/known-terms.js';
import { judgeAnswer, normaliseAnswer } from '../../../../src/core/quiz/items/answer-check.js';
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

  it('groups the digits of a nearby number as the answer does, without the ICU number formatter', () => {
    // The first toLocaleString of a process maps about 4.7 MB of ICU data; the options are grouped by hand instead.
    const formatted = vi.spyOn(Number.prototype, 'toLocaleString');
    const grouped = generateItems([quizCard('big', ['A resolver may cap a TTL at **604,800 s**.'])]);
    const question = buildChoice(grouped[0]!, buildDistractorPool(grouped, new Map([['big', []]])), 3)!;
    expect(question.choices).toEqual(expect.arrayContaining(['604,800 s', '1,209,600 s', '6,048,000 s']));
    expect(question.choices.every((choice) => /^\d{1,3}(,\d{3})* s$/.test(choice))).toBe(true);
    expect(formatted).not.toHaveBeenCalled();
    formatted.mockRestore();
  });

  it('is reproducible from the seed and shuffles the right answer around', () => {
    expect(buildChoice(items[0]!, pool, 7)).toEqual(buildChoice(items[0]!, pool, 7));
    const positions = new Set(Array.from({ length: 20 }, (_, seed) => buildChoice(items[0]!, pool, seed)!.correctIndex));
    expect(positions.size).toBeGreaterThan(1);
  });

  it('never offers an option that contains the answer or is contained in it', () => {
    const overlapping = generateItems([quizCard('ttl', [marked('A cache hands out the **remaining TTL** to its clients.', 'blank: remaining TTL', 'kind: concept', 'wrong: TTL | original TTL | minimum TTL | negative TTL')])]);
    const question = buildChoice(overlapping[0]!, buildDistractorPool(overlapping, new Map()), 3)!;
    expect([...question.choices].sort()).toEqual(['minimum TTL', 'negative TTL', 'original TTL', 'remaining TTL']);
  });

  it('shows the stem with the blank, not the answer', () => {
    const question = buildChoice(items[1]!, pool, 1)!;
    expect(question.stem).toBe(`Chrome keeps answers for ${CLOZE_BLANK}.`);
  });
});

/** A key point with a quiz comment made of the given lines. */
function marked(point: string, ...lines: string[]): string {
  return `${point}\n  <!-- quiz\n${lines.map((line) => `  ${line}`).join('\n')}\n  -->`;
}

describe('authored blanks and the term bank', () => {
  it('offers the author\'s wrong options first, and asks a concept without three of them as a cloze only', () => {
    const items = generateItems([quizCard('roles', [
      marked('The **registry** runs the TLD zone.', 'ask: Who runs the TLD zone?', 'blank: registry', 'kind: role', 'wrong: registrar | registrant | reseller'),
      marked('A **remaining TTL** is handed out.', 'blank: remaining TTL', 'kind: concept', 'wrong: original TTL'),
    ])]);
    const pool = buildDistractorPool(items, new Map());
    expect([...buildChoice(items[0]!, pool, 1)!.choices].sort()).toEqual(['registrant', 'registrar', 'registry', 'reseller']);
    expect(buildChoice(items[1]!, pool, 1)).toBeUndefined();
  });

  it('draws options of the same kind only, from other cards before the item\'s own', () => {
    const items = generateItems([
      quizCard('a', [marked('Clients reach resolvers over **DoH** on port 443.', 'blank: DoH', 'kind: protocol'), marked('**Unbound** is a resolver.', 'blank: Unbound', 'kind: software')]),
      quizCard('b', [marked('**DoT** uses port 853.', 'blank: DoT', 'kind: protocol'), marked('**BIND** is old.', 'blank: BIND', 'kind: software')]),
      quizCard('c', [marked('**DoQ** runs over QUIC.', 'blank: DoQ', 'kind: protocol'), marked('**TCP** carries large answers.', 'blank: TCP', 'kind: protocol')]),
    ]);
    const question = buildChoice(items[0]!, buildDistractorPool(items, new Map()), 1)!;
    expect([...question.choices].sort()).toEqual(['DoH', 'DoQ', 'DoT', 'TCP']);
  });

  it('gives no two items the same four options, even when the deck holds only four of a kind', () => {
    const types = ['A', 'AAAA', 'MX', 'NS'];
    const items = generateItems(types.map((type, index) => quizCard(`card-${index}`, [marked(`The answer asked for is a **${type}** record here.`, `blank: ${type}`, 'kind: record-type')])));
    const pool = buildDistractorPool(items, new Map());
    const sets = items.map((item) => [...buildChoice(item, pool, 1)!.choices].sort().join(' '));
    expect(new Set(sets).size).toBe(items.length);
  });

  it('shows an article before the blank as a/an, so the grammar gives nothing away', () => {
    const items = generateItems([quizCard('opt', [marked('An **OPT record** adds 11 bytes.', 'blank: OPT record', 'kind: record-type')])]);
    expect(buildChoice(items[0]!, buildDistractorPool(items, new Map()), 1)!.stem).toBe(`A/an ${CLOZE_BLANK} adds 11 bytes.`);
  });
});

describe('choices over the bundled cards', async () => {
  const { cards } = await loadBundledCards();
  const items = generateItems(cards);
  const checking = answerContext(items, EMPTY_GLOSSARY);
  const pool = buildDistractorPool(items, new Map(cards.map((card) => [card.id, card.related])), checking);
  const questions = items.flatMap((item) => {
    const question = buildChoice(item, pool, 42);
    return question ? [{ item, question }] : [];
  });

  it('asks many key points as a choice, and never two with the same options', () => {
    expect(questions.length / items.filter((item) => item.term).length).toBeGreaterThan(0.5);
    const sets = questions.map(({ question }) => question.choices.map(normaliseAnswer).sort().join('|'));
    expect(new Set(sets).size).toBe(sets.length);
  });

  it('every choice has exactly one right answer, no duplicate options, and no option already visible in the stem', () => {
    for (const { item, question } of questions) {
      const right = question.choices.filter((choice) => judgeAnswer(choice, item.term!, checking).verdict !== 'wrong');
      expect(right, item.id).toEqual([question.choices[question.correctIndex]]);
      expect(new Set(question.choices.map((choice) => normaliseAnswer(choice).replace(/ /g, ''))).size, item.id).toBe(question.choices.length);
      for (const [index, choice] of question.choices.entries()) {
        if (index !== question.correctIndex) expect(` ${normaliseAnswer(question.stem)} `, item.id).not.toContain(` ${normaliseAnswer(choice)} `);
      }
    }
  });
});
