import type { World, WorldWarning } from '../../core/dns-sim/world/world.js';
import { cacheHash } from '../../io/cache-space.js';
import { readDerived, writeDerived } from '../../io/derived-cache.js';

/**
 * The warnings of a world folder that this version of it has not shown yet, recorded as shown: the
 * world's cache key changes whenever a world file does, so they come back after a change. A world
 * without a key (no cache) shows them every time.
 */
export function takeUnshownWarnings(cacheDir: string, folder: string, loaded: { world: World; key?: string }): WorldWarning[] {
  const { warnings } = loaded.world;
  if (warnings.length === 0 || loaded.key === undefined) return warnings;
  const name = `world-warnings-${sha1(folder).slice(0, 16)}`;
  const version = sha1(loaded.key);
  if (readDerived<boolean>(cacheDir, name, version)) return [];
  writeDerived(cacheDir, name, version, true);
  return warnings;
}

function sha1(text: string): string {
  return cacheHash('sha1').update(text).digest('hex');
}
