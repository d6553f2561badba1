import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, flagsOf } from '../../src/cli/table/command-table.js';
import { SCENARIO_IDS } from '../../src/core/dns-sim/scenarios/scenario-ids.js';
import { FIXTURES, runCli } from './run-cli.js';

const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;
const work = mkdtempSync(join(tmpdir(), 'swelearn-completion-'));

const scripts = new Map<string, { text: string; file: string }>();

/** The script for a shell, written to a file, with the cards of the good fixture folder loaded too. */
function script(shell: string): { text: string; file: string } {
  if (scripts.has(shell)) return scripts.get(shell)!;
  const run = runCli(['completion', shell, '--content', join(FIXTURES, 'cards', 'good')]);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  const file = join(work, `swelearn.${shell}`);
  writeFileSync(file, run.stdout);
  scripts.set(shell, { text: run.stdout, file });
  return scripts.get(shell)!;
}

const syntaxCheck = (shell: string, file: string) => spawnSync(shell, ['-n', file], { encoding: 'utf8' });

describe.each(['bash', 'zsh', 'fish'])('swelearn completion %s', (shell) => {
  it('names every command and every flag of the command table, the scenarios and the cards', () => {
    const { text } = script(shell);
    for (const name of COMMAND_NAMES) {
      expect(text).toMatch(new RegExp(`\\b${name}\\b`));
      for (const flag of flagsOf(name)) expect(text, `${name} --${flag.name}`).toMatch(shell === 'fish' ? new RegExp(`-l ${flag.name} `) : new RegExp(`--${flag.name}\\b`));
    }
    for (const id of SCENARIO_IDS) expect(text).toContain(id);
    expect(text).toContain('tcp-handshake');
  });
});

describe('the bash script', () => {
  it('is valid bash', () => {
    const { file } = script('bash');
    expect(syntaxCheck('bash', file)).toMatchObject({ status: 0, stderr: '' });
  });

  it.each([
    ['swelearn se', 'search'],
    ['swelearn search --li', '--limit'],
    ['swelearn sim --scenario cold', 'cold-cache'],
    ['swelearn sim --resolver k', 'knot'],
    ['swelearn list --difficulty ha', 'hard'],
    ['swelearn show tcp-h', 'tcp-handshake'],
    ['swelearn quiz --card negative-c', 'negative-caching'],
    ['swelearn list --tag dnsse', 'dnssec'],
    ['swelearn completion fi', 'fish'],
    ['swelearn help sea', 'search'],
    ['swelearn --content x sea', 'search'],
  ])('completes "%s" to %s', (line, expected) => {
    const { file } = script('bash');
    const words = line.split(' ');
    const probe = `source ${file}; COMP_WORDS=(${words.map((word) => `'${word}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _swelearn; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const run = spawnSync('bash', ['-c', probe], { encoding: 'utf8' });
    expect(run.stdout.split('\n')).toContain(expected);
  });
});

describe.skipIf(!has('zsh'))('the zsh script', () => {
  it('is valid zsh, and registers itself when sourced after compinit', () => {
    const { file } = script('zsh');
    expect(syntaxCheck('zsh', file)).toMatchObject({ status: 0, stderr: '' });
    const run = spawnSync('zsh', ['-f', '-c', `autoload -U compinit; compinit -u -d ${join(work, 'zcompdump')}; source ${file}; print -r -- $_comps[swelearn]`], { encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('_swelearn');
  });

  it('completes a scenario id in an interactive zsh', () => {
    const { file } = script('zsh');
    // zpty runs an interactive zsh in a pseudo-terminal; the read blocks until the completed word shows.
    const probe = [
      'zmodload zsh/zpty',
      'zpty z zsh -f -i',
      `zpty -w z 'autoload -U compinit; compinit -u -d ${join(work, 'zcompdump-i')}; source ${file}'`,
      "zpty -w z $'swelearn sim --scenario cold-c\\t'",
      "zpty -r z out '*cold-cache*'",
      'print -r -- completed',
      'zpty -d z',
    ].join('\n');
    const run = spawnSync('zsh', ['-f', '-c', probe], { encoding: 'utf8', timeout: 15_000 });
    expect(run.stdout).toContain('completed');
  }, 20_000);
});

describe.skipIf(!has('fish'))('the fish script', () => {
  it('is valid fish and completes commands, flags, their values and card ids', () => {
    const { file } = script('fish');
    expect(syntaxCheck('fish', file)).toMatchObject({ status: 0, stderr: '' });
    const complete = (line: string) => spawnSync('fish', ['--no-config', '-c', `source ${file}; complete -C '${line}'`], { encoding: 'utf8' }).stdout.split('\n').map((entry) => entry.split('\t')[0]);
    expect(complete('swelearn se')).toContain('search');
    expect(complete('swelearn search --li')).toContain('--limit');
    expect(complete('swelearn sim --scenario cold')).toContain('cold-cache');
    expect(complete('swelearn show tcp-h')).toContain('tcp-handshake');
  });
});

describe('swelearn completion with a wrong shell', () => {
  it.each([[[]], [['tcsh']], [['bash', 'zsh']]])('%j is a usage error', (argv) => {
    const run = runCli(['completion', ...argv]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^swelearn: completion (needs a shell|writes scripts for bash, zsh, fish)/);
  });
});
