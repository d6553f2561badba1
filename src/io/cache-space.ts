// fs.promises rather than node:fs/promises: loading cards reaches this file, and the start-up bundle keeps to node:fs.
// Read from it when used, not when this file loads: its first read loads fs/promises with readline and streams.
import { lstatSync, promises, readdirSync, renameSync, statfsSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire as builtinRequireFor } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hash } from 'node:crypto';

// Built-in modules resolve the same from any folder; import.meta.url is a data: URL when the build imports this file to seed.
const requireBuiltin = builtinRequireFor('/');
let crypto: typeof import('node:crypto') | undefined;

let heldWrites: Array<() => void> | undefined;

/**
 * Holds cache writes made with `whenCacheWritable` until the returned release is called (it may be called more than
 * once): the app writes a first run's card cache once its first frame is out, not before it. Held writes run in order.
 */
export function holdCacheWrites(): () => void {
  heldWrites ??= [];
  return () => {
    const writes = heldWrites ?? [];
    heldWrites = undefined;
    for (const write of writes) write();
  };
}

/** Runs a cache write now, or once the writes held by `holdCacheWrites` are released. */
export function whenCacheWritable(write: () => void): void {
  if (heldWrites) heldWrites.push(write);
  else write();
}

/**
 * node:crypto's createHash for cache keys, the module loaded at the first hash rather than on import: loading it
 * takes about 5 ms, and the modules that import this one are read before the app's first frame, which hashes nothing.
 */
export function cacheHash(algorithm: 'sha1' | 'sha256'): Hash {
  crypto ??= requireBuiltin('node:crypto') as typeof import('node:crypto');
  return crypto.createHash(algorithm);
}

/**
 * Free bytes a cache write must leave on the disk. The review log is the one file whose writes must
 * not fail: an answer is a line of a few hundred bytes, so 64 MiB is room for some 200,000 answers
 * (or an import of that size) while costing nothing on any disk in use.
 */
export const CACHE_FREE_SPACE_FLOOR_BYTES = 64 * 1024 * 1024;

/** A temp file older than this is left over from a write that failed (a full disk, a kill): a cache write takes milliseconds. */
export const STALE_TEMP_AGE_MS = 15 * 60 * 1000;

// The only temp names the program's caches write: `<name>.json.<pid>.tmp` (or `.bin`) beside the file they replace.
const CACHE_TEMP_NAME = /^[\w.-]+\.(json|bin)\.\d+\.tmp$/;

// Subfolders of the cache folder that hold cache files of their own (rendered cards, the bundles' compiled code).
const CACHE_SUBFOLDERS = ['', 'rendered', 'code'];

/** Bytes free to an unprivileged user on the disk holding dir, or undefined when that cannot be read. */
export type FreeSpaceReader = (dir: string) => Promise<number | undefined>;

/** Reads the free space with statfs (f_bavail blocks of f_bsize bytes). */
export const statfsFreeBytes: FreeSpaceReader = async (dir) => {
  try {
    const info = await promises.statfs(dir);
    return info.bavail * info.bsize;
  } catch {
    return undefined;
  }
};

/** The same reading, synchronous, for the caches written at exit. */
export function statfsFreeBytesSync(dir: string): number | undefined {
  try {
    const info = statfsSync(dir);
    return info.bavail * info.bsize;
  } catch {
    return undefined;
  }
}

/** Whether writing `bytes` into dir leaves the floor free; a disk whose free space cannot be read is trusted, as before. */
export async function cacheHasRoom(dir: string, bytes: number, freeBytes: FreeSpaceReader = statfsFreeBytes): Promise<boolean> {
  const free = await freeBytes(dir);
  return free === undefined || free - bytes >= CACHE_FREE_SPACE_FLOOR_BYTES;
}

/**
 * Deletes the cache's own leftover temp files (regular files named `*.json.<pid>.tmp` or `*.bin.<pid>.tmp`, older than
 * STALE_TEMP_AGE_MS) from dir and its `rendered` and `code` folders; returns their paths inside dir. Synchronous calls:
 * three small folders listed (a temp to remove is rare) cost a command less than a trip through the thread pool each.
 */
export async function removeStaleCacheTemps(dir: string, nowMs: number): Promise<string[]> {
  const removed: string[] = [];
  for (const sub of CACHE_SUBFOLDERS) {
    let names: string[];
    try {
      names = readdirSync(join(dir, sub));
    } catch {
      continue;
    }
    for (const name of names.filter((candidate) => CACHE_TEMP_NAME.test(candidate))) {
      const path = join(dir, sub, name);
      try {
        const info = lstatSync(path);
        if (!info.isFile() || nowMs - info.mtimeMs < STALE_TEMP_AGE_MS) continue;
        unlinkSync(path);
        removed.push(join(sub, name));
      } catch {
        // Another process removed or renamed it first: nothing is left to clean.
      }
    }
  }
  return removed;
}

/**
 * Deletes the files of `dir` named `<kind>-<format>-<key>...` for a format other than `format`, the rest of the name
 * matching `rest`: what a cache left under an older format, which an upgrade would otherwise keep in the cache folder
 * for good. Other keys (other folders' caches) are left alone; a file that cannot be removed only costs disk space.
 */
export function removeOtherFormats(dir: string, kind: string, format: number, key: string, rest: RegExp): void {
  const stale = new RegExp(`^${kind}-(?!${format}-)\\d+-${key}${rest.source}$`);
  try {
    for (const name of readdirSync(dir)) if (stale.test(name)) unlinkSync(join(dir, name));
  } catch {
    // Another process removed them first, or the folder cannot be listed.
  }
}

/** Replaces a cache file atomically (temp file, then rename) unless that would go below the free-space floor; a failed write removes its temp file and throws. */
export async function writeCacheFile(file: string, data: string | Uint8Array, freeBytes: FreeSpaceReader = statfsFreeBytes): Promise<void> {
  if (!(await cacheHasRoom(dirname(file), byteLength(data), freeBytes))) return;
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await promises.writeFile(temp, data);
    await promises.rename(temp, file);
  } catch (error) {
    await promises.unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** writeCacheFile, synchronous: for caches written at exit or from synchronous code. */
export function writeCacheFileSync(file: string, data: string | Uint8Array, freeBytes: (dir: string) => number | undefined = statfsFreeBytesSync): void {
  const free = freeBytes(dirname(file));
  if (free !== undefined && free - byteLength(data) < CACHE_FREE_SPACE_FLOOR_BYTES) return;
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Never created: nothing to remove.
    }
    throw error;
  }
}

function byteLength(data: string | Uint8Array): number {
  return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
}
