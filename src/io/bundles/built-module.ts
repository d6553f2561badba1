import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../package-paths.js';

declare const __SWELEARN_BUNDLED__: boolean | undefined;

/**
 * A module that is a bundle of its own once built (dist/<file>), found from the package root so any
 * bundle or chunk can load it; from source (the tests), the module itself through `fromSource`. A .cjs file
 * is one of the scripts run through the code cache (the app's), loaded by dist/start.cjs's one loader, which
 * every bundle shares; any other file is an ES module.
 */
export async function loadBuiltModule<T>(file: string, fromSource: () => Promise<T>): Promise<T> {
  if (typeof __SWELEARN_BUNDLED__ !== 'boolean' || !__SWELEARN_BUNDLED__) return fromSource();
  const dist = join(packageRoot(), 'dist');
  if (!file.endsWith('.cjs')) return (await import(pathToFileURL(join(dist, file)).href)) as T;
  const starter = createRequire(import.meta.url)(join(dist, 'start.cjs')) as { loadCached(file: string): unknown };
  return starter.loadCached(file) as T;
}
