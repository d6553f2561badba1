import { useRef } from 'react';
import { windowStart } from '../components/window.js';

/** The first visible row of a windowed list, kept stable while the cursor stays in view. */
export function useListWindow(cursor: number, height: number, total: number): number {
  const start = useRef(0);
  start.current = windowStart(cursor, start.current, height, total);
  return start.current;
}
