import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoCrashText, ROOT, runCli } from './run-cli.js';

const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;

describe('swelearn basics', () => {
  it('prints the package version', () => {
    const run = runCli(['--version']);
    expect(run).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('prints help instead of starting the app when stdin is not a terminal', () => {
    const run = runCli([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage:');
    for (const command of ['list', 'search', 'show', 'sim', 'lint', 'paths']) expect(run.stdout).toContain(`swelearn ${command}`);
    expectNoCrashText(run);
  });

  it.each([
    [['frobnicate'], 'swelearn: unknown command "frobnicate"'],
    [['list', '--bogus'], 'swelearn: unknown option --bogus'],
    [['search'], 'swelearn: search needs a query'],
    [['search', 'dns', '--limit', 'many'], 'swelearn: --limit takes a whole number from 1 to 100, got "many"'],
    [['list', '--difficulty', 'brutal'], 'swelearn: --difficulty must be one of easy, medium, hard, got "brutal"'],
    [['show', 'tcp-handshake', '--section', 'nonsense', '--content', 'test/fixtures/cards/good'], 'has no section like "nonsense"'],
    [['--content'], 'swelearn: option --content needs a folder'],
  ])('rejects bad usage %j with one line, the usage and exit 2', (args, message) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    // Lines about bundled cards still being written are not part of this check.
    const lines = run.stderr.trim().split('\n').filter((line) => !line.includes('(card skipped)'));
    expect(lines[0]).toContain(message);
    expect(lines[1]).toMatch(/^usage: swelearn/);
    expect(lines).toHaveLength(2);
  });

  it('reports a runtime problem with exit 1 and no stack trace', () => {
    const run = runCli(['list', '--content', 'no/such/folder']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('swelearn: card folder no/such/folder is not a readable folder\n');
    expectNoCrashText(run);
  });

  it('shows where everything lives, honouring SWELEARN_HOME', () => {
    const run = runCli(['paths'], { env: { SWELEARN_HOME: '/tmp/swelearn-paths-test' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^your cards\s+\/tmp\/swelearn-paths-test\/cards/m);
    expect(run.stdout).toMatch(/^progress\s+\/tmp\/swelearn-paths-test\/progress/m);
    expect(run.stdout).toMatch(/^bundled cards\s+\/.+\/content$/m);
  });

  it('follows XDG_DATA_HOME when SWELEARN_HOME is unset', () => {
    const run = runCli(['paths', '--json'], { env: { SWELEARN_HOME: '', XDG_DATA_HOME: '/tmp/xdg-data', XDG_CACHE_HOME: '/tmp/xdg-cache' } });
    expect(JSON.parse(run.stdout)).toMatchObject({ your_cards: '/tmp/xdg-data/swelearn/cards', progress: '/tmp/xdg-data/swelearn/progress', cache: '/tmp/xdg-cache/swelearn' });
  });
});
