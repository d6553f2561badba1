import { createHash } from 'node:crypto';
import { readdir, readFile, realpath, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeFolder } from './make-folder.js';
import { fileURLToPath } from 'node:url';
import type { World } from '../core/dns-sim/world/world.js';

// The parser (YAML and the zone-file reader) is loaded only when the cache cannot answer, to keep start-up fast.
const loadWorldFolder = async (dir: string): Promise<World> => (await import('./world-folder.js')).loadWorldFolder(dir);

// Bump when the world loader changes what it produces, so stale caches are ignored rather than trusted.
const CACHE_FORMAT = 1;
const WORLD_FILE = /^(servers\.yaml|resolv\.conf|hosts|.+\.zone)$/i;

/**
 * Loads a world folder through a JSON cache keyed by every world file's name, size and mtime (and
 * the loader's own file), because parsing servers.yaml and the zones costs tens of milliseconds at
 * start-up while reading the cached JSON costs about one. Any cache problem falls back to a full load.
 */
export async function loadWorldCached(dir: string, cacheDir: string | undefined): Promise<World> {
  return (await loadWorldKeyed(dir, cacheDir)).world;
}

/** A world with the key its cache entry is stored under (which changes whenever a world file does), when it has one. */
export async function loadWorldKeyed(dir: string, cacheDir: string | undefined): Promise<{ world: World; key?: string }> {
  if (!cacheDir) return { world: await loadWorldFolder(dir) };
  let key: string;
  let file: string;
  try {
    const root = await realpath(dir);
    const names = (await readdir(root)).filter((name) => WORLD_FILE.test(name)).sort();
    const stats = await Promise.all([...names.map((name) => join(root, name)), fileURLToPath(import.meta.url)].map(async (path) => {
      const info = await stat(path);
      return `${path}:${info.size}:${info.mtimeMs}`;
    }));
    key = stats.join('\n');
    file = join(cacheDir, `world-${CACHE_FORMAT}-${createHash('sha1').update(root).digest('hex').slice(0, 16)}.json`);
  } catch {
    return { world: await loadWorldFolder(dir) };
  }
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as { format: number; key: string; world: World };
    if (stored.format === CACHE_FORMAT && stored.key === key) return { world: stored.world, key };
  } catch {
    // A missing or damaged cache is only a slower start.
  }
  const world = await loadWorldFolder(dir);
  try {
    makeFolder(cacheDir);
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify({ format: CACHE_FORMAT, key, world }));
    await rename(temp, file);
  } catch {
    // A read-only cache folder only costs speed.
  }
  return { world, key };
}
