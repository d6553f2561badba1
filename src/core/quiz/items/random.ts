import { hashSeed, nextRandom, shuffleFrom, type PrngState } from '../../random/prng.js';

/** A 32-bit PRNG state (mulberry32), passed along so every draw is reproducible from a seed. */
export type RandomState = PrngState;

export { nextRandom };

/** Mixes a seed and keys into a state (FNV-1a, then one step), so each item gets its own independent draw. */
export function seedFor(seed: number, ...keys: (string | number)[]): RandomState {
  return nextRandom(hashSeed(seed, ...keys)).state;
}

/** A shuffled copy (Fisher-Yates) drawn from the seed and keys. */
export function shuffled<T>(items: readonly T[], seed: number, ...keys: (string | number)[]): T[] {
  return shuffleFrom(items, seedFor(seed, ...keys));
}

/** A float in [0, 1) that depends only on the seed and the keys. */
export function randomFor(seed: number, ...keys: (string | number)[]): number {
  return nextRandom(seedFor(seed, ...keys)).value;
}
