import type { FrameTimer } from './services.js';

/** When heavy work may run: not before `earliestAt`, and only once no key has come for `quietMs`. */
export interface IdleRule {
  earliestAt: number;
  quietMs: number;
}

/**
 * Runs `work` once the learner is idle by `rule`, checking again whenever a key postponed it; never in
 * the calling tick. Returns a cancel function. Time and the last key's time are read, so tests inject both.
 */
export function runWhenIdle(timer: FrameTimer, now: () => number, lastKeyAt: () => number, rule: IdleRule, work: () => void): () => void {
  let handle: unknown;
  let cancelled = false;
  const check = () => {
    handle = undefined;
    if (cancelled) return;
    const dueAt = Math.max(rule.earliestAt, lastKeyAt() + rule.quietMs);
    if (now() >= dueAt) work();
    else handle = timer.setTimeout(check, dueAt - now());
  };
  handle = timer.setTimeout(check, Math.max(0, rule.earliestAt - now()));
  return () => {
    cancelled = true;
    if (handle !== undefined) timer.clearTimeout(handle);
  };
}
