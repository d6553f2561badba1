/** A 32-bit PRNG state (mulberry32), passed along so every draw is reproducible from a seed. */
export type RandomState = number;

/** Draws a float in [0, 1) and returns the next state. */
export function nextRandom(state: RandomState): { value: number; state: RandomState } {
  const next = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(next ^ (next >>> 15), next | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, state: next };
}

/** Mixes a seed and keys into a state with FNV-1a, so each item gets its own independent draw. */
export function seedFor(seed: number, ...keys: (string | number)[]): RandomState {
  let hash = (0x811c9dc5 ^ (seed | 0)) >>> 0;
  const text = keys.join('\u0001');
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return nextRandom(hash | 0).state;
}

/** A shuffled copy (Fisher-Yates) drawn from the seed and keys. */
export function shuffled<T>(items: readonly T[], seed: number, ...keys: (string | number)[]): T[] {
  const out = [...items];
  let state = seedFor(seed, ...keys);
  for (let i = out.length - 1; i > 0; i--) {
    const step = nextRandom(state);
    state = step.state;
    const j = Math.floor(step.value * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A float in [0, 1) that depends only on the seed and the keys. */
export function randomFor(seed: number, ...keys: (string | number)[]): number {
  return nextRandom(seedFor(seed, ...keys)).value;
}
