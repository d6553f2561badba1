import { describe, expect, it } from 'vitest';
import { nextRandom } from '../../../../src/core/dns-sim/prng.js';
import { RandomStream, workloadStream } from '../../../../src/core/dns-sim/workload/random-stream.js';

describe('the workload random stream', () => {
  it('draws the same mulberry32 sequence as prng.ts from the same state', () => {
    const stream = new RandomStream(99);
    let state = 99;
    for (let i = 0; i < 1000; i++) {
      const step = nextRandom(state);
      state = step.state;
      expect(stream.next()).toBe(step.value);
    }
  });

  it('gives each purpose and seed its own stream', () => {
    const first = (seed: number, purpose: 'arrivals' | 'names' | 'latency') => workloadStream(seed, purpose).next();
    expect(first(1, 'arrivals')).toBe(first(1, 'arrivals'));
    expect(first(1, 'arrivals')).not.toBe(first(1, 'names'));
    expect(first(1, 'arrivals')).not.toBe(first(2, 'arrivals'));
  });

  it.each([1, 500, 5000])('spaces Poisson arrivals at %d qps with exponential gaps: mean 1/R, standard deviation 1/R', (qps) => {
    const stream = new RandomStream(7);
    const count = 200_000;
    let sum = 0;
    let sumOfSquares = 0;
    for (let i = 0; i < count; i++) {
      const gap = stream.exponential(qps);
      sum += gap;
      sumOfSquares += gap * gap;
    }
    const mean = sum / count;
    const deviation = Math.sqrt(sumOfSquares / count - mean * mean);
    expect(mean * qps).toBeGreaterThan(0.99);
    expect(mean * qps).toBeLessThan(1.01);
    expect(deviation * qps).toBeGreaterThan(0.98);
    expect(deviation * qps).toBeLessThan(1.02);
  });

  it('draws standard normals: mean 0, variance 1', () => {
    const stream = new RandomStream(3);
    const values = Array.from({ length: 100_000 }, () => stream.normal());
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
  });
});
