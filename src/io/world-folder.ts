import type { World } from '../core/dns-sim/world/world.js';
import { parseWorldFiles, type WorldFilesOptions } from '../core/dns-sim/world/world-files.js';
import { readWorldFolderFiles, WorldLoadError, type WorldFolderFiles } from './world-folder-files.js';

export { MAX_LISTED_ERRORS, MAX_WORLD_FILE_BYTES, WorldLoadError } from './world-folder-files.js';

/** Reads servers.yaml, every *.zone, and the optional resolv.conf and hosts from dir; throws WorldLoadError listing every problem, returns warnings in world.warnings. */
export async function loadWorldFolder(dir: string): Promise<World> {
  return parseWorldFolderFiles(await readWorldFolderFiles(dir));
}

/** Parses the files already read from a world folder; throws WorldLoadError listing every problem. */
export function parseWorldFolderFiles(read: WorldFolderFiles, options: WorldFilesOptions = {}): World {
  const { world, errors } = parseWorldFiles(read.files, options);
  // A file that could not be read is reported once, not again as "missing".
  const unread = new Set(read.problems.map((problem) => problem.file));
  const all = [...read.problems, ...errors.filter((error) => !(unread.has(error.file) && error.line === 0))];
  if (all.length > 0) throw new WorldLoadError(read.dir, all);
  return world;
}
