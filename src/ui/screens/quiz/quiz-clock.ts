/** The time source of the quiz screen: injected, so tests drive the countdown without timers. */
export interface QuizClock {
  now(): number;
  /** Calls the listener about every `intervalMs` until the returned function is called. */
  every(intervalMs: number, listener: () => void): () => void;
}

/** The real clock, optionally shifted (SWELEARN_NOW) so schedules can be tried out. */
export function systemClock(offsetMs = 0): QuizClock {
  return {
    now: () => Date.now() + offsetMs,
    every(intervalMs, listener) {
      const timer = setInterval(listener, intervalMs);
      return () => clearInterval(timer);
    },
  };
}
