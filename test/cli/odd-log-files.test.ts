import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoCrashText, freshHome, runCli } from './run-cli.js';

const logOf = (home: string) => join(home, 'progress', 'reviews.jsonl');

// Each odd thing in the log's place; runCli's spawn timeout (30 s) is the harness's guard against a hang.
const ODD_LOGS: { name: string; make: (path: string) => void; says: RegExp }[] = [
  { name: 'a FIFO', make: (path) => execFileSync('mkfifo', [path]), says: /is a FIFO \(named pipe\), not a regular file/ },
  { name: '/dev/zero', make: (path) => symlinkSync('/dev/zero', path), says: /is a character device, not a regular file/ },
  { name: 'a folder', make: (path) => mkdirSync(path), says: /is a folder, not a regular file/ },
  { name: 'a 600 MiB sparse file', make: (path) => { writeFileSync(path, ''); truncateSync(path, 600 * 1024 * 1024); }, says: /is 600 MiB, over the 512 MiB a review log may be/ },
];

describe('a review log that is not a regular file under the size bound', () => {
  for (const odd of ODD_LOGS) {
    for (const command of [['stats'], ['quiz', '--mode', 'flashcard', '--count', '1']]) {
      it(`${odd.name} as the log: ${command[0]} stops at once with a clear error naming the path`, () => {
        const home = freshHome();
        mkdirSync(join(home, 'progress'));
        odd.make(logOf(home));
        const run = runCli(command, { env: { SWELEARN_HOME: home }, input: '3\n' });
        expect(run.code, `${run.stderr} (a null code is a hang killed by the harness)`).toBe(1);
        expect(run.stderr).toContain(logOf(home));
        expect(run.stderr).toMatch(odd.says);
        expectNoCrashText(run);
      });
    }
  }

  it('leaves the refused file as it was', () => {
    const home = freshHome();
    mkdirSync(join(home, 'progress'));
    writeFileSync(logOf(home), '');
    truncateSync(logOf(home), 600 * 1024 * 1024);
    runCli(['quiz', '--mode', 'flashcard', '--count', '1'], { env: { SWELEARN_HOME: home }, input: '3\n' });
    expect(statSync(logOf(home)).size).toBe(600 * 1024 * 1024);
  });
});

describe('one wording for a cut-off line, in every command', () => {
  it('calls a torn line cut off before and after the next answer is appended after it', () => {
    const home = freshHome();
    mkdirSync(join(home, 'progress'));
    appendFileSync(logOf(home), '{"v":2,"type":"review","id":"torn-1","at":"2026-06-01T09:');
    const quiz = runCli(['quiz', '--mode', 'flashcard', '--count', '1'], { env: { SWELEARN_HOME: home }, input: '3\n' });
    expect(quiz.code, quiz.stderr).toBe(0);
    expect(quiz.stderr).toMatch(/line 1 was cut off \(an interrupted write\); it is kept in the file and skipped/);
    // The fragment is now a middle line: still a cut-off write, not "damaged".
    expect(readFileSync(logOf(home), 'utf8').split('\n').length).toBe(3);
    for (const command of [['stats'], ['plan'], ['export']]) {
      const run = runCli(command, { env: { SWELEARN_HOME: home } });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/line 1 was cut off \(an interrupted write\); it is kept in the file and skipped/);
      expect(run.stderr).not.toContain('damaged');
    }
  });
});
