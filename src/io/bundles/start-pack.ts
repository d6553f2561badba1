import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { Script } from 'node:vm';

/**
 * The scripts one kind of start (the app at home, at its statistics, at a quiz) ran before its first output, compiled as
 * one script with one cached code: the statistics' and the quiz's first frames took 7-8 ms less than with the same 36
 * and 47 scripts each compiled from its own file and cached code (13 interleaved rounds). The list is learnt:
 * a start runs what it loads, and the next start of its kind finds the list (src/io/bundles/code-cache.ts).
 */
export interface StartPack {
  /** Whether V8 took the pack's cached code (false when there is no pack). */
  readonly usedCache: boolean;
  /** The body of a bundle in the pack, to be called as the bundle's wrapper; undefined for one not in it. */
  body(file: string): ((...args: unknown[]) => void) | undefined;
  /** The file's contents to write after this start loaded `loaded` (in order), or undefined when it needs no rewrite. */
  contentsAfter(loaded: readonly string[]): Buffer | undefined;
}

const BODY_HEAD = Buffer.from('(function (exports, require, module, __filename, __dirname, __swelearnHost) {');
const BODY_TAIL = Buffer.from('\n}),\n');
// A name in the list is a bundle's path in dist/ as the loader names it: nothing a damaged file could point elsewhere.
const BUNDLE_NAME = /^[\w-]+(?:\/[\w-]+)*(?:\.[\w-]+)*\.cjs$/;

/** A pack file: the build's header line, the bundles' names as a JSON array and a newline, then V8's cached code (perhaps none yet). */
export function startPackContents(header: Buffer, files: readonly string[], cachedCode: Buffer | undefined): Buffer {
  return Buffer.concat([header, Buffer.from(`${JSON.stringify(files)}\n`), ...(cachedCode ? [cachedCode] : [])]);
}

/**
 * The pack in `packFile` for this build, its scripts read from dist/ (`bundlePath` gives a script's file), compiled with
 * its cached code when V8 takes it; undefined when there is none (or it is another build's, damaged, or names a script
 * that is gone), and `contentsAfter` then gives the list this start learnt.
 */
export function openStartPack(packFile: string | undefined, header: Buffer, bundlePath: (file: string) => string, scriptName: string): StartPack {
  const found = packFile === undefined ? undefined : readPack(packFile, header, bundlePath, scriptName);
  const known = new Set(found?.files);
  return {
    usedCache: found?.usedCache ?? false,
    body: (file) => found?.bodies.get(file),
    contentsAfter: (loaded) => {
      const learnt = loaded.filter((file) => !known.has(file) && BUNDLE_NAME.test(file));
      // New scripts are added, never dropped: a start whose path varies (a quiz with or without predict items) settles on one list.
      if (learnt.length > 0) return startPackContents(header, [...(found?.files ?? []), ...learnt], undefined);
      // Cached code made now, after the start ran, holds the functions compiled lazily since, not only the top level.
      return found && !found.usedCache ? startPackContents(header, found.files, found.script.createCachedData()) : undefined;
    },
  };
}

interface FoundPack {
  files: string[];
  bodies: Map<string, (...args: unknown[]) => void>;
  script: Script;
  usedCache: boolean;
}

function readPack(packFile: string, header: Buffer, bundlePath: (file: string) => string, scriptName: string): FoundPack | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(packFile);
  } catch {
    return undefined;
  }
  if (bytes.length <= header.length || !bytes.subarray(0, header.length).equals(header)) return undefined;
  const listEnd = bytes.indexOf(0x0a, header.length);
  if (listEnd < 0) return undefined;
  const files = parseList(bytes.toString('utf8', header.length, listEnd));
  if (files === undefined) return undefined;
  let source: string;
  try {
    source = packSource(files, bundlePath);
  } catch {
    return undefined;
  }
  const cachedData = listEnd + 1 < bytes.length ? bytes.subarray(listEnd + 1) : undefined;
  let script: Script;
  let wrappers: ((...args: unknown[]) => void)[];
  try {
    script = new Script(source, { filename: scriptName, ...(cachedData ? { cachedData } : {}) });
    // Defines one function a script, and runs none of them.
    wrappers = script.runInThisContext() as ((...args: unknown[]) => void)[];
  } catch {
    // A script of this build that does not compile would fail from its own file too; that is where it should fail.
    return undefined;
  }
  return { files, bodies: new Map(files.map((file, index) => [file, wrappers[index]!])), script, usedCache: cachedData !== undefined && !script.cachedDataRejected };
}

/**
 * The pack's scripts as one array of wrapped bodies, read into one buffer and decoded once. Read as a text each and
 * joined, the megabyte of the quiz's scripts was held three times over (each file's text, the joined text V8 flattens to
 * compile it, and the reads' own buffers): the quiz's first frame took 0.9 ms longer, with about 170 more page faults (15
 * interleaved rounds).
 */
function packSource(files: readonly string[], bundlePath: (file: string) => string): string {
  const opened: number[] = [];
  try {
    for (const file of files) opened.push(openSync(bundlePath(file), 'r'));
    const sizes = opened.map((fd) => fstatSync(fd).size);
    const bytes = Buffer.allocUnsafeSlow(2 + files.length * (BODY_HEAD.length + BODY_TAIL.length) + sizes.reduce((sum, size) => sum + size, 0));
    let at = 0;
    bytes[at++] = 0x5b; // [
    opened.forEach((fd, index) => {
      at += BODY_HEAD.copy(bytes, at);
      for (let read = 0; read < sizes[index]!; ) {
        const got = readSync(fd, bytes, at + read, sizes[index]! - read, read);
        // A script cut short while it was read would compile to something else: no pack then, as for a missing one.
        if (got === 0) throw new Error(`${files[index]} ended early`);
        read += got;
      }
      at += sizes[index]!;
      at += BODY_TAIL.copy(bytes, at);
    });
    bytes[at++] = 0x5d; // ]
    return bytes.toString('utf8', 0, at);
  } finally {
    for (const fd of opened) closeSync(fd);
  }
}

function parseList(text: string): string[] | undefined {
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(list) || !list.every((file): file is string => typeof file === 'string' && BUNDLE_NAME.test(file))) return undefined;
  return new Set(list).size === list.length ? list : undefined;
}
