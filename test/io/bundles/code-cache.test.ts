import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

/** One process that loads main.cjs through the code cache, runs it, and saves. */
function runOnce(dist: string, cacheDir: string, buildId = 'build-1'): Run {
  const script = `
    const { openCodeCache } = require(${JSON.stringify(loader)});
    const cache = openCodeCache({ distDir: ${JSON.stringify(dist)}, cacheDir: ${JSON.stringify(cacheDir)}, buildId: ${JSON.stringify(buildId)} });
    cache.load('main.cjs').run().then((result) => {
      cache.save();
      cache.save();
      process.stdout.write(JSON.stringify({ loaded: cache.loaded(), result }));
    });`;
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(child.status, child.stderr).toBe(0);
  return { ...(JSON.parse(child.stdout) as Omit<Run, 'stderr'>), stderr: child.stderr };
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
    const files = [join(cacheDir, 'code', 'main.cjs.bin'), join(cacheDir, 'code', 'sub-helper.cjs.bin')];
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
    const file = join(cacheDir, 'code', 'main.cjs.bin');
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
    expect(readFileSync(join(cacheDir, 'code', 'main.cjs.bin')).subarray(0, 22).toString()).toBe('swelearn-code build-2\n');
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

  it('reads garbage in place of a cache file as no cache', () => {
    const dist = makeDist();
    const cacheDir = join(work, `cache-${Math.random()}`);
    mkdirSync(join(cacheDir, 'code'), { recursive: true });
    writeFileSync(join(cacheDir, 'code', 'main.cjs.bin'), 'not a cache');
    const run = runOnce(dist, cacheDir);
    expect(run.result).toEqual(EXPECTED);
    expect(used(run)['main.cjs']).toEqual({ usedCache: false, written: true });
  });
});
