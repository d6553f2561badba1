import { buildDistractorPool } from '../../../src/core/quiz/items/choice.js';
import { generateItems } from '../../../src/core/quiz/items/generate-items.js';
import { presentItem } from '../../../src/core/quiz/items/present.js';
import type { LogEntry } from '../../../src/core/quiz/progress/log-entry.js';
import { markSaved, startSession, type SessionSetup, type SessionState, type Transition } from '../../../src/core/quiz/session/session.js';
import type { QuizMode, Question } from '../../../src/core/quiz/types.js';
import { quizCard } from './quiz-fixtures.js';

/** One small card (bundled, at `ttl.md`): four clozable points and a practice question. */
export const sessionCard = quizCard('ttl', ['Unbound caps TTLs at **86400 s** by default.', 'Chrome keeps answers for **60 s**.', 'The JVM caches for **30 s** by default.', 'Serve-stale is in **RFC 8767**.'], {
  questions: [['Why not set every TTL to 5 s?', 'Every lookup becomes a miss.']],
});

/** Items of that card: three clozable points and a practice question. */
export const sessionItems = generateItems([sessionCard]);

const pool = buildDistractorPool(sessionItems, new Map());

/** The questions of the given items in one mode, 30 s each. */
export function questions(mode: QuizMode, count = 3): Question[] {
  return sessionItems.flatMap((item) => presentItem(item, mode, pool, 1, { perItemMs: 30_000 }) ?? []).slice(0, count);
}

/** A session setup over those questions. */
export function setup(mode: QuizMode, overrides: Partial<SessionSetup> = {}): SessionSetup {
  return { sessionId: 'test', questions: questions(mode), schedules: {}, cram: false, retryMisses: false, ...overrides };
}

/** One step of a played session: a key the learner pressed, at a time. */
export type SessionStep = (state: SessionState, atMs: number) => Transition | SessionState;

/** Runs steps over a session started at `startMs`, one every `stepMs`, collecting every entry it writes, as the recorder would. */
export function playSession(start: SessionSetup, steps: readonly SessionStep[], startMs: number, stepMs: number): { state: SessionState; log: LogEntry[] } {
  let state = startSession(start, startMs);
  const log: LogEntry[] = [];
  steps.forEach((step, index) => {
    const result = step(state, startMs + (index + 1) * stepMs);
    if ('entries' in result) {
      log.push(...result.entries);
      // As the recorder does: the state shown next knows its entries are on disk.
      state = markSaved(result.state, result.entries.map((entry) => entry.id), true);
    } else state = result;
  });
  return { state, log };
}
