import type { FrameTimer } from '../../services.js';

/** The time source of the quiz screen: injected, so tests drive the countdown without timers. */
export interface QuizClock {
  now(): number;
  /** Calls the listener about every `intervalMs` until the returned function is called. */
  every(intervalMs: number, listener: () => void): () => void;
}

/** The quiz's clock from the app's timer and wall clock, shifted by the study clock's offset (SWELEARN_NOW). */
export function quizClock(timer: FrameTimer, now: () => number, offsetMs: number): QuizClock {
  return {
    now: () => now() + offsetMs,
    every(intervalMs, listener) {
      let stopped = false;
      let handle: unknown;
      const arm = () => {
        handle = timer.setTimeout(() => {
          if (stopped) return;
          listener();
          if (!stopped) arm();
        }, intervalMs);
      };
      arm();
      return () => {
        stopped = true;
        timer.clearTimeout(handle);
      };
    },
  };
}
