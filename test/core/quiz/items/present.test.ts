import { describe, expect, it } from 'vitest';
import { buildDistractorPool } from '../../../../src/core/quiz/items/choice.js';
import { generateItems } from '../../../../src/core/quiz/items/generate-items.js';
import { canAskAs, modeToAsk, presentItem, questionFor } from '../../../../src/core/quiz/items/present.js';
import type { QuizItem, QuizMode, SessionMode } from '../../../../src/core/quiz/types.js';
import { quizCard } from '../quiz-fixtures.js';

// Blanks of one kind (seconds) find fair wrong options; a lone blank of its kind finds none, so it is no choice.
const cards = [
  quizCard('ttl', ['Unbound caps TTLs at **86400 s** by default.', 'Chrome keeps answers for **60 s**.', 'The JVM caches for **30 s** by default.', 'Serve-stale is in **RFC 8767**.'], {
    questions: [['Why not set every TTL to 5 s?', 'Every lookup becomes a miss.']],
  }),
  quizCard('timers', ['glibc waits **5 s** per attempt.', 'Negative answers are kept for **900 s** at most.', 'A plain point with no blank at all.']),
];
const items = generateItems(cards);
const pool = buildDistractorPool(items, new Map());
const MODES: QuizMode[] = ['flashcard', 'cloze', 'choice', 'predict'];

describe('modeToAsk', () => {
  it('names a mode exactly when questionFor can build the question in it', () => {
    const outcomes = new Set<string>();
    for (const item of items) {
      for (const mode of MODES) {
        const built = questionFor(item, mode, pool, 3);
        expect(modeToAsk(item, mode, pool, 3), `${item.id} as ${mode}`).toBe(built ? mode : undefined);
        outcomes.add(`${mode}:${built !== undefined}`);
      }
    }
    // The deck covers both outcomes of the modes a key point can be asked in.
    for (const seen of ['cloze:true', 'cloze:false', 'choice:true', 'choice:false', 'flashcard:true']) expect(outcomes).toContain(seen);
  });

  it('picks the mode of a mixed session that presentItem asks, whatever the seed and track', () => {
    for (const item of items) {
      for (const track of [undefined, 'recall', 'recognition'] as const) {
        for (let seed = 0; seed < 40; seed++) {
          const question = presentItem(item, 'mixed', pool, seed, {}, track);
          const mode = modeToAsk(item, 'mixed', pool, seed, track);
          expect(mode).toBe(question?.mode);
          expect(mode && questionFor(item, mode, pool, seed)).toEqual(question);
        }
      }
    }
  });
});

describe('canAskAs', () => {
  // A predict item whose step is missing can be asked in no mode: the one case where a mixed session drops an item.
  const stepless: QuizItem = { ...items.find((item) => item.kind === 'key-point')!, id: 'sim/x/y', kind: 'predict' };
  const noPool = { distractors: new Map() };
  it('says whether modeToAsk finds a mode, for every mode, track and seed, without drawing one', () => {
    const outcomes = new Set<string>();
    for (const item of [...items, stepless]) {
      for (const mode of ['mixed', ...MODES] as SessionMode[]) {
        for (const distractors of [pool, noPool]) {
          const can = canAskAs(item, mode, distractors);
          outcomes.add(`${mode}:${can}`);
          for (const track of [undefined, 'recall', 'recognition'] as const) {
            for (let seed = 0; seed < 20; seed++) expect(modeToAsk(item, mode, distractors, seed, track) !== undefined, `${item.id} as ${mode}`).toBe(can);
          }
        }
      }
    }
    for (const seen of ['mixed:true', 'mixed:false', 'choice:true', 'choice:false', 'cloze:false']) expect(outcomes).toContain(seen);
  });
});
