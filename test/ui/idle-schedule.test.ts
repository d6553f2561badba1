import { describe, expect, it } from 'vitest';
import { runWhenIdle } from '../../src/ui/idle-schedule.js';
import { manualTimer } from './app-harness.js';

describe('runWhenIdle: heavy work waits for the first seconds and for a pause in typing', () => {
  const cases = [
    { name: 'no key: runs at the earliest moment, not before', keysAt: [], earliestAt: 2000, runsAt: 2000 },
    { name: 'a key just before the earliest moment postpones it by the quiet time', keysAt: [1500], earliestAt: 2000, runsAt: 2500 },
    { name: 'keys typed on through the quiet time keep postponing it', keysAt: [100, 1900, 2400, 2900], earliestAt: 2000, runsAt: 3900 },
    { name: 'a key long before the earliest moment changes nothing', keysAt: [200], earliestAt: 2000, runsAt: 2000 },
  ];
  it.each(cases)('$name', async ({ keysAt, earliestAt, runsAt }) => {
    const timer = manualTimer();
    let lastKeyAt = Number.NEGATIVE_INFINITY;
    const ranAt: number[] = [];
    runWhenIdle(timer, timer.elapsed, () => lastKeyAt, { earliestAt, quietMs: 1000 }, () => ranAt.push(timer.elapsed()));
    expect(ranAt).toEqual([]); // never in the calling tick
    for (const at of keysAt) {
      await timer.advance(at - timer.elapsed());
      lastKeyAt = at;
    }
    await timer.advance(10_000);
    expect(ranAt).toEqual([runsAt]);
  });

  it('cancelled, it never runs', async () => {
    const timer = manualTimer();
    let ran = 0;
    const cancel = runWhenIdle(timer, timer.elapsed, () => 0, { earliestAt: 10, quietMs: 1000 }, () => ran++);
    await timer.advance(500);
    cancel();
    await timer.advance(5000);
    expect(ran).toBe(0);
    expect(timer.pending()).toBe(0);
  });
});
