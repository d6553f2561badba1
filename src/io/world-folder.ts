import { lstat, readFile, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import type { World } from '../core/dns-sim/world/world.js';
import { stripControl } from '../core/text/sanitize.js';
import { formatFileError, type FileLineError } from '../core/dns-sim/world/file-error.js';
import { HOSTS_FILE, parseWorldFiles, RESOLV_CONF_FILE, SERVER_MAP_FILE, type WorldFileText } from '../core/dns-sim/world/world-files.js';

/** Largest world file read: a zone file for a teaching world is a few kilobytes. */
export const MAX_WORLD_FILE_BYTES = 1024 * 1024;

/** How many problems the error message lists before it only counts the rest. */
export const MAX_LISTED_ERRORS = 50;

/** A world folder that cannot be loaded: every file:line problem, one per line of the message. */
export class WorldLoadError extends Error {
  constructor(
    readonly dir: string,
    readonly errors: FileLineError[],
  ) {
    // A garbage file can yield thousands of errors; like a compiler, show the first ones and count the rest.
    const lines = errors.slice(0, MAX_LISTED_ERRORS).map((error) => `  ${formatFileError(error)}`);
    if (errors.length > MAX_LISTED_ERRORS) lines.push(`  ... and ${errors.length - MAX_LISTED_ERRORS} more`);
    super(`cannot load the world in ${stripControl(dir)}: ${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}\n${lines.join('\n')}`);
    this.name = 'WorldLoadError';
  }
}

/** Reads servers.yaml, every *.zone, and the optional resolv.conf and hosts from dir; throws WorldLoadError listing every problem, returns warnings in world.warnings. */
export async function loadWorldFolder(dir: string): Promise<World> {
  const problems: FileLineError[] = [];
  let root: string;
  try {
    root = await realpath(dir);
    if (!(await stat(root)).isDirectory()) throw new WorldLoadError(dir, [{ file: dir, line: 0, message: 'is not a folder' }]);
  } catch (error) {
    if (error instanceof WorldLoadError) throw error;
    throw new WorldLoadError(dir, [{ file: dir, line: 0, message: `cannot open the world folder (${(error as NodeJS.ErrnoException).code ?? 'error'})` }]);
  }
  const wanted = (name: string): boolean => name === SERVER_MAP_FILE || name === RESOLV_CONF_FILE || name === HOSTS_FILE || /\.zone$/i.test(name);
  const names = (await readdir(root)).filter(wanted).sort();
  const files: WorldFileText[] = [];
  for (const name of names) {
    const text = await readWorldFile(root, name, problems);
    if (text !== undefined) files.push({ name, text });
  }
  const { world, errors } = parseWorldFiles(files);
  // A file that could not be read is reported once, not again as "missing".
  const unread = new Set(problems.map((problem) => problem.file));
  const all = [...problems, ...errors.filter((error) => !(unread.has(error.file) && error.line === 0))];
  if (all.length > 0) throw new WorldLoadError(dir, all);
  return world;
}

async function readWorldFile(root: string, name: string, problems: FileLineError[]): Promise<string | undefined> {
  const path = join(root, name);
  try {
    const info = await lstat(path);
    let target = path;
    if (info.isSymbolicLink()) {
      target = await realpath(path);
      const inside = relative(root, target);
      // A link out of the folder could make a shared world read any file on the machine.
      if (inside.startsWith('..') || isAbsolute(inside)) {
        problems.push({ file: name, line: 0, message: 'is a symbolic link to outside the world folder; refused' });
        return undefined;
      }
    }
    const targetInfo = await stat(target);
    if (!targetInfo.isFile()) return undefined;
    if (targetInfo.size > MAX_WORLD_FILE_BYTES) {
      problems.push({ file: name, line: 0, message: `is ${(targetInfo.size / 1048576).toFixed(1)} MiB; world files are limited to 1 MiB` });
      return undefined;
    }
    return await readFile(target, 'utf8');
  } catch (error) {
    problems.push({ file: name, line: 0, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
    return undefined;
  }
}
