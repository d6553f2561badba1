import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './run-cli.js';

// An isolated npm config: no update notices, and a placeholder token so the dry run does not
// warn about logging in. Nothing here needs the network.
const work = mkdtempSync(join(tmpdir(), 'swelearn-pack-'));
const npmrc = join(work, 'npmrc');
writeFileSync(npmrc, 'update-notifier=false\nfund=false\naudit=false\n//registry.npmjs.org/:_authToken=dry-run-placeholder\n');
// npm run sets many npm_* variables, and unknown ones make npm warn; start from none of them.
const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
const npmEnv = { ...inherited, npm_config_userconfig: npmrc, npm_config_cache: join(work, 'cache') };
let tarball = '';
let files: string[] = [];

beforeAll(() => {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work, '--ignore-scripts'], { cwd: ROOT, env: npmEnv, encoding: 'utf8' })) as { filename: string; files: { path: string }[]; unpackedSize: number }[];
  tarball = join(work, packed[0]!.filename);
  files = packed[0]!.files.map((file) => file.path);
}, 120_000);

const bundledFiles = () => files.filter((file) => file.startsWith('dist/') && file.endsWith('.js'));

describe('the published package', () => {
  it('holds the bundle, the launcher and the content, and no sources, tests or maps', () => {
    expect(files).toContain('bin/swelearn.js');
    expect(files).toContain('dist/swelearn.js');
    expect(files).toContain('content/dns/negative-caching.md');
    expect(files).toContain('man/swelearn.1');
    expect(files.filter((file) => /^(src|test|bench|scripts|node_modules)\//.test(file))).toEqual([]);
    // The entry file, the simulator, study and app bundles with their chunks, the config file's YAML parser, and nothing else from dist/.
    const bundles = files.filter((file) => file.startsWith('dist/'));
    expect(bundles.filter((file) => !/^dist\/(swelearn|sim|parse-card)\.js$|^dist\/yaml\.cjs$|^dist\/chunks\/sim-[\w-]+\.js$|^dist\/(study|app)\/(chunks\/)?[\w-]+\.js$/.test(file))).toEqual([]);
    for (const entry of ['dist/swelearn.js', 'dist/sim.js', 'dist/study/quiz.js', 'dist/app/open-app.js']) expect(bundles).toContain(entry);
  });

  it("bundles Ink once, in the app's bundle, with the row-cached Output in place of Ink's own", () => {
    // Identifiers survive the build's minification: the patch's class is named RowCachedOutput, and
    // Ink's Output keeps its measures in an OutputCaches with a getWidestLine method.
    const inkOwnOutput = readFileSync(join(ROOT, 'node_modules/ink/build/output.js'), 'utf8');
    for (const marker of ['class OutputCaches', 'getWidestLine(']) expect(inkOwnOutput).toContain(marker);
    const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');
    // Ink is in the app's bundle only (quiz and stats load that bundle to draw their screens); whichever of its chunks holds Ink, the bundle holds the patch.
    const holdsInk = (file: string) => text(file).includes('createNode("ink-root")');
    expect(bundledFiles().filter(holdsInk).map((file) => file.replace(/[^/]+$/, ''))).toEqual(['dist/app/chunks/']);
    const appText = bundledFiles().filter((file) => file.startsWith('dist/app/')).map(text).join('\n');
    expect(appText).toMatch(/\bclass RowCachedOutput\b|\bRowCachedOutput=class\b/);
    for (const file of bundledFiles()) expect([text(file).includes('OutputCaches'), text(file).includes('getWidestLine')], file).toEqual([false, false]);
  });

  // Each Node module the entry imports up front is loaded before any command runs; child_process alone costs 1.5 ms.
  it('keeps the entry to the Node modules every command needs, and YAML out of it', () => {
    const entry = readFileSync(join(ROOT, 'dist/swelearn.js'), 'utf8');
    const builtins = new Set([...entry.matchAll(/\bfrom\s*["']node:([\w/]+)["']/g)].map((match) => match[1]));
    expect([...builtins].sort()).toEqual(['crypto', 'fs', 'module', 'os', 'path', 'url', 'util']);
    expect(entry).not.toContain('Implicit keys need to be on a single line');
  });

  it('runs from the tarball with npx offline and an empty cache', () => {
    const run = spawnSync('npx', ['--yes', '--offline', `--package=${tarball}`, 'swelearn', '--version'], { cwd: work, env: npmEnv, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(run.status).toBe(0);
  }, 120_000);

  it('passes npm publish --dry-run without a warning', () => {
    const run = spawnSync('npm', ['publish', '--dry-run', '--ignore-scripts'], { cwd: ROOT, env: npmEnv, encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(0);
    expect((run.stdout + run.stderr).split('\n').filter((line) => /warn/i.test(line))).toEqual([]);
  }, 120_000);
});
