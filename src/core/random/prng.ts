// Shared by the simulator and the quiz: every draw in swelearn is reproducible from a seed.
/** A 32-bit PRNG state; the next value is a pure function of it, so it can travel inside simulation state. */
export type PrngState = number;

/** One mulberry32 step: returns a float in [0, 1) and the next state. */
export function nextRandom(state: PrngState): { value: number; state: PrngState } {
  const next = (state + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, state: next };
}

/** Mixes a seed with any number of keys (FNV-1a over the key text) into a 32-bit state. */
export function hashSeed(seed: number, ...keys: (string | number)[]): PrngState {
  let hash = (0x811c9dc5 ^ (seed | 0)) >>> 0;
  const text = keys.join('\u0001');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash | 0;
}

/**
 * A float in [0, 1) that depends only on the seed and the keys: a counter-based draw, so the value
 * for one link or one packet does not depend on the order in which the simulation asks for it.
 */
export function seededFloat(seed: number, ...keys: (string | number)[]): number {
  // Two rounds, so keys that differ in one character still land far apart.
  const first = nextRandom(hashSeed(seed, ...keys));
  return nextRandom(first.state ^ Math.floor(first.value * 4294967296)).value;
}

/** An integer in [min, max] drawn like seededFloat. */
export function seededInt(min: number, max: number, seed: number, ...keys: (string | number)[]): number {
  return min + Math.floor(seededFloat(seed, ...keys) * (max - min + 1));
}

/** Returns a copy of items in an order drawn from the seed and keys (Fisher-Yates). */
export function seededShuffle<T>(items: readonly T[], seed: number, ...keys: (string | number)[]): T[] {
  return shuffleFrom(items, hashSeed(seed, ...keys));
}

/** Returns a copy of items shuffled (Fisher-Yates) by the generator starting at `state`. */
export function shuffleFrom<T>(items: readonly T[], state: PrngState): T[] {
  const out = [...items];
  let current = state;
  for (let i = out.length - 1; i > 0; i--) {
    const step = nextRandom(current);
    current = step.state;
    const j = Math.floor(step.value * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
