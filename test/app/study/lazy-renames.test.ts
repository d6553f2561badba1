import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCardLibrary } from '../../../src/app/cards/card-library.js';
import { resolveEnvironment } from '../../../src/app/environment.js';
import { replayProgress } from '../../../src/app/study/progress-replay.js';
import { serializeEntry, type LogEntry } from '../../../src/core/quiz/progress/log-entry.js';
import type { ItemText } from '../../../src/core/quiz/progress/match-edits.js';

const T0 = Date.parse('2026-03-01T08:00:00Z');
const ITEMS: ItemText[] = [0, 1, 2].map((n) => ({ id: `card-a/kp-${n}`, cardId: 'card-a', text: `point number ${n} of card a` }));

const review = (n: number, item: string): LogEntry => ({ v: 2, type: 'review', id: `r-${n}`, at: new Date(T0 + n * 60_000).toISOString(), session: 's-1', item, card: 'card-a', mode: 'cloze', ms: 2000, text: `point number ${n % 3} of card a`, grade: 3, correct: true, given: 'x' });
const lines = (entries: readonly LogEntry[]) => entries.map((entry) => `${serializeEntry(entry)}\n`).join('');

// A bundled folder holding only a renames table, whose last line is unusable: reading the table warns about it.
function studyWith(entries: readonly LogEntry[]) {
  const home = mkdtempSync(join(tmpdir(), 'swelearn-renames-'));
  const bundled = join(home, 'bundled');
  mkdirSync(join(bundled, 'renames'), { recursive: true });
  writeFileSync(join(bundled, 'renames', 'key-points.tsv'), 'old\tnew\ncard-a/kp-old\tcard-a/kp-1\nnot a rename\n');
  mkdirSync(join(home, 'progress'));
  const logPath = join(home, 'progress', 'reviews.jsonl');
  writeFileSync(logPath, lines(entries));
  const environment = { ...resolveEnvironment({ env: { SWELEARN_HOME: home }, cwd: process.cwd() }), bundledCardsDir: () => bundled };
  const warnings: string[] = [];
  const study = { environment, cards: openCardLibrary(environment), warn: (message: string) => warnings.push(message) };
  return { logPath, warnings, open: () => replayProgress(study, ITEMS) };
}

const tableRead = (warnings: readonly string[]) => warnings.some((warning) => warning.includes('key-points.tsv:3'));

describe('the renames tables, read only for an id no current item has', () => {
  it('replays a log of current items, whole and from its snapshot, without reading the tables', () => {
    const log = studyWith([review(1, 'card-a/kp-0'), review(2, 'card-a/kp-1')]);
    expect(log.open().view.items.get('card-a/kp-1')?.answers).toBe(1);
    expect(log.open().view.items.get('card-a/kp-0')?.answers).toBe(1);
    appendFileSync(log.logPath, lines([review(3, 'card-a/kp-2')]));
    expect(log.open().view.items.get('card-a/kp-2')?.answers).toBe(1);
    expect(tableRead(log.warnings)).toBe(false);
  });

  it('reads them, and counts the answer for the item that replaced it, once an entry names an old id', () => {
    const whole = studyWith([review(1, 'card-a/kp-old')]);
    expect(whole.open().view.items.get('card-a/kp-1')?.answers).toBe(1);
    expect(tableRead(whole.warnings)).toBe(true);
    const appended = studyWith([review(1, 'card-a/kp-0')]);
    appended.open();
    expect(tableRead(appended.warnings)).toBe(false);
    appendFileSync(appended.logPath, lines([review(2, 'card-a/kp-old')]));
    expect(appended.open().view.items.get('card-a/kp-1')?.answers).toBe(1);
    expect(tableRead(appended.warnings)).toBe(true);
  });
});
