import { describe, expect, it } from 'vitest';
import { closedFormHitRate, hitRateCurve, logSpacedTtls } from '../../../../src/core/dns-sim/workload/closed-form.js';
import { simulateWorkload } from '../../../../src/core/dns-sim/workload/simulate-workload.js';
import { zipfProbabilities } from '../../../../src/core/dns-sim/workload/zipf.js';

const base = { queries: 1_000_000, names: 10_000, prefetch: false, serveStale: false, seed: 1 };

describe('closed-form hit rate of a TTL cache under Poisson arrivals', () => {
  it.each([
    // qps, ttl: one name, so the rate is lambda*T / (1 + lambda*T) exactly.
    [2, 3, 6 / 7],
    [0.5, 2, 0.5],
    [100, 60, 6000 / 6001],
  ])('is lambda*T/(1+lambda*T) for a single name at %d qps and TTL %d s', (qps, ttl, expected) => {
    expect(closedFormHitRate(new Float64Array([1]), qps, ttl)).toBeCloseTo(expected, 12);
  });

  it('weights each name by its popularity', () => {
    // Two names at 3/4 and 1/4 of 4 qps, TTL 1 s: lambda*T = 3 and 1.
    expect(closedFormHitRate(new Float64Array([0.75, 0.25]), 4, 1)).toBeCloseTo(0.75 * (3 / 4) + 0.25 * (1 / 2), 12);
  });

  it('rises with the TTL along a log-spaced curve from 1 s to a day', () => {
    const ttls = logSpacedTtls(1, 86_400, 40);
    expect(ttls[0]).toBe(1);
    expect(ttls.at(-1)).toBeCloseTo(86_400, 6);
    const curve = hitRateCurve(zipfProbabilities(10_000, 0.9), 1000, ttls);
    for (let i = 1; i < curve.length; i++) expect(curve[i]!.hitRate).toBeGreaterThan(curve[i - 1]!.hitRate);
    expect(curve[0]!.hitRate).toBeGreaterThan(0);
    expect(curve.at(-1)!.hitRate).toBeLessThan(1);
  });
});

describe('the simulated hit rate agrees with the closed form at N = 1,000,000', () => {
  it.each([
    { alpha: 0.9, ttlSeconds: 60, qps: 500 },
    { alpha: 1.2, ttlSeconds: 300, qps: 5000 },
    { alpha: 0.9, ttlSeconds: 120, qps: 2000 },
    { alpha: 1.2, ttlSeconds: 60, qps: 500 },
  ])('within one percentage point for alpha $alpha, TTL $ttlSeconds s, $qps qps over 10,000 names', (params) => {
    const result = simulateWorkload({ ...base, ...params });
    expect(result.counts.queries).toBe(1_000_000);
    expect(Math.abs(result.hitRate - result.closedFormHitRate)).toBeLessThan(0.01);
    // Not trivially true: these rates sit well inside (0, 1), so a wrong model would miss by points.
    expect(result.closedFormHitRate).toBeGreaterThan(0.8);
    expect(result.closedFormHitRate).toBeLessThan(0.995);
  });

  it('would notice a wrong model: the same traffic at a tenth of the TTL is far from the closed form at the full TTL', () => {
    const short = simulateWorkload({ ...base, alpha: 0.9, ttlSeconds: 6, qps: 500 });
    const full = closedFormHitRate(zipfProbabilities(10_000, 0.9), 500, 60);
    expect(full - short.hitRate).toBeGreaterThan(0.1);
    expect(Math.abs(short.hitRate - short.closedFormHitRate)).toBeLessThan(0.01);
  });
});
