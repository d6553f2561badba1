import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { writeCacheFileSync } from '../cache-space.js';
import { makeFolder } from '../make-folder.js';
import { openStartPack } from './start-pack.js';

/**
 * What a bundle run through the code cache sees as `__swelearnHost`: its own URL (for `import.meta.url`),
 * the loader of the other cached bundles, dynamic import, and the signal that start-up is over.
 */
export interface BundleHost {
  readonly url: string;
  /** The exports of another cached bundle, `file` relative to dist/. */
  load(file: string): unknown;
  /** `import()`, relative specifiers taken from this bundle's URL; a .cjs file of the bundles' folder is another cached bundle. */
  import(specifier: string): Promise<unknown>;
  /** The code run so far is what a start needs: store the compiled code now, before the first output. */
  startupDone(): void;
  /**
   * Stores the compiled code of the bundles loaded so far, then caches nothing more: V8 is about to run with other
   * flags, and it rejects code cached under flags other than its own (the app changes them after its first frame).
   * Called again after resumeCaching, it stores what was loaded since and ends caching for good.
   */
  endCaching(): void;
  /**
   * V8's flags are set as they will stay (the app's, after its first frame): bundles loaded from now on are cached
   * again, in files of their own (`late-<bundle>.bin`), whose code V8 takes only under these same flags. Once only.
   */
  resumeCaching(): void;
}

/** One bundle this run loaded: whether V8 took its cached code, and whether this run wrote new cached code for it. */
export interface LoadedBundle {
  file: string;
  cacheFile: string | undefined;
  usedCache: boolean;
  written: boolean;
  /** Run from the start's pack (src/io/bundles/start-pack.ts) rather than from its own file; usedCache then says whether the pack's cached code was taken. */
  packed?: true;
}

// A bundle this run loaded: its module, what it tells of itself, its script (none when it ran from the start's pack),
// whether its code is stored, and (in the late phase) the code taken as its top level left it.
interface RunBundle {
  module: { exports: unknown };
  entry: LoadedBundle;
  script: Script | undefined;
  saved: boolean;
  code?: Buffer;
}

/** Loads CommonJS bundles with V8's cached code from an earlier run, and stores the code of those that had none. */
export interface CodeCache {
  load(file: string): unknown;
  /** As BundleHost.endCaching. */
  endCaching(): void;
  /** As BundleHost.resumeCaching. */
  resumeCaching(): void;
  /** Writes cached code for every bundle loaded without usable code; never throws (a cache that cannot be written costs only speed). */
  save(): void;
  loaded(): readonly LoadedBundle[];
}

export interface CodeCacheOptions {
  /** The folder of the bundles (dist/). */
  distDir: string;
  /** The user's cache folder, or undefined for no cached code (the bundles are compiled every run); the code goes to <cacheDir>/code/<buildId>/. */
  cacheDir: string | undefined;
  /** Code cached by another build is never used: V8 checks only the source's length, not its text. */
  buildId: string;
  /**
   * The kind of start this process is (`app-home`, `app-stats`, ...): the scripts loaded until start-up is done are
   * then run next time from one pack with one cached code (src/io/bundles/start-pack.ts). Undefined for no pack.
   */
  start?: string;
}

