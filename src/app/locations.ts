import { existsSync } from 'node:fs';
import type { AppEnvironment } from './environment.js';

/** One place swelearn reads or writes, and whether it exists yet. */
export interface Location {
  label: string;
  path: string;
  exists: boolean;
}

/** Where cards are read from (in load order), and where progress, caches, the config file and the simulator world live. */
export function describeLocations(environment: AppEnvironment): Location[] {
  const entries: [string, string][] = [
    ['bundled cards', environment.bundledCardsDir()],
    ...environment.contentDirs.map((dir): [string, string] => ['--content cards', environment.resolvePath(dir)]),
    ['your cards', environment.paths.userCards],
    ['progress', environment.paths.progress],
    ['cache', environment.paths.cache],
    ['config file', environment.paths.config],
    ['simulator world', environment.bundledWorldDir()],
  ];
  return entries.map(([label, path]) => ({ label, path, exists: existsSync(path) }));
}
