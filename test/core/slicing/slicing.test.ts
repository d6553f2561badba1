import { describe, expect, it } from 'vitest';
import { forEachInSlices } from '../../../src/core/slicing/slicing.js';

/** The steps run, with a '|' wherever the work paused, under a clock that moves `tick` ms each time it is read. */
async function trace(count: number, sliceMs: number, tick: number): Promise<string> {
  let clock = 0;
  const events: string[] = [];
  await forEachInSlices(count, { now: () => (clock += tick), sliceMs, pause: async () => void events.push('|') }, (index) => events.push(String(index)));
  return events.join('');
}

describe('work in slices', () => {
  it.each([
    { count: 0, sliceMs: 1, tick: 5, expected: '' },
    { count: 1, sliceMs: 1, tick: 5, expected: '0' },
    { count: 4, sliceMs: 100, tick: 1, expected: '0123' },
    { count: 4, sliceMs: 1, tick: 5, expected: '0|1|2|3' },
    { count: 5, sliceMs: 2, tick: 1, expected: '01|23|4' },
  ])('runs $count steps in order and pauses only between two of them when a slice is used up: $expected', async ({ count, sliceMs, tick, expected }) => {
    expect(await trace(count, sliceMs, tick)).toBe(expected);
  });
});
