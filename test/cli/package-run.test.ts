import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../core/cards/card-text.js';
import { packTarball, type PackedTarball } from './packed-tarball.js';
import { expectNoCrashText, freshHome, ROOT } from './run-cli.js';

let pack: PackedTarball;
// One home for every run: the first run fills the caches from the tarball's own parser and world.
let home = '';

beforeAll(() => {
  pack = packTarball();
  home = freshHome();
}, 120_000);

/** Runs `swelearn ...args` installed from the tarball by npx, offline, outside the repository. */
function npxSwelearn(...args: string[]) {
  const env = { ...pack.npmEnv, CI: 'true', SWELEARN_HOME: home, FORCE_COLOR: undefined, NO_COLOR: undefined, COLUMNS: undefined, TERM: undefined };
  const run = spawnSync('npx', ['--yes', '--offline', `--package=${pack.tarball}`, 'swelearn', ...args], { cwd: pack.work, env, encoding: 'utf8', timeout: 120_000 });
  return { stdout: run.stdout, stderr: run.stderr, code: run.status };
}

describe('the package installed from its tarball', () => {
  it('answers --version with npx offline and an empty cache', () => {
    const run = npxSwelearn('--version');
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(run.code).toBe(0);
  }, 120_000);

  it('runs from where npx installed it, not from the repository', () => {
    const run = npxSwelearn('paths');
    expect(run.code).toBe(0);
    const bundled = /^bundled cards\s+(\/.+\/content)$/m.exec(run.stdout)?.[1];
    expect(bundled?.startsWith(pack.work)).toBe(true);
    expect(bundled?.startsWith(ROOT)).toBe(false);
  }, 120_000);

  it('searches the bundled cards', () => {
    const run = npxSwelearn('search', 'negative caching', '--limit', '2');
    expectNoCrashText(run);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^1\.\s+Negative Caching: .+negative-caching$/m);
    expect(run.code).toBe(0);
  }, 120_000);

  it('shows a section of a card', () => {
    const run = npxSwelearn('show', 'negative-caching', '--section', 'key points');
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Negative Caching: NXDOMAIN vs NODATA/);
    expect(run.stdout).toMatch(/^Key Points for Interviews$/m);
    expect(run.stdout).toContain('RCODE 3');
    expect(run.code).toBe(0);
  }, 120_000);

  it('simulates the cold-cache scenario with the bundled world', () => {
    const run = npxSwelearn('sim', '--scenario', 'cold-cache');
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^;; question 1: www\.example\.com A -> ANSWER in \d+ ms/m);
    expect(run.code).toBe(0);
  }, 120_000);

  it('reads YAML front matter with the shipped card parser and refuses ---js without running it', () => {
    const script = `const { parseCard } = await import(${JSON.stringify(pathToFileURL(join(pack.unpacked, 'dist', 'parse-card.js')).href)});
const info = { path: 'card.md', defaultId: 'card', defaultTopic: 'dns', origin: 'user' };
const yaml = parseCard(${JSON.stringify(cardText())}, info);
const code = parseCard('---js\\n{ title: (globalThis.ran = "ran") }\\n---\\n## Overview\\n', info);
console.log(JSON.stringify({ title: yaml.card?.title, problems: yaml.problems.length, code: code.problems.map((p) => p.rule), ran: globalThis.ran ?? null }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: pack.work, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ title: 'Negative caching', problems: 0, code: ['frontmatter-code'], ran: null });
  });
});
