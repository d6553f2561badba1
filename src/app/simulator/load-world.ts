import type { World, WorldWarning } from '../../core/dns-sim/world/world.js';
import type { WorldFileText } from '../../core/dns-sim/world/world-files.js';
import { loadWorldKeyed } from '../../io/world-cache.js';
import type { AppEnvironment } from '../environment.js';
import { UserError } from '../errors.js';
import { takeUnshownWarnings } from './world-warnings.js';

/** A world as a run uses it, and the warnings it has not shown yet. */
export interface OpenedWorld {
  world: World;
  /** The later zone files asked for (a session's zone swaps) that the folder holds, read under its rules and kept out of the world's zones. */
  laterFiles: WorldFileText[];
  /** The world's warnings unless this version of its folder has shown them; calling it records them as shown. */
  takeNewWarnings(): WorldWarning[];
}

/** The simulator's world: a folder the user named (--world), else the bundled one; parsed once and cached. */
export async function loadSimulatorWorld(environment: AppEnvironment, dir?: string): Promise<World> {
  return (await openSimulatorWorld(environment, dir)).world;
}

/** The simulator's world, with its warnings to show once per change of the world folder. */
export async function openSimulatorWorld(environment: AppEnvironment, dir?: string, laterZoneFiles: readonly string[] = []): Promise<OpenedWorld> {
  const path = dir === undefined ? environment.bundledWorldDir() : environment.resolvePath(dir);
  try {
    const loaded = await loadWorldKeyed(path, environment.paths.cache, { laterZoneFiles });
    return { world: loaded.world, laterFiles: loaded.laterFiles, takeNewWarnings: () => takeUnshownWarnings(environment.paths.cache, path, loaded) };
  } catch (error) {
    throw new UserError((error as Error).message);
  }
}
