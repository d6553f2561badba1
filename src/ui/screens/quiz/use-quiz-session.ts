import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useServices } from '../../services.js';
import { quizClock, type QuizClock } from './quiz-clock.js';
import type { QuizRoute } from './quiz-route.js';
import { quizReducer, type QuizAction } from './quiz-state.js';

const TICK_MS = 250;

/**
 * The running session of a quiz route: its clock, and a dispatch that runs the pure reducer, then writes
 * the entries it produced through the launch's recorder (synchronously, fsync included) before the new
 * state is stored, so a verdict on screen is always a verdict on disk.
 */
export function useQuizSession(latest: () => QuizRoute, setState: (update: (route: QuizRoute) => QuizRoute) => void, route: QuizRoute): { clock: QuizClock | undefined; dispatch: (action: QuizAction) => void } {
  const { timer, now } = useServices();
  const offsetMs = route.launch?.clockOffsetMs;
  const clock = useMemo(() => (offsetMs === undefined ? undefined : quizClock(timer, now, offsetMs)), [timer, now, offsetMs]);
  // The screen's props are new functions on every render; the dispatch stays one, so the clock is never re-armed by a key.
  const props = useRef({ latest, setState });
  props.current = { latest, setState };
  const dispatch = useCallback((action: QuizAction) => {
    const { latest, setState } = props.current;
    const current = latest();
    if (!current.screen || !current.launch) return;
    let next = quizReducer(current.screen, action);
    if (next.outbox.length > 0) {
      const entries = next.outbox;
      const result = current.launch.record(entries);
      next = quizReducer({ ...next, outbox: [] }, { type: 'recorded', ids: entries.map((entry) => entry.id), ok: result.ok, ...(result.ok ? {} : { reason: result.reason }) });
    }
    if (next === current.screen) return;
    setState((quiz) => (quiz.screen === current.screen ? { ...quiz, screen: next } : quiz));
  }, []);
  const running = route.screen !== undefined && route.screen.session.phase !== 'finished';
  // The clock stands still while the screen is not on show (the key help covers it, the terminal is too small).
  useEffect(() => {
    if (!clock) return undefined;
    if (props.current.latest().screen?.pausedAt !== undefined) dispatch({ type: 'resume', nowMs: clock.now() });
    return () => dispatch({ type: 'pause', nowMs: clock.now() });
  }, [clock, dispatch]);
  // It only ticks while an item or the session can run out of time; a finished session uses no CPU.
  useEffect(() => {
    if (!clock || !running) return undefined;
    return clock.every(TICK_MS, () => dispatch({ type: 'tick', nowMs: clock.now() }));
  }, [clock, dispatch, running]);
  return { clock, dispatch };
}
