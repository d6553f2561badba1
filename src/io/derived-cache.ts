import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCacheFileSync } from './cache-space.js';
import { makeFolder } from './make-folder.js';

declare const __SWELEARN_BUILD_ID__: string | undefined;

/** This build's id, or undefined when running from source; it changes with every build, so a value cached by older code is never served. */
export function currentBuildId(): string | undefined {
  return typeof __SWELEARN_BUILD_ID__ === 'string' ? __SWELEARN_BUILD_ID__ : undefined;
}

/** The cache key of a value derived from `inputs` by a build's code, or undefined without a build (nothing is cached then). */
export function derivedKey(buildId: string | undefined, ...inputs: string[]): string | undefined {
  if (buildId === undefined) return undefined;
  const hash = createHash('sha1').update(buildId);
  for (const input of inputs) hash.update('\u0000').update(input);
  return hash.digest('hex');
}

/** The value stored under a name for this key, if the cache holds it. */
export function readDerived<T>(cacheDir: string, name: string, key: string): T | undefined {
  try {
    const stored = JSON.parse(readFileSync(join(cacheDir, `${name}.json`), 'utf8')) as { key: string; value: T };
    return stored.key === key ? stored.value : undefined;
  } catch {
    return undefined;
  }
}

/** Stores a value under a name (one file, replaced atomically); a cache that cannot be written only costs speed. */
export function writeDerived(cacheDir: string, name: string, key: string, value: unknown): void {
  try {
    makeFolder(cacheDir);
    const file = join(cacheDir, `${name}.json`);
    writeCacheFileSync(file, JSON.stringify({ key, value }));
  } catch {
    // A read-only cache folder only means computing it again next time.
  }
}
