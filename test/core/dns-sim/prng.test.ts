import { describe, expect, it } from 'vitest';
import { hashSeed, nextRandom, seededFloat, seededInt, seededShuffle } from '../../../src/core/dns-sim/prng.js';

describe('seeded PRNG', () => {
  it('is a pure function of its state: the same state gives the same value and next state', () => {
    expect(nextRandom(42)).toEqual(nextRandom(42));
    expect(nextRandom(42).value).not.toBe(nextRandom(43).value);
  });

  it('draws floats in [0, 1) that spread over the range', () => {
    let state = 7;
    const values: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const step = nextRandom(state);
      values.push(step.value);
      state = step.state;
    }
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it.each([
    [1, ['rtt', '10.0.0.53', '198.41.0.4']],
    [2, ['id', 17]],
  ])('gives counter-based draws that depend only on seed %i and the keys', (seed, keys) => {
    expect(seededFloat(seed, ...keys)).toBe(seededFloat(seed, ...keys));
    expect(seededFloat(seed, ...keys)).not.toBe(seededFloat(seed + 1, ...keys));
    expect(hashSeed(seed, ...keys)).not.toBe(hashSeed(seed, ...keys, 'x'));
  });

  it('keeps seededInt inside its bounds', () => {
    for (let key = 0; key < 200; key++) {
      const value = seededInt(25, 180, 9, key);
      expect(value).toBeGreaterThanOrEqual(25);
      expect(value).toBeLessThanOrEqual(180);
    }
  });

  it('shuffles into a permutation that changes with the seed', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect([...seededShuffle(items, 1, 'k')].sort()).toEqual(items);
    const orders = new Set([1, 2, 3, 4, 5].map((seed) => seededShuffle(items, seed, 'k').join('')));
    expect(orders.size).toBeGreaterThan(1);
  });
});
