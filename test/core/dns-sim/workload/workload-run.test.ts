import { describe, expect, it } from 'vitest';
import { advanceWorkload, createWorkloadRun, MAX_STALE_SECONDS, workloadDone, workloadMemoryBytes } from '../../../../src/core/dns-sim/workload/workload-run.js';
import { simulateWorkload, simulateWorkloadVariants, summarizeWorkload } from '../../../../src/core/dns-sim/workload/simulate-workload.js';
import type { WorkloadConfig } from '../../../../src/core/dns-sim/workload/workload-types.js';

const config: WorkloadConfig = { queries: 200_000, names: 5000, alpha: 0.9, ttlSeconds: 60, qps: 500, prefetch: false, serveStale: false, seed: 1 };

describe('the workload simulation', () => {
  it('gives the same result for the same seed and a different one for another seed', () => {
    expect(simulateWorkload(config)).toEqual(simulateWorkload(config));
    const other = simulateWorkload({ ...config, seed: 2 });
    expect(other.counts).not.toEqual(simulateWorkload(config).counts);
    expect(other.durationSeconds).not.toBe(simulateWorkload(config).durationSeconds);
  });

  it('gives the same result whether run in one go or in chunks', () => {
    const run = createWorkloadRun(config);
    while (!workloadDone(run)) advanceWorkload(run, 12_345);
    expect(summarizeWorkload(run)).toEqual(simulateWorkload(config));
  });

  it('accounts for every query exactly once, and every upstream fetch', () => {
    for (const variant of simulateWorkloadVariants({ ...config, prefetch: true, serveStale: true })) {
      const { counts } = variant.result;
      expect(counts.hits + counts.staleHits + counts.firstTimeMisses + counts.expiredMisses + counts.coalesced).toBe(config.queries);
      expect(counts.upstreamQueries).toBe(counts.firstTimeMisses + counts.expiredMisses + counts.prefetches + counts.staleRefreshes);
      expect(counts.firstTimeMisses).toBeLessThanOrEqual(config.names);
    }
  });

  it('spans about N / R seconds of virtual time (Poisson arrivals at R per second)', () => {
    const result = simulateWorkload(config);
    expect(result.durationSeconds).toBeGreaterThan((config.queries / config.qps) * 0.99);
    expect(result.durationSeconds).toBeLessThan((config.queries / config.qps) * 1.01);
    expect(result.upstreamQps).toBeCloseTo(result.counts.upstreamQueries / result.durationSeconds, 10);
  });

  it('sends the same traffic to every variant: only the cache behaviour differs', () => {
    const [base, prefetch, stale] = simulateWorkloadVariants({ ...config, prefetch: true, serveStale: true });
    expect(prefetch!.result.durationSeconds).toBe(base!.result.durationSeconds);
    expect(stale!.result.durationSeconds).toBe(base!.result.durationSeconds);
    expect(base!.result.counts.firstTimeMisses).toBe(stale!.result.counts.firstTimeMisses);
  });

  it('raises the hit rate with prefetch, at the cost of more upstream queries', () => {
    const base = simulateWorkload(config);
    const prefetch = simulateWorkload({ ...config, prefetch: true });
    expect(prefetch.counts.prefetches).toBeGreaterThan(0);
    expect(prefetch.hitRate - base.hitRate).toBeGreaterThan(0.015);
    expect(prefetch.counts.expiredMisses).toBeLessThan(base.counts.expiredMisses);
    expect(prefetch.upstreamQps).toBeGreaterThan(base.upstreamQps);
  });

  it('never prefetches under a 10 s TTL, as Unbound computes the window in whole seconds', () => {
    const result = simulateWorkload({ ...config, ttlSeconds: 9, prefetch: true });
    expect(result.counts.prefetches).toBe(0);
    expect(result.counts).toEqual(simulateWorkload({ ...config, ttlSeconds: 9 }).counts);
  });

  it('cuts the misses clients see with serve-stale to the first-time names and those joining their first fetch', () => {
    const base = simulateWorkload(config);
    const stale = simulateWorkload({ ...config, serveStale: true });
    expect(config.queries / config.qps).toBeLessThan(MAX_STALE_SECONDS);
    expect(stale.counts.expiredMisses).toBe(0);
    expect(stale.counts.staleHits).toBeGreaterThan(0);
    expect(stale.clientWaitRate).toBeLessThan(base.clientWaitRate / 4);
    expect(stale.clientWaitRate * config.queries).toBe(stale.counts.firstTimeMisses + stale.counts.coalesced);
    expect(stale.answeredFromCacheRate).toBeGreaterThan(base.answeredFromCacheRate);
    expect(stale.latencyMs.p99).toBeLessThan(base.latencyMs.p99);
    // Fresh hits do not change: every expiry still costs one fetch, it just no longer makes a client wait.
    expect(stale.counts.upstreamQueries).toBe(base.counts.upstreamQueries);
  });

  it('answers hits in about 1 ms and misses in tens to hundreds of ms', () => {
    const result = simulateWorkload(config);
    expect(result.latencyMs.p50).toBe(1);
    expect(result.latencyMs.p99).toBeGreaterThan(50);
    expect(result.latencyMs.p999).toBeGreaterThan(result.latencyMs.p99);
    expect(result.latencyMs.p999).toBeLessThan(2000);
  });

  it('holds memory sized by the names, never by the queries', () => {
    const small = createWorkloadRun({ ...config, queries: 1000 });
    const large = createWorkloadRun({ ...config, queries: 100_000_000 });
    expect(workloadMemoryBytes(large)).toBe(workloadMemoryBytes(small));
    advanceWorkload(small, 1000);
    advanceWorkload(large, 200_000);
    expect(workloadMemoryBytes(large)).toBe(workloadMemoryBytes(small));
    // 28 bytes a name (alias threshold and index, expiry, fetch in flight) plus a fixed histogram.
    const tenTimesTheNames = createWorkloadRun({ ...config, names: 50_000 });
    expect(workloadMemoryBytes(tenTimesTheNames) - workloadMemoryBytes(small)).toBe(28 * 45_000);
    expect(workloadMemoryBytes(small) - 28 * config.names).toBeLessThan(64 * 1024);
  });
});
