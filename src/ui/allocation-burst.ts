import { runInNewContext } from 'node:vm';
import { nodeV8, youngGenerationLimited } from './young-generation.js';

let running = 0;
let collect: (() => void) | undefined;

/**
 * Runs one of the study services' bursts of allocation in the app (a quiz prepared over a library whose items are not
 * cached yet, the statistics or the badges read) so that the memory it takes goes back afterwards: V8's optimising
 * compiler is off while it runs, and a full collection follows it. Both measured at 1,000 cards, the memory journey of
 * the bench with the items made at its quiz (bench/ui-bench.mjs; two to four runs each): the quiz and statistics steps
 * 107-115 MB as before, 99-109 MB with the collection, 96-104 MB with both. The optimising compiler's work runs on
 * V8's background threads, whose malloc arenas keep what it used (about 8 MB here), and optimised code does not make
 * the burst faster (making the items took 530-735 ms without it, 555-1,076 ms with it); the collection takes about
 * 20 ms, after work the user already waited half a second for. (Measured on Node 20; Node 22 and 24 also have the
 * Maglev compiler on, which is left as it is.) Only once the first frame is out
 * (youngGenerationLimited): V8 rejects code cached under other flags, and the code cache is written at that point.
 * `beforeFlagsChange` runs before the flags change: the code cache stores what it compiled under the flags so far.
 */
export async function inAllocationBurst<T>(work: () => Promise<T>, beforeFlagsChange?: () => void): Promise<T> {
  if (!youngGenerationLimited()) return work();
  const v8 = nodeV8();
  if (running++ === 0) {
    beforeFlagsChange?.();
    v8.setFlagsFromString('--no-turbofan');
  }
  try {
    return await work();
  } finally {
    if (--running === 0) {
      v8.setFlagsFromString('--turbofan');
      collectGarbage(v8);
    }
  }
}

// A full collection now: V8's gc() made visible to a new context once --expose-gc is set (the way the expose-gc package does it).
function collectGarbage(v8: typeof import('node:v8')): void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
