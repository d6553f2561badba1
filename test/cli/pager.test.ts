import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveEnvironment } from '../../src/app/environment.js';
import { runPager, shouldPage, type PagingFacts } from '../../src/cli/pager.js';
import { BIN, freshHome, ROOT, runCli } from './run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'swelearn-pager-'));

/** A pager that writes what it was given, and its LESS, to a file. */
function fakePager(name: string): { path: string; output: string } {
  const path = join(work, name);
  const output = join(work, `${name}.out`);
  writeFileSync(path, `#!/bin/sh\n{ echo "LESS=$LESS"; cat; } > ${output}\necho "FAKE PAGER RAN"\n`);
  chmodSync(path, 0o755);
  return { path, output };
}

const LONG: PagingFacts = { stdoutIsTTY: true, rows: 24, lines: 80, json: false, noPager: false };

describe('when show pages', () => {
  it.each<[string, Partial<PagingFacts>, boolean]>([
    ['a card longer than the terminal', {}, true],
    ['a card that fits', { lines: 10 }, false],
    ['a pipe', { stdoutIsTTY: false }, false],
    ['JSON', { json: true }, false],
    ['--no-pager', { noPager: true }, false],
    ['an unknown screen height', { rows: undefined }, false],
  ])('%s: %s', (_name, facts, pages) => {
    expect(shouldPage({ ...LONG, ...facts })).toBe(pages);
  });

  it.each<[NodeJS.ProcessEnv, string | undefined, string | undefined]>([
    [{}, 'less -R', 'FRX'],
    [{ LESS: '-S' }, 'less -R', '-S'],
    [{ PAGER: 'more' }, 'more', 'FRX'],
    [{ PAGER: '' }, undefined, undefined],
    [{ PAGER: 'cat' }, undefined, undefined],
  ])('chooses the pager as git does from %j', (env, command, less) => {
    const pager = resolveEnvironment({ env, cwd: ROOT }).pager();
    expect(pager?.command).toBe(command);
    expect(pager?.env.LESS).toBe(less);
  });
});

describe('running the pager', () => {
  it('hands it the text with LESS set, and says it ran', async () => {
    const fake = fakePager('direct');
    expect(await runPager('one\ntwo\n', { command: fake.path, env: { ...process.env, LESS: 'FRX' } })).toBe(true);
    expect(readFileSync(fake.output, 'utf8')).toBe('LESS=FRX\none\ntwo\n');
  });

  it('runs a command with shell syntax through sh', async () => {
    const fake = fakePager('shell');
    expect(await runPager('text\n', { command: `${fake.path} | cat > /dev/null`, env: process.env })).toBe(true);
    expect(readFileSync(fake.output, 'utf8')).toContain('text');
  });

  it.each([['a program that is not there', '/no/such/pager'], ['a shell command that is not there', 'no-such-pager-zz || exit 127']])('says so when it cannot start: %s', async (_name, command) => {
    expect(await runPager('text\n', { command, env: process.env })).toBe(false);
  });
});

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

describe.skipIf(!hasTmux)('swelearn show in a terminal', () => {
  /** Runs a command in a 100x20 tmux terminal and returns the screen once it has finished. */
  async function inTerminal(name: string, command: string): Promise<string> {
    execFileSync('tmux', ['new-session', '-d', '-s', name, '-x', '100', '-y', '20', `cd ${ROOT} && ${command}; echo EXIT $?; sleep 30`]);
    try {
      const started = Date.now();
      while (Date.now() - started < 15_000) {
        const screen = execFileSync('tmux', ['capture-pane', '-p', '-t', name], { encoding: 'utf8' });
        if (/EXIT \d+/.test(screen)) return screen;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('the command never finished');
    } finally {
      spawnSync('tmux', ['kill-session', '-t', name]);
    }
  }

  it('pages a card longer than the screen through $PAGER, with LESS=FRX', async () => {
    const fake = fakePager('tty');
    const screen = await inTerminal(`swelearn-pager-${process.pid}`, `env -u CI -u LESS SWELEARN_HOME=${freshHome()} PAGER=${fake.path} node ${BIN} show resolution-flow`);
    expect(screen).toContain('FAKE PAGER RAN');
    expect(screen).toContain('EXIT 0');
    const paged = readFileSync(fake.output, 'utf8');
    expect(paged.split('\n')[0]).toBe('LESS=FRX');
    expect(paged).toContain('Key Points for Interviews');
  }, 30_000);

  it('prints straight to the terminal with --no-pager, for a section that fits, and when the pager cannot start', async () => {
    const fake = fakePager('never');
    for (const [index, argv] of [['--no-pager'], ['--section', 'when to use', '--width', '200']].entries()) {
      const screen = await inTerminal(`swelearn-nopager-${index}-${process.pid}`, `env -u CI SWELEARN_HOME=${freshHome()} PAGER=${fake.path} node ${BIN} show resolution-flow ${argv.join(' ')}`);
      expect(screen).toContain('EXIT 0');
      expect(screen).not.toContain('FAKE PAGER RAN');
    }
    expect(existsSync(fake.output)).toBe(false);
    const lastLine = runCli(['show', 'resolution-flow', '--width', '100']).stdout.trimEnd().split('\n').pop()!;
    const missing = await inTerminal(`swelearn-badpager-${process.pid}`, `env -u CI SWELEARN_HOME=${freshHome()} PAGER=/no/such/pager node ${BIN} show resolution-flow`);
    expect(missing).toContain(`${lastLine.trimEnd()}\nEXIT 0`);
  }, 60_000);

  it('never pages in a pipe', () => {
    const fake = fakePager('pipe');
    const run = runCli(['show', 'resolution-flow'], { env: { PAGER: fake.path } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Key Points for Interviews');
    expect(existsSync(fake.output)).toBe(false);
  });
});
