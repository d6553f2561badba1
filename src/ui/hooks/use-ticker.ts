import { useEffect, useRef } from 'react';
import { useServices } from '../services.js';

/** Calls onTick once after delayMs; re-armed whenever the delay or the key changes; no timer at all when delayMs is undefined. */
export function useTicker(delayMs: number | undefined, key: unknown, onTick: () => void): void {
  const { timer } = useServices();
  const callback = useRef(onTick);
  callback.current = onTick;
  useEffect(() => {
    if (delayMs === undefined) return;
    const handle = timer.setTimeout(() => callback.current(), delayMs);
    return () => timer.clearTimeout(handle);
  }, [delayMs, key, timer]);
}
