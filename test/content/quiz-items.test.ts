import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildChoice, buildDistractorPool } from '../../src/core/quiz/items/choice.js';
import { clozePrompt } from '../../src/core/quiz/items/cloze.js';
import { generateItems } from '../../src/core/quiz/items/generate-items.js';
import { blankShapeProblems, lintQuizItems } from '../../src/core/quiz/items/lint-items.js';
import { judgeAnswer, normaliseAnswer } from '../../src/core/quiz/items/answer-check.js';
import { answerContext } from '../../src/core/quiz/answers/known-terms.js';
import { loadGlossary } from '../../src/io/glossary-file.js';
import { parseItemRenames } from '../../src/core/quiz/progress/item-renames.js';
import { bundledContentDir } from '../../src/io/package-paths.js';
import { loadBundledCards } from './load-bundled.js';

// The review's population checks (quiz-items-2026-12.md, section 3), held at zero for the bundled items.
describe('the bundled quiz items', async () => {
  const { cards } = await loadBundledCards();
  const items = generateItems(cards);
  const keyPoints = items.filter((item) => item.kind === 'key-point');
  const checking = answerContext(items, loadGlossary([bundledContentDir()]).glossary);
  const pool = buildDistractorPool(items, new Map(cards.map((card) => [card.id, card.related])), checking);
  const choices = keyPoints.flatMap((item) => {
    const question = buildChoice(item, pool, 1);
    return question ? [{ item, question }] : [];
  });

  it('pass every quiz lint rule', () => {
    expect(lintQuizItems(cards).map((problem) => `${problem.path}:${problem.line}: ${problem.rule}: ${problem.message}`)).toEqual([]);
  });

  it('have an authored question for every key point, and no template front', () => {
    expect(keyPoints.length).toBeGreaterThanOrEqual(240);
    for (const item of keyPoints) {
      expect(item.front, item.id).toMatch(/\?$/);
      expect(item.front, item.id).not.toMatch(/key point about|complete and explain|recall the point/i);
    }
  });

  it('blank a term of at most four words, never a negation, qualifier or verb phrase', () => {
    const blanks = keyPoints.filter((item) => item.term);
    expect(blanks.length / keyPoints.length).toBeGreaterThan(0.75);
    for (const item of blanks) expect(blankShapeProblems(item.term!), item.id).toEqual([]);
  });

  it('never show a cloze blank\'s answer elsewhere in its prompt, nor an article that hints at it', () => {
    for (const item of keyPoints.filter((candidate) => candidate.term)) {
      const prompt = clozePrompt(item.text, item.term!);
      expect(` ${normaliseAnswer(prompt)} `, item.id).not.toContain(` ${normaliseAnswer(item.term!.answer)} `);
      expect(prompt, item.id).not.toMatch(/\b(?:a|an|An) _____/);
    }
  });

  it('give no two choice items the same option set, and draw every option from the blank\'s kind or the author\'s wrong list', () => {
    expect(choices.length).toBeGreaterThan(150);
    const sets = choices.map(({ question }) => question.choices.map(normaliseAnswer).sort().join('|'));
    expect(new Set(sets).size).toBe(sets.length);
    const kindsOf = new Map<string, Set<string>>();
    for (const item of keyPoints.filter((candidate) => candidate.term)) {
      const key = normaliseAnswer(item.term!.answer);
      kindsOf.set(key, (kindsOf.get(key) ?? new Set()).add(item.term!.kind));
    }
    for (const { item, question } of choices) {
      const accepted = question.choices.filter((option) => judgeAnswer(option, item.term!, checking).verdict !== 'wrong');
      expect(accepted, `${item.id}: only the right option is accepted`).toEqual([item.term!.answer]);
      const wrong = new Set(item.term!.wrong.map(normaliseAnswer));
      for (const option of question.choices) {
        const normalised = normaliseAnswer(option);
        const kinds = kindsOf.get(normalised);
        if (!wrong.has(normalised) && kinds !== undefined) expect([...kinds], `${item.id}: ${option}`).toContain(item.term!.kind);
      }
    }
  });

  it('carry every rewritten key point\'s history to an item that exists', () => {
    const { renames, problems } = parseItemRenames(readFileSync(join(bundledContentDir(), 'renames', 'key-points.tsv'), 'utf8'));
    expect(problems).toEqual([]);
    const ids = new Set(items.map((item) => item.id));
    for (const [from, to] of renames) {
      expect(ids.has(to), `${from} -> ${to}`).toBe(true);
      expect(ids.has(from), `${from} is still an item`).toBe(false);
    }
  });
});
