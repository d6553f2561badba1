import { isAbsolute } from 'node:path';
import { openCodeCache, type CodeCache } from '../io/bundles/code-cache.js';
import { resolveDataPaths } from '../io/data-paths.js';

declare const __SWELEARN_BUILD_ID__: string;

let codeCache: CodeCache | undefined;

/**
 * The one loader of the cached bundles in this process, made on first use with that caller's `distDir`: the command
 * bundles, the app's scripts and the item makers all go through it, so a script loaded twice (the app's entry from a
 * command and from the app) is one module. A run that fails writes no cache; one the user ended with Ctrl-C (130, how
 * the app is often left) writes what it compiled, as one that finished does.
 */
function bundles(distDir: string, start?: string): CodeCache {
  if (codeCache) return codeCache;
  const cache = openCodeCache({ distDir, cacheDir: codeCacheHome(process.env), buildId: __SWELEARN_BUILD_ID__, ...(start ? { start } : {}) });
  process.once('exit', (code) => {
    if (code === 0 || code === 130) cache.save();
  });
  return (codeCache = cache);
}

/**
 * Runs the command line from the built CommonJS bundles (dist/swelearn.cjs and the study commands), with V8's
 * code for them cached in the user's cache folder: Node 20's ES module loader keeps no compiled code between
 * runs, so without it every run parses and compiles some 300 KB again. `distDir` is the bundles' folder, dist/.
 */
export async function start(args: string[], distDir: string): Promise<number> {
  const cli = bundles(distDir).load('swelearn.cjs') as { main(argv: string[]): Promise<number> };
  return cli.main(args);
}

/**
 * What bin/swelearn.js runs for a bare `swelearn`, `swelearn stats` or `swelearn quiz` in a terminal: the app's scripts
 * (dist/app/open-app.cjs and its chunks, scripts/cached-scripts.mjs) through the same code cache, without the
 * command bundle. The app stores their compiled code once its first frame is out (RunAppOptions.onStartupDone).
 */
export function openApp(command: 'stats' | 'quiz' | undefined, distDir: string): Promise<number> {
  return (bundles(distDir, `app-${command ?? 'home'}`).load('app/open-app.cjs') as typeof import('./app-entry.js')).openAppFromBin(command);
}

/** Runs one of the cached scripts of `distDir` (the bench loads its minimal Ink app exactly as the app is loaded). */
export function loadScript(file: string, distDir: string): unknown {
  return bundles(distDir).load(file);
}

/** A cached bundle by its path in dist/, for a bundle that is not run through the cache itself (an ES module such as dist/sim.js). */
export function loadCached(file: string): unknown {
  return bundles(__dirname).load(file);
}

// The cache folder as app/environment.ts resolves it; a SWELEARN_HOME it refuses (relative, padded) caches nothing, and the command reports it.
function codeCacheHome(env: NodeJS.ProcessEnv): string | undefined {
  const home = env.SWELEARN_HOME;
  if (home !== undefined && home !== '' && (home.trim() !== home || !isAbsolute(home))) return undefined;
  return resolveDataPaths(env).cache;
}
