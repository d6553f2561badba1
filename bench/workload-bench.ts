import { advanceWorkload, createWorkloadRun, workloadDone, workloadMemoryBytes } from '../src/core/dns-sim/workload/workload-run.js';
import { simulateWorkload } from '../src/core/dns-sim/workload/simulate-workload.js';
import type { WorkloadConfig } from '../src/core/dns-sim/workload/workload-types.js';

const BASE: WorkloadConfig = { queries: 0, names: 10_000, alpha: 0.9, ttlSeconds: 300, qps: 1000, prefetch: false, serveStale: false, seed: 1 };
const MIN_QUERIES_PER_SECOND = 1_000_000;
// Live memory may differ between N = 1e5 and 1e7 by noise (a few stray objects), never by anything like N.
const MAX_GROWTH_BYTES = 1024 * 1024;

declare const gc: (() => void) | undefined;

function line(fields: Record<string, unknown>): void {
  console.log(JSON.stringify(fields));
}

function memory(): number {
  const usage = process.memoryUsage();
  // Typed arrays live outside the JS heap, so both count.
  return usage.heapUsed + usage.arrayBuffers;
}

function collect(): void {
  if (typeof gc === 'function') {
    gc();
    gc();
  }
}

/** Simulated client queries per second of wall time, for each variant, at N = 10,000,000. */
function benchThroughput(): boolean {
  let ok = true;
  simulateWorkload({ ...BASE, queries: 1_000_000 }); // warm the JIT
  for (const [variant, prefetch, serveStale] of [['baseline', false, false], ['prefetch + serve-stale', true, true]] as const) {
    const queries = 10_000_000;
    const started = performance.now();
    const result = simulateWorkload({ ...BASE, queries, prefetch, serveStale });
    const seconds = (performance.now() - started) / 1000;
    const perSecond = queries / seconds;
    ok &&= perSecond >= MIN_QUERIES_PER_SECOND;
    line({ figure: 'workload-queries-per-second', variant, queries, names: BASE.names, wallMs: Math.round(seconds * 1000), queriesPerSecond: Math.round(perSecond), limit: MIN_QUERIES_PER_SECOND, ok: perSecond >= MIN_QUERIES_PER_SECOND, hitRate: Number(result.hitRate.toFixed(4)) });
  }
  return ok;
}

/** Runs N queries in chunks of 100,000, sampling live memory after each; the run is garbage once this returns. */
function peakDuringRun(queries: number): { peak: number; modelBytes: number } {
  const run = createWorkloadRun({ ...BASE, queries, prefetch: true, serveStale: true });
  collect();
  let peak = memory();
  while (!workloadDone(run)) {
    advanceWorkload(run, 100_000);
    // Collected before each sample, so the figure is live memory, not garbage the next GC would take.
    collect();
    peak = Math.max(peak, memory());
  }
  return { peak, modelBytes: workloadMemoryBytes(run) };
}

/**
 * Memory before, at its peak during, and after a run at N = 1e5, 1e6 and 1e7: the peak growth is the
 * working set (it must not grow with N) and what is left after the run is a leak check (about zero).
 */
function benchMemory(): boolean {
  const growths: number[] = [];
  peakDuringRun(100_000); // compile first, so the first measured run does not pay for the JIT's feedback
  for (const queries of [100_000, 1_000_000, 10_000_000]) {
    collect();
    const before = memory();
    const { peak, modelBytes } = peakDuringRun(queries);
    collect();
    const after = memory();
    growths.push(peak - before);
    line({ figure: 'workload-memory', queries, names: BASE.names, beforeBytes: before, peakBytes: peak, afterBytes: after, peakGrowthBytes: peak - before, leftAfterBytes: after - before, modelBytes, gcExposed: typeof gc === 'function' });
  }
  const spread = Math.max(...growths) - Math.min(...growths);
  const ok = spread <= MAX_GROWTH_BYTES;
  line({ figure: 'workload-memory-growth-with-n', spreadBytes: spread, limitBytes: MAX_GROWTH_BYTES, ok });
  return ok;
}

/** Runs the workload figures; returns false when any misses its limit. */
export function benchWorkload(): boolean {
  const throughput = benchThroughput();
  const memoryOk = benchMemory();
  return throughput && memoryOk;
}
