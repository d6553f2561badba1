import { stripControl } from '../core/text/sanitize.js';
// node:crypto and fs.promises are read when a world is read, not when this file loads: the study code imports it for the
// world's stamp (sync calls only), and `swelearn quiz` and `swelearn stats` read it before their first frame, where
// loading the two took about 3 ms.
import { lstatSync, promises, readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { formatFileError, type FileLineError } from '../core/dns-sim/world/file-error.js';
import type { WorldFileText } from '../core/dns-sim/world/world-files.js';
import { cacheHash } from './cache-space.js';
import { fileStampPart } from './file-stamp.js';

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

/** The world files of a folder as read from disk, the problems met reading them, and a hash of every byte read. */
export interface WorldFolderFiles {
  dir: string;
  root: string;
  files: WorldFileText[];
  problems: FileLineError[];
  /** SHA-256 over each file's name and bytes, in name order: equal hashes mean the loader sees equal input. */
  contentHash: string;
}

/** The names of world-files.ts, spelled here so reading does not load the parser. */
export const isWorldFileName = (name: string): boolean => name === 'servers.yaml' || name === 'resolv.conf' || name === 'hosts' || /\.zone$/i.test(name);

/** Reads each world file of dir once (no parsing here, so a cache can answer without loading the parser); throws WorldLoadError when dir is not a folder. */
export async function readWorldFolderFiles(dir: string): Promise<WorldFolderFiles> {
  const { readdir, realpath, stat } = promises;
  let root: string;
  try {
    root = await realpath(dir);
    if (!(await stat(root)).isDirectory()) throw new WorldLoadError(dir, [{ file: dir, line: 0, message: 'is not a folder' }]);
  } catch (error) {
    if (error instanceof WorldLoadError) throw error;
    throw new WorldLoadError(dir, [{ file: dir, line: 0, message: `cannot open the world folder (${(error as NodeJS.ErrnoException).code ?? 'error'})` }]);
  }
  const names = (await readdir(root)).filter(isWorldFileName).sort();
  const problems: FileLineError[] = [];
  const files: WorldFileText[] = [];
  const hash = cacheHash('sha256');
  // Read side by side (the disk queue does the work), hashed in name order so the hash never depends on timing.
  const contents = await Promise.all(names.map((name) => readWorldFile(root, name)));
  for (const [index, name] of names.entries()) {
    const bytes = contents[index];
    if (bytes === undefined) continue;
    if (!Buffer.isBuffer(bytes)) {
      problems.push(bytes);
      continue;
    }
    hash.update(`${name}\u0000${bytes.length}\u0000`).update(bytes);
    files.push({ name, text: bytes.toString('utf8') });
  }
  return { dir, root, files, problems, contentHash: hash.digest('hex') };
}

// The file's bytes, the problem that stopped it being read, or undefined for something that is not a file.
async function readWorldFile(root: string, name: string): Promise<Buffer | FileLineError | undefined> {
  const { lstat, readFile, realpath, stat } = promises;
  const path = join(root, name);
  try {
    const info = await lstat(path);
    let target = path;
    if (info.isSymbolicLink()) {
      target = await realpath(path);
      const inside = relative(root, target);
      // A link out of the folder could make a shared world read any file on the machine.
      if (inside.startsWith('..') || isAbsolute(inside)) {
        return { file: name, line: 0, message: 'is a symbolic link to outside the world folder; refused' };
      }
    }
    const targetInfo = await stat(target);
    if (!targetInfo.isFile()) return undefined;
    if (targetInfo.size > MAX_WORLD_FILE_BYTES) {
      return { file: name, line: 0, message: `is ${(targetInfo.size / 1048576).toFixed(1)} MiB; world files are limited to 1 MiB` };
    }
    return await readFile(target);
  } catch (error) {
    return { file: name, line: 0, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
}

/**
 * The world folder's files with their sizes, modification times and inodes (the link's and its target's),
 * read without opening any: equal stamps mean readWorldFolderFiles would read the same bytes, as far as the
 * card cache trusts the same facts. Undefined when the folder cannot be listed.
 */
export function worldFolderStamp(dir: string): string | undefined {
  try {
    const root = realpathSync(dir);
    let stamp = root;
    for (const name of readdirSync(root).filter(isWorldFileName).sort()) {
      const path = join(root, name);
      const link = lstatSync(path);
      const target = link.isSymbolicLink() ? statSync(path) : link;
      stamp += fileStampPart(name, link, target);
    }
    return stamp;
  } catch {
    return undefined;
  }
}
