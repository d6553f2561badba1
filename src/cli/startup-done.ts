import type { BundleHost } from '../io/bundles/code-cache.js';

declare const __swelearnHost: BundleHost | undefined;

let told = false;

/**
 * Tells the code cache that start-up is over, once: the code compiled so far is what the next run's cache
 * should hold. Called before the first output, so a script that stops reading after the first line (and kills
 * the command) still leaves the cache written. Does nothing unless running from the built CommonJS bundles.
 */
export function startupDone(): void {
  if (told) return;
  told = true;
  if (typeof __swelearnHost !== 'undefined') __swelearnHost.startupDone();
}

/**
 * Has the code cache store what the app compiled to its first frame and cache nothing more: called just before the
 * app changes V8's flags (src/ui/young-generation.ts), under which V8 would reject code cached before. Does nothing
 * unless running from the built scripts.
 */
export function endCodeCaching(): void {
  if (typeof __swelearnHost !== 'undefined') __swelearnHost.endCaching();
}

/**
 * Has the code cache cache again, once the app has set the V8 flags it keeps after its first frame: the code loaded
 * after that frame (the other screens' code, preloaded at once, and the Markdown renderer) was compiled from its source
 * on every start, 14 to 19 ms of compiling in the first seconds (21 scripts, one of them 5 to 9 ms). Ended again, by
 * endCodeCaching, before the app changes the flags once more (ui/allocation-burst.ts).
 */
export function resumeCodeCaching(): void {
  if (typeof __swelearnHost !== 'undefined') __swelearnHost.resumeCaching();
}
