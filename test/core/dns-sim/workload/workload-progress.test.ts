import { describe, expect, it } from 'vitest';
import { simulateWorkloadVariants } from '../../../../src/core/dns-sim/workload/simulate-workload.js';
import { buildWorkloadReport } from '../../../../src/core/dns-sim/workload/workload-report.js';
import { PROGRESS_CHUNK_QUERIES, startProgress, type WorkloadProgress, type WorkloadProgressUpdate } from '../../../../src/core/dns-sim/workload/workload-progress.js';
import type { WorkloadConfig } from '../../../../src/core/dns-sim/workload/workload-types.js';

const CHUNK = PROGRESS_CHUNK_QUERIES;
const config: WorkloadConfig = { queries: 3 * CHUNK, names: 500, alpha: 0.9, ttlSeconds: 60, qps: 500, prefetch: false, serveStale: false, seed: 1 };

/** A sink whose clock reads the given times in turn (then stays on the last), recording what is shown. */
function recorder(times: number[]): WorkloadProgress & { shown: WorkloadProgressUpdate[]; cleared: number } {
  let read = 0;
  const sink = {
    shown: [] as WorkloadProgressUpdate[],
    cleared: 0,
    elapsedMs: () => times[Math.min(read++, times.length - 1)]!,
    show: (update: WorkloadProgressUpdate) => void sink.shown.push(update),
    clear: () => void sink.cleared++,
  };
  return sink;
}

describe('workload progress', () => {
  it.each([
    ['nothing before two seconds', [0, 500, 1000, 1999, 1999], []],
    ['from two seconds on', [0, 1000, 2000, 3000, 4000], [2000, 3000, 4000]],
    ['at most one update per 100 ms', [0, 2000, 2050, 2099, 2100, 2150, 2250], [2000, 2100, 2250]],
  ])('shows %s (clock readings drive it, no waiting)', (_name, times, shownAt) => {
    const sink = recorder(times);
    const tracker = startProgress(sink);
    const ticks = times.slice(1);
    ticks.forEach((time, index) => tracker.tick({ done: time, total: 10_000, label: `tick ${index}` }));
    tracker.finish();
    expect(sink.shown.map((update) => update.done)).toEqual(shownAt);
    expect(sink.cleared).toBe(shownAt.length > 0 ? 1 : 0);
  });

  it('reports each chunk of every variant once the run passes two seconds, then clears once', () => {
    // One clock reading at the start, one per chunk: 6 chunks over two variants, a second each.
    const sink = recorder([0, 1000, 2000, 3000, 4000, 5000, 6000]);
    simulateWorkloadVariants({ ...config, prefetch: true }, undefined, sink);
    expect(sink.shown).toEqual([
      { done: 2 * CHUNK, total: 6 * CHUNK, label: 'baseline' },
      { done: 3 * CHUNK, total: 6 * CHUNK, label: 'baseline' },
      { done: 4 * CHUNK, total: 6 * CHUNK, label: 'prefetch' },
      { done: 5 * CHUNK, total: 6 * CHUNK, label: 'prefetch' },
      { done: 6 * CHUNK, total: 6 * CHUNK, label: 'prefetch' },
    ]);
    expect(sink.cleared).toBe(1);
  });

  it('gives the very same report with a progress sink as without', () => {
    const slow = recorder([0, 5000]);
    const withProgress = buildWorkloadReport({ ...config, serveStale: true }, 24, undefined, slow);
    expect(slow.shown.length).toBeGreaterThan(0);
    expect(withProgress).toEqual(buildWorkloadReport({ ...config, serveStale: true }, 24));
  });
});
