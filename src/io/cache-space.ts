import { lstat, readdir, statfs, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Free bytes a cache write must leave on the disk. The review log is the one file whose writes must
 * not fail: a study session appends a few hundred bytes an answer and an import at most a few tens of
 * megabytes, so 64 MiB keeps every log write possible while costing nothing on any disk in use.
 */
export const CACHE_FREE_SPACE_FLOOR_BYTES = 64 * 1024 * 1024;

/** A temp file older than this is left over from a write that failed (a full disk, a kill): a cache write takes milliseconds. */
export const STALE_TEMP_AGE_MS = 15 * 60 * 1000;

// The only temp names the program's caches write: `<name>.json.<pid>.tmp` beside the file they replace.
const CACHE_TEMP_NAME = /^[\w.-]+\.json\.\d+\.tmp$/;

/** Bytes free to an unprivileged user on the disk holding dir, or undefined when that cannot be read. */
export type FreeSpaceReader = (dir: string) => Promise<number | undefined>;

/** Reads the free space with statfs (f_bavail blocks of f_bsize bytes). */
export const statfsFreeBytes: FreeSpaceReader = async (dir) => {
  try {
    const info = await statfs(dir);
    return info.bavail * info.bsize;
  } catch {
    return undefined;
  }
};

/** Whether writing `bytes` into dir leaves the floor free; a disk whose free space cannot be read is trusted, as before. */
export async function cacheHasRoom(dir: string, bytes: number, freeBytes: FreeSpaceReader = statfsFreeBytes): Promise<boolean> {
  const free = await freeBytes(dir);
  return free === undefined || free - bytes >= CACHE_FREE_SPACE_FLOOR_BYTES;
}

/** Deletes the cache's own leftover temp files (regular files named `*.json.<pid>.tmp`, older than STALE_TEMP_AGE_MS) from dir; returns their names. */
export async function removeStaleCacheTemps(dir: string, nowMs: number): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.filter((candidate) => CACHE_TEMP_NAME.test(candidate))) {
    try {
      const info = await lstat(join(dir, name));
      if (!info.isFile() || nowMs - info.mtimeMs < STALE_TEMP_AGE_MS) continue;
      await unlink(join(dir, name));
      removed.push(name);
    } catch {
      // Another process removed or renamed it first: nothing is left to clean.
    }
  }
  return removed;
}
