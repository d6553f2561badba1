import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../package-paths.js';

declare const __SWELEARN_BUNDLED__: boolean | undefined;

/**
 * A module that is a bundle of its own once built (dist/<file>), found from the package root so any
 * bundle or chunk can load it; from source (the tests), the module itself through `fromSource`.
 */
export async function loadBuiltModule<T>(file: string, fromSource: () => Promise<T>): Promise<T> {
  if (typeof __SWELEARN_BUNDLED__ === 'boolean' && __SWELEARN_BUNDLED__) return (await import(pathToFileURL(join(packageRoot(), 'dist', file)).href)) as T;
  return fromSource();
}
