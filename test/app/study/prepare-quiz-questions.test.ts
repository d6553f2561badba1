import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openCardLibrary } from '../../../src/app/cards/card-library.js';
import { resolveEnvironment } from '../../../src/app/environment.js';
import { prepareQuiz } from '../../../src/app/study/prepare-quiz.js';
import { quizRequest, type QuizRequest } from '../../../src/app/study/quiz-request.js';
import * as present from '../../../src/core/quiz/items/present.js';

// Counts the questions a session builds; each is still built by the real code.
vi.mock('../../../src/core/quiz/items/present.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/core/quiz/items/present.js')>();
  return { ...original, questionFor: vi.fn(original.questionFor) };
});

const NOW = Date.parse('2026-06-01T09:00:00Z');

async function prepare(request: Partial<QuizRequest>) {
  const home = mkdtempSync(join(tmpdir(), 'swelearn-questions-'));
  const environment = resolveEnvironment({ env: { SWELEARN_HOME: home, SWELEARN_NOW: '2026-06-01T09:00:00Z' }, cwd: process.cwd() });
  const prepared = await prepareQuiz({ environment, cards: openCardLibrary(environment), warn: () => {} }, quizRequest(request), NOW, 20261207);
  prepared.progress.writer?.close();
  return prepared;
}

describe('a session builds only the questions it asks', () => {
  afterEach(() => vi.mocked(present.questionFor).mockClear());

  it.each(['mixed', 'choice', 'flashcard'] as const)('builds one question per item asked in a %s session, in the order asked, not one per candidate', async (mode) => {
    const prepared = await prepare({ count: 20, mode });
    const built = vi.mocked(present.questionFor).mock.calls.map(([item]) => item.id);
    expect(prepared.candidates.length).toBeGreaterThan(100);
    expect(prepared.setup.questions).toHaveLength(20);
    expect(built).toEqual(prepared.setup.questions.map((question) => question.item.id));
  }, 60_000);

});
