import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { followRenameChains, parseItemRenames } from '../../src/core/quiz/progress/item-renames.js';
import { expectNoCrashText, FIXTURES, freshHome, ROOT, runCli } from './run-cli.js';

// A log written by the build before schema 2 (commit 56e7022) through real quiz sessions: wrong and right
// cloze answers, an undo, self-graded flashcards, choices, an item that timed out, a crammed predict session,
// and a session whose clock ran out. Its stats were recorded with that build, at the time below.
const LOG = join(FIXTURES, 'progress', 'reviews-v1.jsonl');
const RECORDED = JSON.parse(readFileSync(join(FIXTURES, 'progress', 'reviews-v1.stats.json'), 'utf8')) as Record<string, unknown>;
const ENV = { SWELEARN_NOW: '2026-06-05T12:00:00Z', TZ: 'UTC' };

// What depends only on the log and the items it names; the size of the bundled deck does not belong here.
function counts(stats: Record<string, unknown>) {
  const { items, answers, dueToday, dueByDay, streakDays, studiedToday, days, byTopic, weakest } = stats as {
    items: { studied: number }; answers: unknown; dueToday: number; dueByDay: unknown; streakDays: number; studiedToday: boolean; days: unknown;
    byTopic: { key: string; answers: number; correct: number }[]; weakest: { itemId: string; misses: number; answers: number }[];
  };
  return {
    studied: items.studied, answers, dueToday, dueByDay, streakDays, studiedToday, days,
    byTopic: byTopic.map(({ key, answers, correct }) => ({ key, answers, correct })),
    weakest: weakest.map(({ itemId, misses, answers }) => ({ itemId: RENAMES.get(itemId) ?? itemId, misses, answers })).sort((a, b) => a.itemId.localeCompare(b.itemId)),
  };
}

// The items were rewritten since (issue 12): the shipped tables carry each old id to its replacement, and
// several template predict steps of one scenario became one moment, so their histories merge.
const RENAMES = followRenameChains(new Map(['key-points.tsv', 'predict.tsv'].flatMap((file) => [...parseItemRenames(readFileSync(join(ROOT, 'content', 'renames', file), 'utf8')).renames])));
const OLD_PREDICT = new Set([...readFileSync(LOG, 'utf8').matchAll(/"item":"(sim\/[^"]+)"/g)].map((match) => match[1]!));
const MERGED = OLD_PREDICT.size - new Set([...OLD_PREDICT].map((id) => RENAMES.get(id))).size;

describe('a review log written before schema 2', () => {
  it('loads without a warning and gives the stats it gave when it was written', () => {
    const home = freshHome();
    mkdirSync(join(home, 'progress'));
    copyFileSync(LOG, join(home, 'progress', 'reviews.jsonl'));
    const run = runCli(['stats', '--json'], { env: { SWELEARN_HOME: home, ...ENV } });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expectNoCrashText(run);
    expect(counts(JSON.parse(run.stdout))).toEqual({ ...counts(RECORDED), studied: counts(RECORDED).studied - MERGED });
  });
});
