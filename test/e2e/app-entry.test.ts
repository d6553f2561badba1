import { describe, expect, it } from 'vitest';
import { buildRun, NO_WHAT_IF } from '../../src/ui/screens/simulator/build-run.js';
import { transcriptLines } from '../../src/ui/screens/simulator/transcript-view.js';
import { lineText } from '../../src/core/markdown/styled-line.js';
import { loadWorldFolder } from '../../src/io/world-folder.js';
import { bundledWorldDir } from '../../src/io/package-paths.js';
import { expectNoCrashText, runCli } from '../cli/run-cli.js';

describe('starting the app from the command line', () => {
  it.each([[[]], [['--ascii', '--reduced-motion']], [['--no-color', '--ascii']]])('swelearn %j without a terminal prints the help, never a raw-mode error', (args) => {
    const run = runCli(args);
    expectNoCrashText(run);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('study system design offline, in the terminal');
  });

  it('lists --reduced-motion and --ascii among the options of every command, with their variables', () => {
    // Help wraps its descriptions; each still names the variable.
    const stdout = runCli(['--help']).stdout.replace(/\s+/g, ' ');
    expect(stdout).toMatch(/--reduced-motion [^()]*\(also SWELEARN_REDUCED_MOTION=1/);
    expect(stdout).toMatch(/--ascii [^()]*\(also SWELEARN_ASCII=1/);
  });

  it('accepts the app flags before any command without complaint', () => {
    const run = runCli(['--ascii', '--reduced-motion', 'list']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('resolution-flow');
  });
});

describe('the plain transcript', () => {
  it.each(['cold-cache', 'nxdomain-negative-cache', 'k8s-trailing-dot'])('for %s is exactly what `swelearn sim --scenario` prints', async (id) => {
    const world = await loadWorldFolder(bundledWorldDir());
    const run = buildRun(world, { kind: 'scenario', id }, undefined, NO_WHAT_IF);
    if ('error' in run) throw new Error(run.error);
    const cli = runCli(['sim', '--scenario', id, '--no-color']);
    expect(cli.code).toBe(0);
    expect(transcriptLines(run, 1000).map(lineText).join('\n')).toBe(cli.stdout.replace(/\n$/, ''));
  });
});
