import { createRequire as builtinRequireFor } from 'node:module';

// node:v8 (and the modules it loads) is read when the limit is set, after the first frame, not with the app's code.
const requireBuiltin = builtinRequireFor('/');

let limited = false;

/**
 * Changes V8's flags, so code cached before is no longer accepted: the app has its code cache store what it compiled to
 * its first frame just before calling this (RunAppOptions.onStartupDone), and cache again under these flags after it
 * (RunAppOptions.onFlagsSet).
 * Stops V8's young generation from growing any further, and has V8 favour memory over speed, for the rest of the
 * process. The app is long-lived and allocates in bursts (a screen's data, a study load); V8 doubles the young
 * generation after each burst up to 32 MB and rarely gives it back, which was a quarter of the app's memory after
 * visiting every screen. The growth factor is read each time V8 decides to grow (unlike the maximum size, fixed
 * when the heap is set up), so it can be set while running. The app sets it once its first frame is out: held
 * from the start, the young generation cost the first frame CPU wherever a burst comes before it (CPU to the
 * frame, interleaved runs: `swelearn quiz` 236 against 218 ms, a first run 150 against 146 ms; the warm home
 * screen the same). With 1,000 cards the cards loaded before the first frame still grow it to 16 MB;
 * --optimize-for-size, read by V8 at each collection, gives that back at the next full collection and grows the
 * old generation in smaller steps after each burst (memory journey at 1,000 cards, two runs each: the most after
 * any screen 128 and 131 MB without it, 112 and 107 MB with it; keystroke p95 and the keys of the first two
 * seconds unchanged). --no-sparkplug stops V8's baseline compiler from compiling the code of each screen visited: the
 * machine code it makes for warm functions is kept for the rest of the process (1.8 MB after every screen at 1,000
 * cards), while the hot ones are still optimised (memory journey at 1,000 cards, the most after any screen, six runs
 * with it on 95.9-101.1 MB, five off 95.0-99.3 MB; keystroke p95 with 42 and 1,000 cards 9.5 and 12.4 ms off against 11.4
 * and 18.0 ms on in this session's first bench run, the keys of the first two seconds at most 25 and 19 ms).
 */
export function limitYoungGeneration(): void {
  if (limited) return;
  limited = true;
  nodeV8().setFlagsFromString('--semi-space-growth-factor=1 --optimize-for-size --no-sparkplug');
}

/** node:v8, read when first asked for (after the first frame), not with the app's code. */
export function nodeV8(): typeof import('node:v8') {
  return requireBuiltin('node:v8') as typeof import('node:v8');
}

/** Whether limitYoungGeneration has run: the first frame is out and the code cache written, so V8's flags may change. */
export function youngGenerationLimited(): boolean {
  return limited;
}
