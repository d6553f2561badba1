import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the bench, shared so the test and the bench replay the same kind of log
import { generateLog } from '../../bench/generate-log.mjs';
import { FIXTURES, freshHome, runCli } from './run-cli.js';

const NOW = '2026-11-09T10:00:00Z';
const LOGS: { name: string; text: () => string }[] = [
  { name: 'the log recorded with 0.2.0', text: () => readFileSync(join(FIXTURES, 'progress', 'recorded-0.2.0.jsonl'), 'utf8') },
  { name: 'the schema 1 log', text: () => readFileSync(join(FIXTURES, 'progress', 'reviews-v1.jsonl'), 'utf8') },
  { name: 'a generated log of 20,000 answers', text: () => generateLog(20_000, { startMs: Date.parse('2026-01-01T08:00:00Z') }) as string },
];
const COMMANDS = [['stats', '--json'], ['stats'], ['plan'], ['quiz', '--count', '5']];

// What moves with the wall clock may differ: the quiz's closing line says how long the (empty) session took, and
// `stats --json` stamps the study clock's reading (SWELEARN_NOW moved on by the time the command has run, so a
// millisecond more in one of the two runs showed as .001).
const wallClockFree = (text: string) =>
  text.replace(/Session ended: nothing answered · \d+ ms/, 'Session ended: nothing answered · N ms').replace(/"generatedAt": "[^"]*"/, '"generatedAt": "T"');

const snapshots = (home: string) => readdirSync(join(home, 'cache')).filter((name) => name.startsWith('review-snapshot-'));

describe('stats, plan and quiz with and without the replay snapshot', () => {
  for (const log of LOGS) {
    it(`print the same for ${log.name}`, () => {
      const home = freshHome();
      mkdirSync(join(home, 'progress'));
      writeFileSync(join(home, 'progress', 'reviews.jsonl'), log.text());
      const env = { SWELEARN_HOME: home, SWELEARN_NOW: NOW, SWELEARN_SEED: '7' };
      for (const command of COMMANDS) {
        // The first run of each command has no snapshot (it is a cache: deleting it loses nothing).
        rmSync(join(home, 'cache'), { recursive: true, force: true });
        const cold = runCli(command, { env });
        expect(cold.code, cold.stderr).toBe(0);
        expect(snapshots(home)).toHaveLength(1);
        const warm = runCli(command, { env });
        expect(warm.code, warm.stderr).toBe(0);
        expect(wallClockFree(warm.stdout), command.join(' ')).toBe(wallClockFree(cold.stdout));
        expect(warm.stderr).toBe(cold.stderr);
      }
    });
  }
});
