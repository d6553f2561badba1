import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCardLibrary } from '../../../src/app/cards/card-library.js';
import { resolveEnvironment } from '../../../src/app/environment.js';
import { prepareQuiz } from '../../../src/app/study/prepare-quiz.js';
import { quizRequest, type QuizRequest } from '../../../src/app/study/quiz-request.js';
import type { Question } from '../../../src/core/quiz/types.js';

const NOW = Date.parse('2026-06-01T09:00:00Z');

async function firstQuestions(request: Partial<QuizRequest>, seed: number): Promise<Question[]> {
  const home = mkdtempSync(join(tmpdir(), 'swelearn-order-'));
  const environment = resolveEnvironment({ env: { SWELEARN_HOME: home, SWELEARN_NOW: '2026-06-01T09:00:00Z' }, cwd: process.cwd() });
  const prepared = await prepareQuiz({ environment, cards: openCardLibrary(environment), warn: () => {} }, quizRequest(request), NOW, seed);
  prepared.progress.writer?.close();
  return prepared.setup.questions;
}

const longestRun = (questions: readonly Question[]) =>
  questions.reduce((acc, question, index) => {
    const run = index > 0 && questions[index - 1]!.item.cardId === question.item.cardId ? acc.run + 1 : 1;
    return { run, longest: Math.max(acc.longest, run) };
  }, { run: 0, longest: 0 }).longest;

describe('the bundled deck, as a new learner meets it', () => {
  let everything: Question[];
  beforeAll(async () => {
    // Cram asks every item: the new ones in the order a learner meets them.
    everything = await firstQuestions({ count: 1000, cram: true }, 20261206);
  }, 60_000);

  it.each([1, 20261206])('starts the first session (20 new items, seed %i) with easy cards, several of them, and simulator steps among them', async (seed) => {
    const first = await firstQuestions({ count: 20 }, seed);
    expect(first).toHaveLength(20);
    expect(first.every((question) => question.item.difficulty === 'easy')).toBe(true);
    expect(new Set(first.map((question) => question.item.cardId)).size).toBeGreaterThanOrEqual(3);
    expect(first.some((question) => question.mode === 'predict')).toBe(true);
    expect(new Set(first.map((question) => question.mode)).size).toBeGreaterThanOrEqual(3);
    expect(longestRun(first)).toBeLessThanOrEqual(3);
  });

  it('brings easy cards before medium before hard on average, and no card runs on for long', () => {
    const mean = (difficulty: string) => {
      const places = everything.flatMap((question, index) => (question.item.difficulty === difficulty ? [index] : []));
      return places.reduce((sum, place) => sum + place, 0) / places.length;
    };
    expect(mean('easy')).toBeLessThan(mean('medium'));
    expect(mean('medium')).toBeLessThan(mean('hard'));
    expect(longestRun(everything.slice(0, Math.floor(everything.length * 0.8)))).toBeLessThanOrEqual(3);
    // The incidents come after every easy card has started.
    const firstIncident = everything.findIndex((question) => question.item.cardId.startsWith('incident-'));
    const easyCards = new Set(everything.filter((question) => question.item.difficulty === 'easy').map((question) => question.item.cardId));
    for (const card of easyCards) expect(everything.slice(0, firstIncident).some((question) => question.item.cardId === card), card).toBe(true);
  });
});
