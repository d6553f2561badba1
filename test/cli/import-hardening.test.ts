import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, expectNoCrashText, freshHome, runCli } from './run-cli.js';

const review = (n: number, fields: Record<string, unknown> = {}) => ({ v: 2, type: 'review', id: `imp-${n}`, at: '2026-06-01T10:00:00.000Z', session: 'imp', item: 'ttl-and-caching/kp-1', card: 'ttl-and-caching', mode: 'cloze', grade: 3, correct: true, ms: 1000, text: 'a point', given: '86400', ...fields });
const jsonl = (entries: object[]) => `${entries.map((entry) => JSON.stringify(entry)).join('\n')}\n`;
const scratchFile = (name: string, text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'swelearn-import-')), name);
  writeFileSync(file, text);
  return file;
};
const logLines = (home: string) => readFileSync(join(home, 'progress', 'reviews.jsonl'), 'utf8').trimEnd().split('\n');

describe('swelearn import validates every field', () => {
  it('skips entries that break a rule, naming the line and the rule, and writes no unknown field', () => {
    const home = freshHome();
    const file = scratchFile('log.jsonl', jsonl([
      review(1, { padding: 'x'.repeat(1_000_000) }),
      review(2, { cram: 'false' }),
      review(3, { ms: 1e308 }),
      review(4, { given: ['=HYPERLINK("http://evil","x")'] }),
      review(5, { timedOut: ['@SUM(1+1)*cmd|x'] }),
    ]));
    const run = runCli(['import', file], { env: { SWELEARN_HOME: home } });
    expectNoCrashText(run);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('line 2 skipped: "cram" must be true or false');
    expect(run.stderr).toContain('line 3 skipped: "ms" must be a number of milliseconds from 0 to 86400000');
    expect(run.stderr).toContain('line 4 skipped: "given" must be a string');
    expect(run.stderr).toContain('line 5 skipped: "timedOut" must be true or false');
    expect(logLines(home)).toEqual([JSON.stringify(review(1))]);
    const csv = runCli(['export', '--format', 'csv'], { env: { SWELEARN_HOME: home } });
    expect(csv.stdout).not.toMatch(/(^|,)"?[=@+-]/m);
    expect(runCli(['stats'], { env: { SWELEARN_HOME: home } }).stdout).not.toMatch(/e\+?\d+ h/);
  });

  it("takes an imported undo only for an answer of the same file, never one only in the local log", () => {
    const home = freshHome();
    expect(runCli(['import', scratchFile('local.jsonl', jsonl([review(1)]))], { env: { SWELEARN_HOME: home } }).code).toBe(0);
    const undoLocal = { v: 2, type: 'undo', id: 'other-1', at: '2026-06-01T11:00:00.000Z', session: 'other', undoes: 'imp-1' };
    const undoOwn = { ...undoLocal, id: 'other-2', undoes: 'imp-7' };
    const run = runCli(['import', scratchFile('other.jsonl', jsonl([undoLocal, review(7), undoOwn]))], { env: { SWELEARN_HOME: home } });
    expect(run.stderr).toContain('line 1 skipped: undo of "imp-1", which is not an entry of this file');
    expect(run.stdout).toMatch(/^Imported 1 answer and 1 undo from /);
    expect(logLines(home).map((line) => JSON.parse(line).id)).toEqual(['imp-1', 'imp-7', 'other-2']);
  });
});

describe('swelearn import of one file by several processes at once', () => {
  it('appends the file once', async () => {
    const home = freshHome();
    const entries = Array.from({ length: 3000 }, (_, n) => review(n));
    const file = scratchFile('big.jsonl', jsonl(entries));
    const env = { ...process.env, CI: 'true', SWELEARN_HOME: home };
    const codes = await Promise.all(Array.from({ length: 4 }, () => new Promise<number | null>((done) => {
      spawn(process.execPath, [BIN, 'import', file], { env, stdio: 'ignore' }).on('exit', (code) => done(code));
    })));
    expect(codes).toEqual([0, 0, 0, 0]);
    expect(logLines(home)).toHaveLength(3000);
  }, 60_000);
});

describe('swelearn import refuses what is not a regular file, and odd data folders', () => {
  const fifo = () => {
    const path = join(mkdtempSync(join(tmpdir(), 'swelearn-fifo-')), 'pipe');
    spawnSync('mkfifo', [path]);
    return path;
  };
  it.each<[string, () => string, string]>([
    ['a FIFO', fifo, 'not a regular file (a FIFO (named pipe))'],
    ['/dev/zero', () => '/dev/zero', 'not a regular file (a character device)'],
    ['a folder', () => mkdtempSync(join(tmpdir(), 'swelearn-dir-')), 'not a regular file (a folder)'],
  ])('refuses %s at once with a clear error', (_name, make, message) => {
    const run = runCli(['import', make()]);
    expectNoCrashText(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
  });

  it('fails with a clear error, instead of hanging, where the progress folder cannot be made (SWELEARN_HOME=/proc/self)', () => {
    const run = runCli(['import', scratchFile('log.jsonl', jsonl([review(1)]))], { env: { SWELEARN_HOME: '/proc/self' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('cannot create /proc/self/progress: /proc/self does not take new folders');
    expect(runCli(['stats'], { env: { SWELEARN_HOME: '/proc/self' } }).code).toBe(0);
  });

  it.each<[string, Record<string, string>, string[], string]>([
    ['a relative SWELEARN_HOME', { SWELEARN_HOME: 'trial' }, ['paths'], 'SWELEARN_HOME must be an absolute path'],
    ['a SWELEARN_HOME with a leading space', { SWELEARN_HOME: ` ${tmpdir()}` }, ['paths'], 'SWELEARN_HOME must not start or end with spaces'],
    ['the largest SWELEARN_NOW', { SWELEARN_NOW: '+275760-09-13T00:00:00.000Z' }, ['quiz'], 'SWELEARN_NOW must be a time from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z'],
  ])('exits 2 on %s', (_name, env, args, message) => {
    const cwd = mkdtempSync(join(tmpdir(), 'swelearn-cwd-'));
    mkdirSync(join(cwd, 'trial'));
    const run = runCli(args, { env, cwd });
    expectNoCrashText(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
