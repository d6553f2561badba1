import { isAbsolute } from 'node:path';
import { openCodeCache } from '../io/bundles/code-cache.js';
import { resolveDataPaths } from '../io/data-paths.js';

declare const __SWELEARN_BUILD_ID__: string;

/**
 * Runs the command line from the built CommonJS bundles (dist/swelearn.cjs and the study commands), with V8's
 * code for them cached in the user's cache folder: Node 20's ES module loader keeps no compiled code between
 * runs, so without it every run parses and compiles some 300 KB again. A run that fails writes no cache.
 * `distDir` is the bundles' folder, dist/.
 */
export async function start(args: string[], distDir: string): Promise<number> {
  const cache = openCodeCache({
    distDir,
    cacheDir: codeCacheHome(process.env),
    buildId: __SWELEARN_BUILD_ID__,
  });
  process.once('exit', (code) => {
    if (code === 0) cache.save();
  });
  const cli = cache.load('swelearn.cjs') as { main(argv: string[]): Promise<number> };
  return cli.main(args);
}

// The cache folder as app/environment.ts resolves it; a SWELEARN_HOME it refuses (relative, padded) caches nothing, and the command reports it.
function codeCacheHome(env: NodeJS.ProcessEnv): string | undefined {
  const home = env.SWELEARN_HOME;
  if (home !== undefined && home !== '' && (home.trim() !== home || !isAbsolute(home))) return undefined;
  return resolveDataPaths(env).cache;
}
