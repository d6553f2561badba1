import { describe, expect, it } from 'vitest';
import { deriveProgress, newItemsToday } from '../../../../src/core/quiz/progress/derive-progress.js';
import type { LogEntry, ReviewEntry } from '../../../../src/core/quiz/progress/log-entry.js';
import { dueAt, recallProbability, scheduleReview } from '../../../../src/core/quiz/progress/schedule.js';
import { selectItems } from '../../../../src/core/quiz/session/select-items.js';
import { localTime } from '../quiz-fixtures.js';
import { sessionItems } from '../session-fixtures.js';

const DAY = 86_400_000;
const T0 = localTime(2026, 6, 1, 9);
const [a, b, c, d, e] = sessionItems.map((item) => item.id) as [string, string, string, string, string];
let counter = 0;

function review(item: string, atMs: number, grade: 1 | 2 | 3 | 4, extra: Partial<ReviewEntry> = {}): ReviewEntry {
  counter += 1;
  return { v: 1, type: 'review', id: `s-${counter}`, at: new Date(atMs).toISOString(), session: 's', item, card: 'ttl', mode: 'flashcard', grade, correct: grade > 1, ms: 3000, text: '', ...extra };
}

const select = (log: LogEntry[], nowMs: number, options: Partial<Parameters<typeof selectItems>[2]> = {}) =>
  selectItems(sessionItems, deriveProgress(log, sessionItems), { nowMs, count: 20, dueOnly: false, cram: false, newPerDay: 20, trackOf: () => 'recall' as const, ...options });

describe('scheduling from the log', () => {
  it('replays the log through FSRS: the same answers always give the same due date', () => {
    const log = [review(a, T0, 3), review(a, T0 + 600_000, 3)];
    const manual = scheduleReview(scheduleReview(undefined, 3, T0), 3, T0 + 600_000);
    expect(dueAt(deriveProgress(log, sessionItems).items.get(a)!.tracks.recall!.schedule)).toBe(dueAt(manual));
    expect(dueAt(manual)).toBeGreaterThan(T0 + DAY);
  });

  it('puts due items first, the least likely to be recalled first, then new ones', () => {
    const log = [review(a, T0 - 30 * DAY, 3), review(a, T0 - 29 * DAY, 3), review(b, T0 - 3 * DAY, 1), review(c, T0 - 2 * DAY, 4)];
    const now = T0 + 20 * DAY;
    const progress = deriveProgress(log, sessionItems);
    const chosen = select(log, now).items.map((item) => item.id);
    expect([...chosen.slice(0, 3)].sort()).toEqual([a, b, c].sort());
    const recalls = chosen.slice(0, 3).map((id) => recallProbability(progress.items.get(id)!.tracks.recall!.schedule, now));
    expect(new Set(recalls).size).toBe(3);
    expect(recalls).toEqual([...recalls].sort((x, y) => x - y));
    expect(chosen.slice(-2)).toEqual([d, e]);
  });

  it('keeps back items that are not due yet', () => {
    const log = [review(a, T0, 4)];
    const selection = select(log, T0 + 60_000);
    expect(selection.items.map((item) => item.id)).not.toContain(a);
    expect(selection.nextDueAt).toBeGreaterThan(T0 + DAY);
  });

  it('limits new items per day, counting those first answered today', () => {
    const log = [review(a, T0, 3), review(b, T0 + 1000, 3)];
    expect(newItemsToday(deriveProgress(log, sessionItems), T0 + 2000)).toBe(2);
    const selection = select(log, T0 + 2000, { newPerDay: 3 });
    expect(selection).toMatchObject({ newCount: 1, newRemaining: 1, newWaiting: 2 });
    expect(select(log, T0 + DAY, { newPerDay: 3 }).newRemaining).toBe(3);
  });

  it('offers only due items with --due', () => {
    const log = [review(a, T0 - 10 * DAY, 1)];
    expect(select(log, T0, { dueOnly: true }).items.map((item) => item.id)).toEqual([a]);
  });

  it('ignores undone answers', () => {
    const graded = review(a, T0, 1);
    const progress = deriveProgress([graded, { v: 1, type: 'undo', id: 'u1', at: new Date(T0 + 1000).toISOString(), session: 's', undoes: graded.id }], sessionItems);
    expect(progress.items.has(a)).toBe(false);
    expect(progress.reviews).toEqual([]);
  });

  it('never lets crammed answers move the schedule, but counts them', () => {
    const log = [review(a, T0, 3), review(a, T0 + 1000, 1, { cram: true })];
    const progress = deriveProgress(log, sessionItems);
    expect(progress.items.get(a)).toMatchObject({ answers: 2, misses: 1 });
    expect(dueAt(progress.items.get(a)!.tracks.recall!.schedule)).toBe(dueAt(scheduleReview(undefined, 3, T0)));
  });

  it('crams anything, weakest first, beyond the daily limit', () => {
    const log = [review(a, T0 - DAY, 4), review(b, T0 - DAY, 1)];
    const ids = select(log, T0, { cram: true, newPerDay: 0 }).items.map((item) => item.id);
    expect(ids).toHaveLength(sessionItems.length);
    expect(ids.indexOf(b)).toBeLessThan(ids.indexOf(a));
  });

  it('orders answers by time, so logs merged from two machines replay the same', () => {
    const first = review(a, T0, 1);
    const second = review(a, T0 + DAY, 3);
    const one = deriveProgress([first, second], sessionItems).items.get(a)!.tracks.recall!.schedule;
    const other = deriveProgress([second, first], sessionItems).items.get(a)!.tracks.recall!.schedule;
    expect(dueAt(one)).toBe(dueAt(other));
  });

  it('drops an answer imported twice', () => {
    const entry = review(a, T0, 3);
    expect(deriveProgress([entry, { ...entry }], sessionItems).items.get(a)?.answers).toBe(1);
  });
});
