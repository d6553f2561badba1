import type { World } from '../../core/dns-sim/world/world.js';
import { loadWorldCached } from '../../io/world-cache.js';
import type { AppEnvironment } from '../environment.js';
import { UserError } from '../errors.js';

/** The simulator's world: a folder the user named (--world), else the bundled one; parsed once and cached. */
export async function loadSimulatorWorld(environment: AppEnvironment, dir?: string): Promise<World> {
  const path = dir === undefined ? environment.bundledWorldDir() : environment.resolvePath(dir);
  try {
    return await loadWorldCached(path, environment.paths.cache);
  } catch (error) {
    throw new UserError((error as Error).message);
  }
}
