import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseItemRenames } from '../../src/core/quiz/progress/item-renames.js';
import { FIXTURES, ROOT, runCli } from './run-cli.js';

const NOW = '2026-11-09T10:00:00Z';
const LOG = readFileSync(join(FIXTURES, 'progress', 'recorded-0.2.0.jsonl'), 'utf8');

function statsOf(log: string) {
  const home = mkdtempSync(join(tmpdir(), 'swelearn-recorded-'));
  mkdirSync(join(home, 'progress'));
  writeFileSync(join(home, 'progress', 'reviews.jsonl'), log);
  const run = runCli(['stats', '--json'], { env: { SWELEARN_HOME: home, SWELEARN_NOW: NOW } });
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

function fixture(name: string) {
  return JSON.parse(readFileSync(join(FIXTURES, 'progress', name), 'utf8'));
}

const weakest = (stats: { weakest: { recall: number; misses: number; answers: number }[] }) => stats.weakest.map((item) => `${item.recall}/${item.misses}/${item.answers}`).sort();

// Rewriting the bundled key points and replacing the predict templates changed most item ids; a log
// written by 0.2.0 must still count every answer, for the item that replaced the one answered.
describe('a review log recorded with swelearn 0.2.0', () => {
  it('gives the same counts for key points and practice questions, rewritten or not', () => {
    const before = fixture('recorded-0.2.0.cards-only.stats.json');
    const after = statsOf(LOG.split('\n').filter((line) => !line.includes('"item":"sim/')).join('\n'));
    for (const key of ['answers', 'dueToday', 'dueByDay', 'streakDays', 'byTag', 'byTopic', 'days']) expect(after[key], key).toEqual(before[key]);
    expect(after.items.studied).toBe(before.items.studied);
    expect(weakest(after)).toEqual(weakest(before));
  });

  it('counts every answer of the whole log, predict steps merged into the moments that replaced them', () => {
    const before = fixture('recorded-0.2.0.stats.json');
    const after = statsOf(LOG);
    expect(after.answers).toEqual(before.answers);
    const answersByTopic = (stats: { byTopic: { key: string; answers: number; correct: number }[] }) => stats.byTopic.map(({ key, answers, correct }) => ({ key, answers, correct }));
    expect(answersByTopic(after)).toEqual(answersByTopic(before));
    const { renames } = parseItemRenames(readFileSync(join(ROOT, 'content', 'renames', 'predict.tsv'), 'utf8'));
    const oldPredict = new Set([...LOG.matchAll(/"item":"(sim\/[^"]+)"/g)].map((match) => match[1]!));
    const newPredict = new Set([...oldPredict].map((id) => renames.get(id)));
    expect(newPredict.has(undefined)).toBe(false);
    // Several template steps of one scenario became one moment: those items' histories are merged, none is lost.
    expect(after.items.studied).toBe(before.items.studied - oldPredict.size + newPredict.size);
  });
});
