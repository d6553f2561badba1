import { hashSeed } from '../prng.js';

/**
 * A mutable stream of the same mulberry32 generator as ../prng.ts, for loops that draw millions of
 * numbers: prng.ts returns a fresh object per draw so its state can travel in simulation state; here
 * the state lives in the stream, which is what lets the workload run past a million queries a second.
 */
export class RandomStream {
  private state: number;

  /** Starts a stream from a raw 32-bit state (as prng.ts's nextRandom takes). */
  constructor(state: number) {
    this.state = state | 0;
  }

  /** A float in [0, 1); the sequence equals repeated nextRandom from the same state. */
  next(): number {
    const next = (this.state + 0x6d2b79f5) | 0;
    this.state = next;
    let t = next;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An exponential draw with the given rate (mean 1 / rate), by inversion: the gap of a Poisson stream. */
  exponential(rate: number): number {
    return -Math.log(1 - this.next()) / rate;
  }

  /** A standard normal draw (Box-Muller, one of the pair). */
  normal(): number {
    const radius = Math.sqrt(-2 * Math.log(1 - this.next()));
    return radius * Math.cos(2 * Math.PI * this.next());
  }
}

/**
 * One independent stream per purpose (arrivals, names, latency), so turning prefetch on changes
 * nothing about which names arrive when: the variants of a run see the very same traffic.
 */
export function workloadStream(seed: number, purpose: 'arrivals' | 'names' | 'latency'): RandomStream {
  return new RandomStream(hashSeed(seed, 'workload', purpose));
}
