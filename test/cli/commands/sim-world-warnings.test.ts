import { appendFileSync, cpSync, mkdtempSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, freshHome, runCli } from '../run-cli.js';

/** A copy of the fixture world whose zones draw warnings (a CNAME beside A records, a delegation loop). */
function copiedWorld(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'swelearn-world-')), 'world');
  cpSync(join(FIXTURES, 'worlds', 'impossible'), dir, { recursive: true });
  return dir;
}

const warningLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('swelearn: world warning: '));

describe('swelearn sim --world: warnings once per change of the world', () => {
  it('prints the warnings on the first run, not on the next, and again after a world file changes', () => {
    const world = copiedWorld();
    const env = { SWELEARN_HOME: freshHome() };
    const sim = () => runCli(['sim', 'www.alpha', '--world', world], { env });
    const first = sim();
    expect(first.code).toBe(0);
    expect(warningLines(first.stderr).length).toBeGreaterThanOrEqual(3);
    expect(first.stderr).toContain('world warnings are shown once, and again after the world folder changes');
    const second = sim();
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
    appendFileSync(join(world, 'gamma.zone'), '; edited\n');
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(world, 'gamma.zone'), later, later);
    expect(warningLines(sim().stderr)).toEqual(warningLines(first.stderr));
    expect(sim().stderr).toBe('');
  });

  it('keeps its memory per world folder and per cache: another copy, or another home, shows them again', () => {
    const env = { SWELEARN_HOME: freshHome() };
    const one = copiedWorld();
    runCli(['sim', 'www.alpha', '--world', one], { env });
    expect(warningLines(runCli(['sim', 'www.alpha', '--world', copiedWorld()], { env }).stderr).length).toBeGreaterThan(0);
    expect(warningLines(runCli(['sim', 'www.alpha', '--world', one], { env: { SWELEARN_HOME: freshHome() } }).stderr).length).toBeGreaterThan(0);
  });

  it('does not count a JSON run as having shown them', () => {
    const world = copiedWorld();
    const env = { SWELEARN_HOME: freshHome() };
    expect(runCli(['sim', 'www.alpha', '--world', world, '--json'], { env }).stderr).toBe('');
    expect(warningLines(runCli(['sim', 'www.alpha', '--world', world], { env }).stderr).length).toBeGreaterThan(0);
  });
});
