import { describe, expect, it } from 'vitest';
import { createLatencyHistogram, latencyMean, latencyPercentile, recordLatency } from '../../../../src/core/dns-sim/workload/latency-histogram.js';

describe('the latency histogram', () => {
  it('reports equal values exactly', () => {
    const histogram = createLatencyHistogram();
    for (let i = 0; i < 100; i++) recordLatency(histogram, 1);
    expect(latencyPercentile(histogram, 0.5)).toBe(1);
    expect(latencyPercentile(histogram, 0.999)).toBe(1);
    expect(latencyMean(histogram)).toBe(1);
  });

  it.each([[0.5, 500], [0.9, 900], [0.99, 990], [0.999, 999]])('gives percentile %d of 1..1000 ms within 1%', (q, exact) => {
    const histogram = createLatencyHistogram();
    for (let ms = 1; ms <= 1000; ms++) recordLatency(histogram, ms);
    expect(Math.abs(latencyPercentile(histogram, q) - exact) / exact).toBeLessThan(0.01);
  });

  it('keeps a fixed size however many values it holds, and clamps values outside its range', () => {
    const histogram = createLatencyHistogram();
    const bytes = histogram.counts.byteLength + histogram.sums.byteLength;
    for (let i = 0; i < 100_000; i++) recordLatency(histogram, (i % 997) + 0.5);
    recordLatency(histogram, 0);
    recordLatency(histogram, 1e9);
    expect(histogram.counts.byteLength + histogram.sums.byteLength).toBe(bytes);
    expect(bytes).toBeLessThan(32 * 1024);
    expect(histogram.counts.reduce((a, b) => a + b, 0)).toBe(100_002);
  });

  it('returns 0 when empty', () => {
    expect(latencyPercentile(createLatencyHistogram(), 0.5)).toBe(0);
  });
});
