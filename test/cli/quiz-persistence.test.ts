import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReviewEntry } from '../../src/core/quiz/progress/log-entry.js';
import { readReviewLog } from '../../src/io/progress/read-review-log.js';
import { folderUnderAFile, readOnlyMount } from '../io/progress/read-only.js';
import { count, startCli } from './quiz-process.js';
import { expectNoCrashText, freshHome, runCli } from './run-cli.js';

const logOf = (home: string) => join(home, 'progress', 'reviews.jsonl');
const reviews = (home: string) => readReviewLog(logOf(home)).entries.filter((entry): entry is ReviewEntry => entry.type === 'review');

// A small seeded generator, so a failing run can be repeated.
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('progress that is never lost', () => {
  it('keeps every acknowledged answer when the quiz is killed with SIGKILL at random moments', async () => {
    const home = freshHome();
    const next = random(20_260_601);
    const acknowledged: string[] = [];
    for (let run = 0; run < 24; run++) {
      const quiz = startCli(['quiz', '--mode', 'cloze', '--cram', '--count', '100', '--per-item', '60s'], { SWELEARN_HOME: home, SWELEARN_SEED: String(run) });
      await quiz.waitFor((out) => out.includes('answer ('));
      const answers = 1 + Math.floor(next() * 5);
      for (let k = 0; k < answers; k++) {
        quiz.send(`kill-${run}-${k}`);
        if (k < answers - 1) await quiz.waitFor((out) => count(out, /· saved/) === k + 1);
      }
      // The last answer is in flight: kill before, during or after its write.
      await new Promise((resolve) => setTimeout(resolve, Math.floor(next() * 12)));
      quiz.child.kill('SIGKILL');
      const { signal } = await quiz.exited;
      expect(signal).toBe('SIGKILL');
      for (const match of quiz.stdout().matchAll(/you wrote "(kill-\d+-\d+)".* · saved$/gm)) acknowledged.push(match[1]!);
    }
    const logged = new Set(reviews(home).map((entry) => entry.given));
    expect(acknowledged.length).toBeGreaterThanOrEqual(24);
    expect(acknowledged.filter((given) => !logged.has(given))).toEqual([]);
    // Nothing the log holds was invented: every logged answer was really sent.
    for (const given of logged) expect(given).toMatch(/^kill-\d+-\d+$/);
  }, 120_000);

  it('loses nothing when two quizzes answer at the same time', async () => {
    const home = freshHome();
    const answers = Array.from({ length: 40 }, (_, k) => `parallel-${k}`);
    const runs = [0, 1].map((n) => {
      const quiz = startCli(['quiz', '--mode', 'cloze', '--cram', '--count', '40', '--json'], { SWELEARN_HOME: home, SWELEARN_SEED: String(n) });
      for (const answer of answers) quiz.send(`${answer}-${n}`);
      quiz.child.stdin.end();
      return quiz;
    });
    const results = await Promise.all(runs.map((quiz) => quiz.exited));
    expect(results.map((result) => result.code)).toEqual([0, 0]);
    const acknowledged = runs.flatMap((quiz) => quiz.stdout().trim().split('\n').map((line) => JSON.parse(line)).filter((event) => event.event === 'answer'));
    expect(acknowledged.length).toBeGreaterThanOrEqual(80);
    expect(acknowledged.every((event) => event.saved)).toBe(true);
    const log = readReviewLog(logOf(home));
    expect(log.problems).toEqual([]);
    const ids = new Set(log.entries.map((entry) => entry.id));
    expect(acknowledged.filter((event) => !ids.has(event.entry))).toEqual([]);
    expect(new Set(log.entries.map((entry) => entry.session)).size).toBe(2);
  }, 60_000);

  it('reports a torn last line, keeps it, and appends after it on a new line', () => {
    const home = freshHome();
    expect(runCli(['quiz', '--mode', 'flashcard', '--count', '1', '--card', 'ttl-and-caching'], { env: { SWELEARN_HOME: home }, input: '3\n' }).code).toBe(0);
    appendFileSync(logOf(home), '{"v":1,"type":"review","id":"torn-');
    const before = readFileSync(logOf(home));
    const run = runCli(['quiz', '--mode', 'flashcard', '--count', '1', '--cram', '--card', 'ttl-and-caching'], { env: { SWELEARN_HOME: home }, input: '4\n' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/progress log .*reviews\.jsonl: line 2 was cut off \(an interrupted write\); it is kept in the file and skipped/);
    expect(run.stdout).toContain('· saved');
    const after = readFileSync(logOf(home));
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(after.subarray(before.length, before.length + 1).toString()).toBe('\n');
    expect(reviews(home).map((entry) => entry.grade)).toEqual([3, 4]);
    expectNoCrashText(run);
  });

  it('reports a damaged file, uses what is readable, and never overwrites it', () => {
    const home = freshHome();
    mkdirSync(join(home, 'progress'), { recursive: true });
    const garbage = 'this is not a review log\n\u0000\u0001\u0002 binary \u00ff\n{"v":1}\n';
    writeFileSync(logOf(home), garbage);
    const run = runCli(['quiz', '--mode', 'flashcard', '--count', '1'], { env: { SWELEARN_HOME: home }, input: '3\n' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/3 lines are damaged \(lines 1, 2, 3; first: not valid JSON\); kept in the file and skipped/);
    expect(readFileSync(logOf(home), 'utf8').startsWith(garbage)).toBe(true);
    expect(reviews(home)).toHaveLength(1);
    const stats = runCli(['stats', '--json'], { env: { SWELEARN_HOME: home } });
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout).answers.total).toBe(1);
    expect(stats.stderr).toContain('damaged');
  });

  it('runs without saving, and says so, when the progress folder cannot be created (works as root)', () => {
    const home = folderUnderAFile();
    const run = runCli(['quiz', '--mode', 'flashcard', '--count', '2'], { env: { SWELEARN_HOME: home }, input: '3\n1\n' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^swelearn: warning: answers will not be saved: cannot create .*progress: a parent is not a directory$/m);
    expect(count(run.stdout, /· NOT saved/)).toBe(2);
    expect(run.stdout).toContain('0 of 2 answers are saved; 2 could not be written.');
    expectNoCrashText(run);
  });

  it('runs without saving on a read-only file system (skipped where mounting is not allowed)', (context) => {
    const mount = readOnlyMount();
    if (!mount) return context.skip('mount is not permitted here; the test above covers an unwritable folder');
    try {
      const run = runCli(['quiz', '--mode', 'flashcard', '--count', '1'], { env: { SWELEARN_HOME: mount.dir }, input: '3\n' });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain('read-only file system');
      expect(run.stdout).toContain('NOT saved');
    } finally {
      mount.release();
    }
  });
});
