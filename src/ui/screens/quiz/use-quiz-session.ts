import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecordEntries } from '../../../core/quiz/record.js';
import type { SessionSetup } from '../../../core/quiz/session.js';
import type { QuizClock } from './quiz-clock.js';
import { initialQuizState, quizReducer, type QuizAction, type QuizScreenState } from './quiz-state.js';

const TICK_MS = 250;

/**
 * Holds the quiz state. Every action runs the pure reducer, then writes the entries it produced
 * through `record` (synchronously, fsync included) before the new state is rendered, so a verdict
 * on screen is always a verdict on disk.
 */
export function useQuizSession(setup: SessionSetup, clock: QuizClock, record: RecordEntries) {
  const [state, setState] = useState<QuizScreenState>(() => initialQuizState(setup, clock.now()));
  const current = useRef(state);
  const dispatch = useCallback(
    (action: QuizAction) => {
      let next = quizReducer(current.current, action);
      if (next.outbox.length > 0) {
        const entries = next.outbox;
        const result = record(entries);
        next = quizReducer({ ...next, outbox: [] }, { type: 'recorded', ids: entries.map((entry) => entry.id), ok: result.ok, ...(result.ok ? {} : { reason: result.reason }) });
      }
      if (next === current.current) return;
      current.current = next;
      setState(next);
    },
    [record],
  );
  const running = state.session.phase !== 'finished';
  // The clock only ticks while an item or the session can run out of time; a finished session uses no CPU.
  useEffect(() => {
    if (!running) return undefined;
    return clock.every(TICK_MS, () => dispatch({ type: 'tick', nowMs: clock.now() }));
  }, [clock, dispatch, running]);
  // Keys arriving faster than renders must see the newest state, not the one last drawn.
  const getState = useCallback(() => current.current, []);
  return { state, dispatch, getState };
}
