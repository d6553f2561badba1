import { describe, expect, it } from 'vitest';
import { answerContext } from '../../../../src/core/quiz/answers/known-terms.js';
import type { Glossary } from '../../../../src/core/quiz/answers/glossary.js';
import { buildDistractorPool } from '../../../../src/core/quiz/items/choice.js';
import { generateItems } from '../../../../src/core/quiz/items/generate-items.js';
import { presentItem } from '../../../../src/core/quiz/items/present.js';
import { currentQuestion, startSession, submitAnswer, type SessionSetup } from '../../../../src/core/quiz/session/session.js';
import type { QuizMode } from '../../../../src/core/quiz/types.js';
import { quizCard } from '../quiz-fixtures.js';

const T0 = Date.UTC(2026, 5, 1, 10);

const items = generateItems([
  quizCard('caching', [
    'A cache hands out the **remaining TTL** to the clients it answers.\n  <!-- quiz\n  blank: remaining TTL\n  kind: concept\n  wrong: original TTL | minimum TTL | negative TTL\n  -->',
    "BIND's **max-cache-ttl** caps how long positive answers stay.",
    "BIND's **max-ncache-ttl** caps how long negative answers stay.",
    'A **registrar** sells names to registrants.',
  ]),
]);
const glossary: Glossary = { synonyms: [{ terms: ['TTL', 'time to live'] }], contrasts: [{ terms: ['registry', 'registrar', 'registrant'] }] };

function sessionOf(mode: QuizMode, overrides: Partial<SessionSetup> = {}) {
  const pool = buildDistractorPool(items, new Map());
  const questions = items.flatMap((item) => presentItem(item, mode, pool, 1, { perItemMs: 30_000 }) ?? []);
  return startSession({ sessionId: 't', questions, schedules: {}, cram: false, retryMisses: false, ...overrides }, T0);
}

function answerAt(mode: QuizMode, index: number, typed: string, overrides: Partial<SessionSetup> = {}) {
  let state = sessionOf(mode, overrides);
  state = { ...state, index };
  return submitAnswer(state, typed, T0 + 1000).state.last!;
}

describe('checking typed answers in a session', () => {
  it("checks against the setup's glossary, and records which spelling matched", () => {
    const last = answerAt('cloze', 0, 'remaining time to live', { checking: answerContext(items, glossary) });
    expect(last).toMatchObject({ verdict: 'correct', correct: true, grade: 3, check: { verdict: 'correct', matched: 'remaining TTL' } });
  });

  it('without a glossary in the setup, takes no synonym for the answer', () => {
    expect(answerAt('cloze', 0, 'remaining time to live')).toMatchObject({ verdict: 'wrong', correct: false });
  });

  it("turns down a typo that is another item's answer, even with no context given, and says which", () => {
    expect(answerAt('cloze', 1, 'max-ncache-ttl')).toMatchObject({ verdict: 'wrong', correct: false, check: { verdict: 'wrong', rival: 'max-ncache-ttl' } });
    expect(answerAt('cloze', 1, 'max-cahce-ttl')).toMatchObject({ verdict: 'close', correct: true, check: { matched: 'max-cache-ttl' } });
  });

  it("turns down a typo that reaches a contrasting term of the setup's glossary", () => {
    const checking = answerContext(items, glossary);
    expect(answerAt('cloze', 3, 'registrant', { checking })).toMatchObject({ verdict: 'wrong', check: { rival: 'registrant' } });
    expect(answerAt('cloze', 3, 'registrat', { checking })).toMatchObject({ verdict: 'wrong', check: { rival: 'registrant' } });
  });

  it('takes a choice typed out in words, and never one of the other options', () => {
    const start = sessionOf('choice');
    const question = currentQuestion(start)!;
    const right = question.choices![question.correctIndex!]!;
    const other = question.choices!.find((_, index) => index !== question.correctIndex)!;
    expect(submitAnswer(start, right.toUpperCase(), T0 + 1000).state.last).toMatchObject({ verdict: 'correct', correct: true });
    expect(submitAnswer(start, other, T0 + 1000).state.last).toMatchObject({ verdict: 'wrong', correct: false });
  });
});
