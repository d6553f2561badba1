import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { writeCacheFileSync } from '../cache-space.js';
import { makeFolder } from '../make-folder.js';

/**
 * What a bundle run through the code cache sees as `__swelearnHost`: its own URL (for `import.meta.url`),
 * the loader of the other cached bundles, dynamic import, and the signal that start-up is over.
 */
export interface BundleHost {
  readonly url: string;
  /** The exports of another cached bundle, `file` relative to dist/. */
  load(file: string): unknown;
  /** `import()`, relative specifiers taken from this bundle's URL. */
  import(specifier: string): Promise<unknown>;
  /** The code run so far is what a start needs: store the compiled code now, before the first output. */
  startupDone(): void;
}

/** One bundle this run loaded: whether V8 took its cached code, and whether this run wrote new cached code for it. */
export interface LoadedBundle {
  file: string;
  cacheFile: string | undefined;
  usedCache: boolean;
  written: boolean;
}

/** Loads CommonJS bundles with V8's cached code from an earlier run, and stores the code of those that had none. */
export interface CodeCache {
  load(file: string): unknown;
  /** Writes cached code for every bundle loaded without usable code; never throws (a cache that cannot be written costs only speed). */
  save(): void;
  loaded(): readonly LoadedBundle[];
}

export interface CodeCacheOptions {
  /** The folder of the bundles (dist/). */
  distDir: string;
  /** The user's cache folder, or undefined for no cached code (the bundles are compiled every run). */
  cacheDir: string | undefined;
  /** Code cached by another build is never used: V8 checks only the source's length, not its text. */
  buildId: string;
}

// The bundles are built as CommonJS bodies (scripts/build.mjs): vm.Script has no module syntax, and its cached
// code is dropped for a script that calls import() itself (Node 20 loses the import callback of deserialized
// code), so the build routes every import() through __swelearnHost.import.
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname, __swelearnHost) {';
const WRAPPER_TAIL = '\n})';

/** A loader of the bundles in `distDir` that keeps V8's compiled code for them in `<cacheDir>/code/`, keyed by build and file. */
export function openCodeCache(options: CodeCacheOptions): CodeCache {
  const codeDir = options.cacheDir === undefined ? undefined : join(options.cacheDir, 'code');
  const header = Buffer.from(`swelearn-code ${options.buildId}\n`);
  const bundles = new Map<string, { exports: unknown; entry: LoadedBundle; script: Script; saved: boolean }>();

  const load = (file: string): unknown => {
    const known = bundles.get(file);
    if (known) return known.exports;
    const filename = join(options.distDir, file);
    const url = pathToFileURL(filename).href;
    const cacheFile = codeDir === undefined ? undefined : join(codeDir, `${file.replace(/[\\/]/g, '-')}.bin`);
    const cachedData = cacheFile === undefined ? undefined : readCachedCode(cacheFile, header);
    const script = new Script(WRAPPER_HEAD + readFileSync(filename, 'utf8') + WRAPPER_TAIL, { filename, cachedData });
    const entry: LoadedBundle = { file, cacheFile, usedCache: cachedData !== undefined && !script.cachedDataRejected, written: false };
    const module = { exports: {} as unknown };
    const host: BundleHost = {
      url,
      load,
      import: (specifier) => import(specifier.startsWith('.') ? new URL(specifier, url).href : specifier),
      startupDone: () => save(),
    };
    bundles.set(file, { exports: undefined, entry, script, saved: entry.usedCache });
    (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(filename), module, filename, dirname(filename), host);
    bundles.get(file)!.exports = module.exports;
    return module.exports;
  };

  const save = (): void => {
    for (const bundle of bundles.values()) {
      if (bundle.saved || bundle.entry.cacheFile === undefined) continue;
      // Once, whatever happens: a folder that cannot be written is not tried again at exit.
      bundle.saved = true;
      try {
        makeFolder(codeDir!);
        // Made after the bundle ran, so it holds the functions compiled lazily since, not only the top level.
        writeCacheFileSync(bundle.entry.cacheFile, Buffer.concat([header, bundle.script.createCachedData()]));
        bundle.entry.written = true;
      } catch {
        // A read-only or full cache folder: the next run compiles again.
      }
    }
  };

  return { load, save, loaded: () => [...bundles.values()].map((bundle) => bundle.entry) };
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
