import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedBundle } from '../../../src/io/bundles/code-cache.js';

// Each run is a process of its own: within one process V8's own compilation cache answers a second compile of the
// same source, and would accept any cached data (even garbage) without reading it.
let work: string;
let loader: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'swelearn-code-cache-'));
  loader = join(work, 'code-cache.cjs');
  await build({ entryPoints: [join(import.meta.dirname, '..', '..', '..', 'src', 'io', 'bundles', 'code-cache.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: loader, logLevel: 'warning' });
});

/** A dist/ of two bundles: main.cjs loads sub/helper.cjs through the host, and imports an ES module and a built-in. */
function makeDist(): string {
  const dist = mkdtempSync(join(work, 'dist-'));
  mkdirSync(join(dist, 'sub'));
  writeFileSync(join(dist, 'main.cjs'), [
    'const helper = __swelearnHost.load("sub/helper.cjs");',
    'exports.run = async () => [helper.twice(21), (await __swelearnHost.import("./esm.mjs")).word, typeof (await __swelearnHost.import("node:path")).join, __swelearnHost.url.endsWith("/main.cjs")];',
  ].join('\n'));
  writeFileSync(join(dist, 'sub', 'helper.cjs'), 'exports.twice = (n) => n * 2;');
  writeFileSync(join(dist, 'esm.mjs'), 'export const word = "module";');
  return dist;
}

interface Run {
  loaded: LoadedBundle[];
  result: unknown;
  stderr: string;
}

/** One process that loads main.cjs (and `extra`, when given) through the code cache, as `start` when given, runs it, and saves. */
function runOnce(dist: string, cacheDir: string, buildId = 'build-1', { start, extra }: { start?: string; extra?: string } = {}): Run {
  const script = `
    const { openCodeCache } = require(${JSON.stringify(loader)});
    const cache = openCodeCache({ distDir: ${JSON.stringify(dist)}, cacheDir: ${JSON.stringify(cacheDir)}, buildId: ${JSON.stringify(buildId)}${start ? `, start: ${JSON.stringify(start)}` : ''} });
    cache.load('main.cjs').run().then((result) => {
      ${extra ? `result.push(cache.load(${JSON.stringify(extra)}).extra);` : ''}
      cache.save();
      cache.save();
      process.stdout.write(JSON.stringify({ loaded: cache.loaded(), result }));
    });`;
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(child.status, child.stderr).toBe(0);
  return { ...(JSON.parse(child.stdout) as Omit<Run, 'stderr'>), stderr: child.stderr };
}

/** What one process prints after running `steps` with `cache`, a code cache of build 'b' over `dist` (a new process each call). */
function withCache(dist: string, cacheDir: string, steps: string): string {
  const script = `
    const { openCodeCache } = require(${JSON.stringify(loader)});
    const cache = openCodeCache({ distDir: ${JSON.stringify(dist)}, cacheDir: ${JSON.stringify(cacheDir)}, buildId: 'b' });
    ${steps}`;
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(child.status, child.stderr).toBe(0);
  return child.stdout;
}

const EXPECTED = [42, 'module', 'function', true];
const used = (run: Run) => Object.fromEntries(run.loaded.map((bundle) => [bundle.file, { usedCache: bundle.usedCache, written: bundle.written }]));
const stamp = (file: string) => {
  const stats = statSync(file);
  return { ino: stats.ino, mtimeMs: stats.mtimeMs, bytes: readFileSync(file).toString('base64') };
};

describe('the code cache of the CommonJS bundles', () => {
  it('compiles and writes each bundle once, then runs the next process from the cached code without writing', () => {
    const dist = makeDist();
    const cacheDir = join(work, `cache-${Math.random()}`);
    const first = runOnce(dist, cacheDir);
    expect(first.result).toEqual(EXPECTED);
    expect(used(first)).toEqual({ 'main.cjs': { usedCache: false, written: true }, 'sub/helper.cjs': { usedCache: false, written: true } });
    const files = [join(cacheDir, 'code', 'build-1', 'main.cjs.bin'), join(cacheDir, 'code', 'build-1', 'sub-helper.cjs.bin')];
    const before = files.map(stamp);

    const second = runOnce(dist, cacheDir);
    // import() still works in code that came from the cache: the bundles reach it through the host.
    expect(second.result).toEqual(EXPECTED);
    expect(used(second)).toEqual({ 'main.cjs': { usedCache: true, written: false }, 'sub/helper.cjs': { usedCache: true, written: false } });
    expect(files.map(stamp)).toEqual(before);
  });

  it('rewrites cached code that V8 rejects, and uses the rewritten code next time', () => {
    const dist = makeDist();
    const cacheDir = join(work, `cache-${Math.random()}`);
    runOnce(dist, cacheDir);
    const file = join(cacheDir, 'code', 'build-1', 'main.cjs.bin');
    const header = readFileSync(file).subarray(0, 'swelearn-code build-1\n'.length);
    writeFileSync(file, Buffer.concat([header, Buffer.alloc(4096, 7)]));

    const rejected = runOnce(dist, cacheDir);
    expect(rejected.result).toEqual(EXPECTED);
    expect(used(rejected)['main.cjs']).toEqual({ usedCache: false, written: true });
    expect(used(rejected)['sub/helper.cjs']).toEqual({ usedCache: true, written: false });
    expect(used(runOnce(dist, cacheDir))['main.cjs']).toEqual({ usedCache: true, written: false });
  });

  it('ignores and replaces the cached code of another build, even for a bundle of the same length', () => {
    const dist = makeDist();
    const cacheDir = join(work, `cache-${Math.random()}`);
    runOnce(dist, cacheDir, 'build-1');
    const other = runOnce(dist, cacheDir, 'build-2');
    expect(used(other)).toEqual({ 'main.cjs': { usedCache: false, written: true }, 'sub/helper.cjs': { usedCache: false, written: true } });
    expect(readFileSync(join(cacheDir, 'code', 'build-2', 'main.cjs.bin')).subarray(0, 22).toString()).toBe('swelearn-code build-2\n');
    // Writing build-2's code deleted build-1's.
    expect(readdirSync(join(cacheDir, 'code'))).toEqual(['build-2']);
    expect(used(runOnce(dist, cacheDir, 'build-2'))['main.cjs']).toEqual({ usedCache: true, written: false });
  });

  it('runs the bundles when the cache folder cannot be written, and says nothing', () => {
    const dist = makeDist();
    // A file where the cache folder should be: nothing can be created under it, whoever runs the tests (root too).
    const blocked = join(work, `blocked-${Math.random()}`);
    writeFileSync(blocked, '');
    const run = runOnce(dist, join(blocked, 'cache'));
    expect(run.result).toEqual(EXPECTED);
    expect(used(run)['main.cjs']).toEqual({ usedCache: false, written: false });
    expect(run.stderr).toBe('');
  });

  it("runs split scripts that require and import each other by relative .cjs path, all through the cache, a cycle seeing the exports so far", () => {
    const dist = mkdtempSync(join(work, 'split-'));
    mkdirSync(join(dist, 'app'));
    mkdirSync(join(dist, 'chunks'));
    writeFileSync(join(dist, 'app', 'entry.cjs'), [
      'const shared = require("../chunks/shared.cjs");',
      // import() in a bundle's text is the host's, as the build rewrites it.
      'exports.run = async () => [shared.name, shared.partner(), (await __swelearnHost.import("../chunks/later.cjs")).later(), require("node:path").sep];',
    ].join('\n'));
    // shared and partner require each other: partner reads shared's export only when called, as esbuild's CommonJS output does.
    writeFileSync(join(dist, 'chunks', 'shared.cjs'), 'exports.name = "shared"; const partner = require("./partner.cjs"); exports.partner = partner.partnerOf;');
    writeFileSync(join(dist, 'chunks', 'partner.cjs'), 'const shared = require("./shared.cjs"); exports.partnerOf = () => `partner of ${shared.name}`;');
    writeFileSync(join(dist, 'chunks', 'later.cjs'), 'exports.later = () => "later";');
    const cacheDir = join(work, `cache-${Math.random()}`);
    const runSplit = () => {
      const script = `
        const { openCodeCache } = require(${JSON.stringify(loader)});
        const cache = openCodeCache({ distDir: ${JSON.stringify(dist)}, cacheDir: ${JSON.stringify(cacheDir)}, buildId: 'b' });
        cache.load('app/entry.cjs').run().then((result) => { cache.save(); process.stdout.write(JSON.stringify({ loaded: cache.loaded(), result })); });`;
      const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
      expect(child.status, child.stderr).toBe(0);
      return { ...(JSON.parse(child.stdout) as Omit<Run, 'stderr'>), stderr: child.stderr };
    };
    const first = runSplit();
    expect(first.result).toEqual(['shared', 'partner of shared', 'later', '/']);
    expect(Object.keys(used(first)).sort()).toEqual(['app/entry.cjs', 'chunks/later.cjs', 'chunks/partner.cjs', 'chunks/shared.cjs']);
    const second = runSplit();
    expect(second.result).toEqual(first.result);
    expect(Object.values(used(second))).toEqual(Array(4).fill({ usedCache: true, written: false }));
  });

  it('after endCaching, stores what was loaded and caches nothing loaded later', () => {
    const dist = makeDist();
    const cacheDir = join(work, `cache-${Math.random()}`);
    const printed = withCache(dist, cacheDir, "cache.load('sub/helper.cjs'); cache.endCaching(); cache.load('main.cjs'); cache.save(); process.stdout.write(JSON.stringify(cache.loaded()));");
    expect(JSON.parse(printed)).toEqual([
      { file: 'sub/helper.cjs', cacheFile: join(cacheDir, 'code', 'b', 'sub-helper.cjs.bin'), usedCache: false, written: true },
      { file: 'main.cjs', usedCache: false, written: false },
    ]);
  });

  it('caches again once resumed under the flags that then stay, in files of their own that V8 takes under those flags alone, then ends for good', () => {
    const dist = makeDist();
    writeFileSync(join(dist, 'last.cjs'), 'exports.last = true;');
    const cacheDir = join(work, `cache-${Math.random()}`);
    // As the app: start-up cached and ended, V8's flags changed, caching resumed for what loads after, ended before the next change.
    const run = (lateFlags: string) => {
      const printed = withCache(dist, cacheDir, `
        cache.load('sub/helper.cjs');
        cache.endCaching();
        ${lateFlags ? `require('node:v8').setFlagsFromString(${JSON.stringify(lateFlags)});` : ''}
        cache.resumeCaching();
        cache.load('main.cjs');
        cache.endCaching();
        cache.resumeCaching();
        cache.load('last.cjs');
        cache.save();
        process.stdout.write(JSON.stringify(cache.loaded()));`);
      return (JSON.parse(printed) as LoadedBundle[]).map(({ file, cacheFile, usedCache, written }) => ({ file, cacheFile, usedCache, written }));
    };
    const code = join(cacheDir, 'code', 'b');
    const files = { helper: join(code, 'sub-helper.cjs.bin'), main: join(code, 'late-main.cjs.bin') };
    expect(run('--no-sparkplug')).toEqual([
      { file: 'sub/helper.cjs', cacheFile: files.helper, usedCache: false, written: true },
      { file: 'main.cjs', cacheFile: files.main, usedCache: false, written: true },
      // Loaded after the late phase ended: compiled, and not cached (a second resume does nothing).
      { file: 'last.cjs', cacheFile: undefined, usedCache: false, written: false },
    ]);
    expect(readdirSync(code).sort()).toEqual(['late-main.cjs.bin', 'sub-helper.cjs.bin']);
    // The next process with the same flags takes both; one whose flags did not change takes the start-up code only.
    expect(run('--no-sparkplug').map((bundle) => bundle.usedCache)).toEqual([true, true, false]);
    expect(run('').map((bundle) => [bundle.usedCache, bundle.written])).toEqual([[true, false], [false, true], [false, false]]);
  });

  it('takes a late bundle\'s code as its top level left it: functions first run afterwards are not loaded with it next time', () => {
    const dist = makeDist();
    // A function whose body is long (its compiled code is large) and runs only when called.
    const body = Array.from({ length: 400 }, (_, i) => `total += (n + ${i}) * ${i % 7};`).join(' ');
    writeFileSync(join(dist, 'big.cjs'), `exports.big = (n) => { let total = 0; ${body} return total; };`);
    const lateSize = (call: boolean) => {
      const cacheDir = join(work, `cache-${Math.random()}`);
      withCache(dist, cacheDir, `cache.endCaching(); cache.resumeCaching(); const { big } = cache.load('big.cjs'); ${call ? 'big(1);' : ''} cache.endCaching();`);
      return statSync(join(cacheDir, 'code', 'b', 'late-big.cjs.bin')).size;
    };
    expect(lateSize(true)).toBe(lateSize(false));
  });

  it("deletes other builds' code and the files of the layout before one folder a build when it writes, and nothing else", () => {
    const dist = makeDist();
    const cacheDir = join(work, `cache-${Math.random()}`);
    mkdirSync(join(cacheDir, 'code', 'build-0'), { recursive: true });
    writeFileSync(join(cacheDir, 'code', 'build-0', 'chunks-chunk-OLDHASH.cjs.bin'), 'an old build');
    writeFileSync(join(cacheDir, 'code', 'swelearn.cjs.bin'), 'the flat layout');
    writeFileSync(join(cacheDir, 'code', 'notes.txt'), 'not ours to delete');
    runOnce(dist, cacheDir);
    expect(readdirSync(join(cacheDir, 'code')).sort()).toEqual(['build-1', 'notes.txt']);
    expect(readdirSync(join(cacheDir, 'code', 'build-1')).sort()).toEqual(['main.cjs.bin', 'sub-helper.cjs.bin']);
  });

  it('reads garbage in place of a cache file as no cache', () => {
    const dist = makeDist();
    const cacheDir = join(work, `cache-${Math.random()}`);
    mkdirSync(join(cacheDir, 'code', 'build-1'), { recursive: true });
    writeFileSync(join(cacheDir, 'code', 'build-1', 'main.cjs.bin'), 'not a cache');
    const run = runOnce(dist, cacheDir);
    expect(run.result).toEqual(EXPECTED);
    expect(used(run)['main.cjs']).toEqual({ usedCache: false, written: true });
  });

  describe("a start's pack", () => {
    /** One process that starts as the app at home: loads main.cjs (and `extra`, when given), runs it, and saves. */
    const runStart = (dist: string, cacheDir: string, extra?: string, buildId = 'build-1'): Run => runOnce(dist, cacheDir, buildId, { start: 'app-home', ...(extra ? { extra } : {}) });
    const packOf = (cacheDir: string, buildId = 'build-1') => join(cacheDir, 'code', buildId, 'start-app-home.pack');
    /** The pack's list of scripts, and the length of the cached code after it. */
    const readPack = (cacheDir: string) => {
      const bytes = readFileSync(packOf(cacheDir));
      const header = 'swelearn-code build-1\n'.length;
      const listEnd = bytes.indexOf(0x0a, header);
      return { files: JSON.parse(bytes.toString('utf8', header, listEnd)) as string[], codeBytes: bytes.length - listEnd - 1 };
    };
    const packed = (run: Run) => Object.fromEntries(run.loaded.map((bundle) => [bundle.file, { packed: bundle.packed ?? false, usedCache: bundle.usedCache }]));

    it('learns the scripts a start loads, runs them from one script the next time, and from its cached code after that', () => {
      const dist = makeDist();
      const cacheDir = join(work, `cache-${Math.random()}`);
      const first = runStart(dist, cacheDir);
      expect(first.result).toEqual(EXPECTED);
      expect(packed(first)).toEqual({ 'main.cjs': { packed: false, usedCache: false }, 'sub/helper.cjs': { packed: false, usedCache: false } });
      expect(readPack(cacheDir)).toEqual({ files: ['main.cjs', 'sub/helper.cjs'], codeBytes: 0 });

      // Compiled from the bundles' own files, then its code cached once it has run.
      const second = runStart(dist, cacheDir);
      expect(second.result).toEqual(EXPECTED);
      expect(packed(second)).toEqual({ 'main.cjs': { packed: true, usedCache: false }, 'sub/helper.cjs': { packed: true, usedCache: false } });
      expect(readPack(cacheDir).codeBytes).toBeGreaterThan(0);
      const before = stamp(packOf(cacheDir));

      const third = runStart(dist, cacheDir);
      expect(third.result).toEqual(EXPECTED);
      expect(packed(third)).toEqual({ 'main.cjs': { packed: true, usedCache: true }, 'sub/helper.cjs': { packed: true, usedCache: true } });
      expect(stamp(packOf(cacheDir))).toEqual(before);
    });

    it('adds a script a later start loads beyond its pack, and never drops one', () => {
      const dist = makeDist();
      writeFileSync(join(dist, 'sub', 'extra.cjs'), 'exports.extra = "extra";');
      const cacheDir = join(work, `cache-${Math.random()}`);
      runStart(dist, cacheDir);
      runStart(dist, cacheDir);
      const wider = runStart(dist, cacheDir, 'sub/extra.cjs');
      expect(wider.result).toEqual([...EXPECTED, 'extra']);
      expect(packed(wider)['sub/extra.cjs']).toEqual({ packed: false, usedCache: false });
      expect(readPack(cacheDir)).toEqual({ files: ['main.cjs', 'sub/helper.cjs', 'sub/extra.cjs'], codeBytes: 0 });
      runStart(dist, cacheDir);
      const narrower = runStart(dist, cacheDir);
      expect(narrower.result).toEqual(EXPECTED);
      expect(packed(narrower)['main.cjs']).toEqual({ packed: true, usedCache: true });
      expect(readPack(cacheDir).files).toEqual(['main.cjs', 'sub/helper.cjs', 'sub/extra.cjs']);
    });

    it.each([
      ['garbage', () => 'not a pack'],
      ["another build's", () => 'swelearn-code build-0\n["main.cjs","sub/helper.cjs"]\n'],
      ['a list that is not JSON', () => 'swelearn-code build-1\n[main.cjs\n'],
      ['a script outside the bundles', () => 'swelearn-code build-1\n["../outside.cjs"]\n'],
      ['a script that is gone', () => 'swelearn-code build-1\n["main.cjs","sub/gone.cjs"]\n'],
      ['a name twice', () => 'swelearn-code build-1\n["main.cjs","main.cjs"]\n'],
      ['no end to its list', () => 'swelearn-code build-1\n["main.cjs"]'],
    ])('runs each script from its own file when the pack is %s, and learns the list again', (_, contents) => {
      const dist = makeDist();
      writeFileSync(join(dist, '..', 'outside.cjs'), 'throw new Error("ran a script outside the bundles")');
      const cacheDir = join(work, `cache-${Math.random()}`);
      mkdirSync(join(cacheDir, 'code', 'build-1'), { recursive: true });
      writeFileSync(packOf(cacheDir), contents());
      const run = runStart(dist, cacheDir);
      expect(run.result).toEqual(EXPECTED);
      expect(Object.values(packed(run)).every((bundle) => !bundle.packed)).toBe(true);
      expect(readPack(cacheDir)).toEqual({ files: ['main.cjs', 'sub/helper.cjs'], codeBytes: 0 });
    });

    it('runs each script from its own file when a script the pack names does not compile with the others', () => {
      const dist = makeDist();
      writeFileSync(join(dist, 'sub', 'broken.cjs'), 'exports.x = (;');
      const cacheDir = join(work, `cache-${Math.random()}`);
      mkdirSync(join(cacheDir, 'code', 'build-1'), { recursive: true });
      writeFileSync(packOf(cacheDir), 'swelearn-code build-1\n["main.cjs","sub/helper.cjs","sub/broken.cjs"]\n');
      const run = runStart(dist, cacheDir);
      expect(run.result).toEqual(EXPECTED);
      expect(Object.values(packed(run)).every((bundle) => !bundle.packed)).toBe(true);
      expect(readPack(cacheDir).files).toEqual(['main.cjs', 'sub/helper.cjs']);
    });

    it('rewrites cached code of the pack that V8 rejects', () => {
      const dist = makeDist();
      const cacheDir = join(work, `cache-${Math.random()}`);
      runStart(dist, cacheDir);
      writeFileSync(packOf(cacheDir), 'swelearn-code build-1\n["main.cjs","sub/helper.cjs"]\n' + 'x'.repeat(4096));
      const rejected = runStart(dist, cacheDir);
      expect(rejected.result).toEqual(EXPECTED);
      expect(packed(rejected)['main.cjs']).toEqual({ packed: true, usedCache: false });
      expect(readPack(cacheDir).codeBytes).not.toBe(4096);
      expect(packed(runStart(dist, cacheDir))['main.cjs']).toEqual({ packed: true, usedCache: true });
    });

    it("is written under the build's folder and goes with another build's code", () => {
      const dist = makeDist();
      const cacheDir = join(work, `cache-${Math.random()}`);
      runStart(dist, cacheDir, undefined, 'build-1');
      runStart(dist, cacheDir, undefined, 'build-1');
      const other = runStart(dist, cacheDir, undefined, 'build-2');
      expect(Object.values(packed(other)).every((bundle) => !bundle.packed)).toBe(true);
      expect(readdirSync(join(cacheDir, 'code'))).toEqual(['build-2']);
      expect(readdirSync(join(cacheDir, 'code', 'build-2')).sort()).toEqual(['main.cjs.bin', 'start-app-home.pack', 'sub-helper.cjs.bin']);
    });
  });
});