// The bundles are built as CommonJS bodies (scripts/build.mjs): vm.Script has no module syntax, and its cached
// code is dropped for a script that calls import() itself (Node 20 loses the import callback of deserialized
// code), so the build routes every import() through __swelearnHost.import.
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname, __swelearnHost) {';
const WRAPPER_TAIL = '\n})';

/** A loader of the bundles in `distDir` that keeps V8's compiled code for them in `<cacheDir>/code/<buildId>/`, one file a bundle. */
export function openCodeCache(options: CodeCacheOptions): CodeCache {
  const codeRoot = options.cacheDir === undefined ? undefined : join(options.cacheDir, 'code');
  // One folder a build: the app's scripts are named by their content's hash, so each build names new files.
  const codeDir = codeRoot === undefined ? undefined : join(codeRoot, options.buildId.replace(/[^\w.-]/g, '_'));
  const header = Buffer.from(`swelearn-code ${options.buildId}\n`);
  // Start-up caches under the flags Node starts with; once ended, nothing is cached until resumed under the flags that
  // then stay (the late phase), and after that phase ends, nothing more.
  let phase: 'start' | 'ended' | 'late' | 'over' = 'start';
  const bundles = new Map<string, RunBundle>();
  // A .cjs file inside the bundles' folder is one of the cached bundles (the app's split scripts require each other by
  // relative path). Paths come normalised (join, fileURLToPath); path.relative would resolve both against the working
  // folder on each of the app's 20-odd loads.
  const distDir = resolve(options.distDir);
  const distPrefix = distDir + sep;
  const cachedBundleAt = (path: string): string | undefined =>
    path.startsWith(distPrefix) && path.endsWith('.cjs') ? path.slice(distPrefix.length).split(sep).join('/') : undefined;
  const packFile = codeDir === undefined || options.start === undefined ? undefined : inFolder(codeDir, `start-${options.start.replace(/[^\w.-]/g, '_')}.pack`);
  const pack = openStartPack(packFile, header, (file) => inFolder(distDir, file), inFolder(distDir, `${options.start}.start-pack`));

  const load = (file: string): unknown => {
    const known = bundles.get(file);
    // A bundle that requires one still being run (a cycle) gets its exports as they are so far, as require() does.
    if (known) return known.module.exports;
    const filename = inFolder(distDir, file);
    const packed = pack.body(file);
    // Made when the script first reads import.meta.url or imports a package by a relative URL (few of them do).
    let url: string | undefined;
    const urlOf = (): string => (url ??= pathToFileURL(filename).href);
    const cacheFile = codeDir === undefined || packed || (phase !== 'start' && phase !== 'late') ? undefined : inFolder(codeDir, `${phase === 'late' ? 'late-' : ''}${cacheName(file)}`);
    const cachedData = cacheFile === undefined ? undefined : readCachedCode(cacheFile, header);
    const script = packed ? undefined : new Script(WRAPPER_HEAD + readFileSync(filename, 'utf8') + WRAPPER_TAIL, { filename, cachedData });
    const entry: LoadedBundle = packed
      ? { file, cacheFile, usedCache: pack.usedCache, written: false, packed: true }
      : { file, cacheFile, usedCache: cachedData !== undefined && !script!.cachedDataRejected, written: false };
    const module = { exports: {} as unknown };
    // Node's require for this file, made when the script first asks for a built-in or package (most of the app's small scripts never do).
    let nodeRequire: NodeJS.Require | undefined;
    const folder = dirname(filename);
    const scriptRequire = (specifier: string): unknown => {
      const bundle = specifier.startsWith('.') ? cachedBundleAt(besideOrJoined(folder, specifier)) : undefined;
      return bundle === undefined ? (nodeRequire ??= createRequire(filename))(specifier) : load(bundle);
    };
    const host: BundleHost = {
      get url() {
        return urlOf();
      },
      load,
      import: (specifier) => {
        const relative = specifier.startsWith('.');
        const bundle = relative ? cachedBundleAt(besideOrJoined(folder, specifier)) : specifier.startsWith('file:') ? cachedBundleAt(fileURLToPath(specifier)) : undefined;
        return bundle === undefined ? import(relative ? new URL(specifier, urlOf()).href : specifier) : Promise.resolve().then(() => load(bundle));
      },
      startupDone: () => save(),
      endCaching,
      resumeCaching,
    };
    const bundle: RunBundle = { module, entry, script, saved: packed !== undefined || entry.usedCache };
    bundles.set(file, bundle);
    (packed ?? (script!.runInThisContext() as (...args: unknown[]) => void))(module.exports, scriptRequire, module, filename, folder, host);
    // A late bundle's code is taken as its top level left it, not when the phase ends: made then, it holds every
    // function the session had compiled by then, and each start loads all of them with the bundle, where compiling from
    // the source loads only what runs (the bench's memory journey at 1,000 cards, home screen: 86.6 and 86.8 MB in two
    // runs, against 83.3 MB with the code taken here and 83.4 and 83.5 MB with no late code at all).
    if (phase === 'late' && !bundle.saved && cacheFile !== undefined) bundle.code = script!.createCachedData();
    return module.exports;
  };

  let pruned = false;
  const prepareFolder = (): void => {
    makeFolder(codeDir!);
    if (!pruned) {
      pruned = true;
      pruneOtherBuilds(codeRoot!, codeDir!);
    }
  };
  let packSaved = false;
  const savePack = (): void => {
    if (packSaved || packFile === undefined) return;
    packSaved = true;
    try {
      const contents = pack.contentsAfter([...bundles.keys()]);
      if (contents === undefined) return;
      prepareFolder();
      writeCacheFileSync(packFile, contents);
    } catch {
      // As for a bundle's code below: the next start learns the list again.
    }
  };
  const save = (): void => {
    if (phase === 'ended' || phase === 'over') return;
    if (phase === 'start') savePack();
    for (const bundle of bundles.values()) {
      if (bundle.saved || bundle.entry.cacheFile === undefined || bundle.script === undefined) continue;
      // Once, whatever happens: a folder that cannot be written is not tried again at exit.
      bundle.saved = true;
      try {
        prepareFolder();
        // Made after the bundle ran, so it holds the functions compiled lazily since, not only the top level.
        writeCacheFileSync(bundle.entry.cacheFile, Buffer.concat([header, bundle.code ?? bundle.script.createCachedData()]));
        bundle.entry.written = true;
      } catch {
        // A read-only or full cache folder: the next run compiles again.
      }
    }
  };

  const endCaching = (): void => {
    save();
    if (phase === 'start') phase = 'ended';
    else if (phase === 'late') phase = 'over';
  };
  const resumeCaching = (): void => {
    if (phase === 'ended') phase = 'late';
  };

  return { load, save, endCaching, resumeCaching, loaded: () => [...bundles.values()].map((bundle) => bundle.entry) };
}

// The paths of a start's 20 to 50 scripts, their cache files and their requires of the chunks beside them
// ('./chunk-X.cjs') are put together without path.join when they need no normalising: its calls were about 2 ms of the
// quiz screen's first frame in a CPU profile (10 runs).
const PLAIN_PATH = /^[\w-]+(?:[./][\w-]+)*$/;
const inFolder = (folder: string, file: string): string => (sep === '/' && !folder.endsWith('/') && PLAIN_PATH.test(file) ? `${folder}/${file}` : join(folder, file));
const besideOrJoined = (folder: string, specifier: string): string => (specifier.startsWith('./') ? inFolder(folder, specifier.slice(2)) : join(folder, specifier));

// One cache file a bundle, named by its path in dist/.
const cacheName = (file: string): string => `${file.replace(/[\\/]/g, '-')}.bin`;

/**
 * Deletes the cached code of other builds (their folders, and the files of the layout before one folder a build): an
 * upgrade would otherwise leave its predecessor's files in the cache folder for good. Run before the first write of a
 * process, which is rare: a new build, or a bundle not loaded before.
 */
function pruneOtherBuilds(codeRoot: string, codeDir: string): void {
  for (const entry of readdirSync(codeRoot, { withFileTypes: true })) {
    const path = join(codeRoot, entry.name);
    if (path !== codeDir && (entry.isDirectory() || entry.name.endsWith('.bin'))) rmSync(path, { recursive: true, force: true });
  }
}

/** The cached code after the header of this build, or undefined (missing, unreadable, or another build's). */
function readCachedCode(file: string, header: Buffer): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  return bytes.length > header.length && bytes.subarray(0, header.length).equals(header) ? bytes.subarray(header.length) : undefined;
}
