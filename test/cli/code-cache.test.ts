import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, freshHome, runCli } from './run-cli.js';

/** The folder of this build's cached code (<cache>/code/<build id>/, the only one), or undefined before any was written. */
function buildCodeDir(home: string): string | undefined {
  const root = join(home, 'cache', 'code');
  if (!existsSync(root)) return undefined;
  const builds = readdirSync(root);
  expect(builds).toHaveLength(1);
  return join(root, builds[0]!);
}
const codeFiles = (home: string) => {
  const dir = buildCodeDir(home);
  return dir === undefined ? [] : readdirSync(dir).sort();
};
const stamps = (home: string) => codeFiles(home).map((name) => [name, statSync(join(buildCodeDir(home)!, name)).mtimeMs, statSync(join(buildCodeDir(home)!, name)).ino]);

// The commands run from CommonJS bundles whose V8 code is cached in the cache folder (src/io/bundles/code-cache.ts; its own test covers rejected and unwritable caches).
describe('the code cache of the built commands (run `npm run build` first)', () => {
  it('is written by the first run of a command, for the entry and the study bundle it loaded, and only read by the next', () => {
    const home = freshHome();
    const first = runCli(['stats'], { env: { SWELEARN_HOME: home } });
    expect(first.code).toBe(0);
    expect(codeFiles(home)).toEqual(['study-stats.cjs.bin', 'swelearn.cjs.bin']);
    const written = stamps(home);
    const second = runCli(['stats'], { env: { SWELEARN_HOME: home } });
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe('');
    expect(stamps(home)).toEqual(written);
    // One file a bundle, whichever command wrote it: search runs from the entry's code that stats left (its own functions
    // compiled lazily took no measurable time more than a cache of its own, which cost another 230 KB of disk a command).
    expect(runCli(['search', 'dns'], { env: { SWELEARN_HOME: home } }).code).toBe(0);
    expect(stamps(home)).toEqual(written);
  });

  it('is not written by a run that fails', () => {
    const home = freshHome();
    expect(runCli(['nonsense'], { env: { SWELEARN_HOME: home } }).code).toBe(2);
    expect(codeFiles(home)).toEqual([]);
  });

  it('is written before the first line, so a script that reads one line of a quiz and stops it leaves the cache behind', async () => {
    const home = freshHome();
    const child = spawn(process.execPath, [BIN, 'quiz'], { env: { ...process.env, CI: 'true', SWELEARN_HOME: home }, stdio: ['pipe', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (data) => {
        output += data;
        if (output.includes('\n')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('error', reject);
      child.on('close', () => reject(new Error('quiz ended before printing a line')));
    });
    expect(codeFiles(home)).toEqual(['study-quiz.cjs.bin', 'swelearn.cjs.bin']);
  });
});
