import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import type { QuizClock } from '../../../src/ui/screens/quiz/quiz-clock.js';

/** Keys as a terminal sends them. */
export const KEY = { enter: '\r', escape: '\u001b', up: '\u001b[A', down: '\u001b[B', backspace: '\u007f', tab: '\t', shiftTab: '\u001b[Z' } as const;

const ANSI = /\u001b\[[0-9;]*[A-Za-z]|\u001b\]8;;[^\u001b]*\u001b\\/g;

/** Renders a screen and gives the three things a test needs: press keys, wait for a frame, read it without colours. */
export function mount(element: ReactElement) {
  const instance = render(element);
  const frameText = () => (instance.lastFrame() ?? '').replace(ANSI, '');
  return {
    instance,
    frameText,
    press(...keys: string[]) {
      for (const key of keys) instance.stdin.write(key);
    },
    /** Polls until the frame satisfies the check (no fixed sleeps); fails with the last frame. */
    async waitForFrame(check: (frame: string) => boolean, timeoutMs = 3000): Promise<string> {
      const started = Date.now();
      while (Date.now() - started < timeoutMs) {
        const frame = frameText();
        if (check(frame)) return frame;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      throw new Error(`frame never matched; last frame:\n${frameText()}`);
    },
  };
}

/** A clock the test moves by hand; `advance` fires the screen's ticks at once. */
export function manualClock(startMs: number): QuizClock & { advance(ms: number): void; listeners(): number } {
  let now = startMs;
  const listeners = new Set<() => void>();
  return {
    now: () => now,
    every(_intervalMs, listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    listeners: () => listeners.size,
    advance(ms) {
      now += ms;
      for (const listener of [...listeners]) listener();
    },
  };
}
