// fs.promises is read when a world is loaded, not when this file loads: the app reads this file with the simulator's
// screen just after its first frame, where loading fs/promises (about 1 ms) held a key typed then.
import { promises } from 'node:fs';
import { join } from 'node:path';
import { makeFolder } from './make-folder.js';
import { sha1Hex } from '../core/text/sha1.js';
import { fileURLToPath } from 'node:url';
import type { World } from '../core/dns-sim/world/world.js';
import type { WorldFileText, WorldFilesOptions } from '../core/dns-sim/world/world-files.js';
import { removeOtherFormats, removeStaleCacheTemps, statfsFreeBytes, writeCacheFile, type FreeSpaceReader } from './cache-space.js';
import { readWorldFolderFiles, type WorldFolderFiles } from './world-folder-files.js';

// The parser (YAML and the zone-file reader) is loaded only when the cache cannot answer, to keep start-up fast.
const parseWorldFolderFiles = async (read: WorldFolderFiles, options: WorldFilesOptions): Promise<World> => (await import('./world-folder.js')).parseWorldFolderFiles(read, options);

// Bump when the world loader changes what it produces, so stale caches are ignored rather than trusted.
const CACHE_FORMAT = 3;

/** What the world cache reads from outside besides the folder: the clock (for old temp files) and the free space. */
export interface WorldCacheOptions extends WorldFilesOptions {
  nowMs?: number;
  freeBytes?: FreeSpaceReader;
}

/**
 * Loads a world folder through a JSON cache keyed by a SHA-256 of every world file's bytes (and the
 * loader's own file), because parsing servers.yaml and the zones costs tens of milliseconds at
 * start-up while reading and hashing the files costs about one. Any cache problem falls back to a full load.
 */
export async function loadWorldCached(dir: string, cacheDir: string | undefined, options: WorldCacheOptions = {}): Promise<World> {
  return (await loadWorldKeyed(dir, cacheDir, options)).world;
}

/** A loaded world, the key its cache entry is stored under (which changes whenever a world file's bytes do) when it has one, and the texts of the later zone files asked for that the folder has. */
export interface KeyedWorld {
  world: World;
  key?: string;
  laterFiles: WorldFileText[];
}

/** Loads a world folder through the cache; zone files named in options.laterZoneFiles are read under the folder's rules but kept out of the world's zones, and returned. */
export async function loadWorldKeyed(dir: string, cacheDir: string | undefined, options: WorldCacheOptions = {}): Promise<KeyedWorld> {
  // Each file is read once: the bytes are hashed for the key and, on a miss, parsed.
  const read = await readWorldFolderFiles(dir);
  const later = [...new Set(options.laterZoneFiles ?? [])].sort();
  const laterFiles = read.files.filter((file) => later.includes(file.name));
  const parse = async (): Promise<World> => parseWorldFolderFiles(read, { laterZoneFiles: later });
  if (!cacheDir || read.problems.length > 0) return { world: await parse(), laterFiles };
  await removeStaleCacheTemps(cacheDir, options.nowMs ?? Date.now());
  let key: string;
  try {
    // The loader's own file stands for the code that parsed the cached world: a new version never trusts an old entry.
    const loader = await promises.stat(fileURLToPath(import.meta.url));
    // The files kept out of the zones change the world as much as the bytes do.
    key = `${read.contentHash}:${loader.size}:${loader.mtimeMs}:${JSON.stringify(later)}`;
  } catch {
    return { world: await parse(), laterFiles };
  }
  // The folder's part of the name as the card cache makes its own (sha1Hex of the folder): one way to name a folder's cache.
  const folderKey = sha1Hex(read.root).slice(0, 16);
  const file = join(cacheDir, `world-${CACHE_FORMAT}-${folderKey}.json`);
  try {
    const stored = JSON.parse(await promises.readFile(file, 'utf8')) as { format: number; key: string; world: World };
    if (stored.format === CACHE_FORMAT && stored.key === key) return { world: stored.world, key, laterFiles };
  } catch {
    // A missing or damaged cache is only a slower start.
  }
  const world = await parse();
  await storeWorld(cacheDir, file, JSON.stringify({ format: CACHE_FORMAT, key, world }), options.freeBytes ?? statfsFreeBytes);
  removeOtherFormats(cacheDir, 'world', CACHE_FORMAT, folderKey, /\.json/);
  return { world, key, laterFiles };
}

async function storeWorld(cacheDir: string, file: string, json: string, freeBytes: FreeSpaceReader): Promise<void> {
  try {
    makeFolder(cacheDir);
    // The review log needs the disk more than the cache does: below the floor, the cache is only skipped.
    await writeCacheFile(file, json, freeBytes);
  } catch {
    // A read-only cache folder only costs speed.
  }
}
