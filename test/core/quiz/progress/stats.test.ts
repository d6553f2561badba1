import { describe, expect, it } from 'vitest';
import { lineText } from '../../../../src/core/markdown/styled-line.js';
import { deriveProgress } from '../../../../src/core/quiz/progress/derive-progress.js';
import { buildHeatmap } from '../../../../src/core/quiz/progress/heatmap.js';
import type { LogEntry, ReviewEntry } from '../../../../src/core/quiz/progress/log-entry.js';
import { computeStats } from '../../../../src/core/quiz/progress/stats.js';
import { statsSections } from '../../../../src/core/quiz/progress/stats-lines.js';
import { localTime } from '../quiz-fixtures.js';
import { sessionItems } from '../session-fixtures.js';

const NOW = localTime(2026, 6, 10, 18);
const DAY = 86_400_000;
let counter = 0;
const review = (item: number, atMs: number, grade: 1 | 2 | 3 | 4, cram = false): ReviewEntry => ({
  v: 1, type: 'review', id: `s-${++counter}`, at: new Date(atMs).toISOString(), session: 's', item: sessionItems[item]!.id, card: 'ttl',
  mode: 'cloze', grade, correct: grade > 1, ms: 2000, text: '', ...(cram ? { cram } : {}),
});

describe('computeStats', () => {
  const log = [
    review(0, NOW - 3 * DAY, 3), review(1, NOW - 2 * DAY, 1), review(1, NOW - DAY, 3), review(0, NOW - 1000, 3), review(2, NOW - 500, 1, true),
  ];
  const stats = computeStats(sessionItems, deriveProgress(log, sessionItems), NOW);

  it('counts items, answers and time', () => {
    expect(stats.items).toEqual({ total: sessionItems.length, studied: 3, unseen: sessionItems.length - 3 });
    expect(stats.answers).toEqual({ total: 5, correct: 3, crammed: 1, timeMs: 10_000 });
  });

  it('counts the streak of consecutive study days up to today', () => {
    expect(stats).toMatchObject({ streakDays: 4, studiedToday: true });
    const yesterdayOnly = computeStats(sessionItems, deriveProgress([review(0, NOW - DAY, 3)], sessionItems), NOW);
    expect(yesterdayOnly).toMatchObject({ streakDays: 1, studiedToday: false });
    const gap = computeStats(sessionItems, deriveProgress([review(0, NOW - 3 * DAY, 3)], sessionItems), NOW);
    expect(gap.streakDays).toBe(0);
  });

  it('forecasts due items for the coming week, overdue counted today', () => {
    expect(stats.dueByDay).toHaveLength(7);
    expect(stats.dueByDay.reduce((sum, day) => sum + day.count, 0)).toBeLessThanOrEqual(2);
    const overdue = computeStats(sessionItems, deriveProgress([review(0, NOW - 30 * DAY, 1)], sessionItems), NOW);
    expect(overdue.dueToday).toBe(1);
  });

  it('reports recall per tag and topic', () => {
    expect(stats.byTopic).toEqual([expect.objectContaining({ key: 'dns', answers: 5, correct: 3, recall: 0.6, items: 3 })]);
    expect(stats.byTag.map((group) => group.key)).toEqual(['dns']);
  });

  it('lists the weakest scheduled items, the most missed first', () => {
    expect(stats.weakest[0]).toMatchObject({ itemId: sessionItems[1]!.id, misses: 1, answers: 2 });
    // An item answered only while cramming has no schedule to be weak in.
    expect(stats.weakest.map((item) => item.itemId)).not.toContain(sessionItems[2]!.id);
  });

  it('counts answers per day for the heatmap, ending today', () => {
    expect(stats.days).toHaveLength(84);
    expect(stats.days.at(-1)!.answers).toBe(2);
    expect(stats.days.at(-2)!.answers).toBe(1);
  });

  it('draws the report with bars and the calendar in ASCII when asked', () => {
    const text = statsSections(stats, { width: 80, ascii: true }).flatMap((section) => [section.title, ...section.lines.map(lineText)]).join('\n');
    expect(text).toContain('Due in the coming week');
    expect(text).toMatch(/dns\s+#+\.+\s+60%/);
    expect(text).not.toMatch(/[█░▒▓]/);
  });

  it('says how to start when nothing is answered yet', () => {
    const empty = computeStats(sessionItems, deriveProgress([], sessionItems), NOW);
    const sections = statsSections(empty, { width: 80, ascii: false });
    expect(sections).toHaveLength(1);
    expect(sections[0]!.lines.map(lineText).join('\n')).toContain('swelearn quiz');
  });
});

describe('buildHeatmap', () => {
  it('lays days out by week, Monday first, shading relative to the busiest day', () => {
    // 2026-06-01 is a Monday.
    const days = ['2026-05-31', '2026-06-01', '2026-06-02'].map((day, index) => ({ day, answers: [0, 2, 8][index]! }));
    const map = buildHeatmap(days);
    expect(map.max).toBe(8);
    expect(map.rows[6]!.label).toBe('Sun');
    expect(map.rows[6]!.cells[0]).toMatchObject({ day: '2026-05-31', level: 0 });
    expect(map.rows[0]!.cells[0]).toBeUndefined();
    expect(map.rows[0]!.cells[1]).toMatchObject({ day: '2026-06-01', level: 1 });
    expect(map.rows[1]!.cells[1]).toMatchObject({ day: '2026-06-02', level: 4 });
  });
});

describe('computeStats: timeouts and answers claimed right', () => {
  const timedOut = (item: number, atMs: number): LogEntry => ({
    v: 2, type: 'timed-out', id: `t-${++counter}`, at: new Date(atMs).toISOString(), session: 's', item: sessionItems[item]!.id, card: 'ttl', mode: 'cloze', ms: 30_000, text: '',
  });
  // A rejected answer, then the claim: an undo of it and the same text graded Good.
  const claimed = (item: number, atMs: number, given: string): LogEntry[] => {
    const rejected = { ...review(item, atMs, 1), given };
    return [rejected, { v: 2, type: 'undo', id: `u-${++counter}`, at: rejected.at, session: 's', undoes: rejected.id }, { ...rejected, id: `c-${++counter}`, grade: 3, correct: true, overrides: rejected.id }];
  };
  const undone = (entries: LogEntry[]): LogEntry[] => [...entries, { v: 2, type: 'undo', id: `u-${++counter}`, at: new Date(NOW).toISOString(), session: 's', undoes: entries.at(-1)!.id }];

  it.each<[string, LogEntry[], { answers: number; correct: number; timedOut: number; overrides: number; studied: number }]>([
    ['a timeout alone: no answer, no item studied', [timedOut(0, NOW - DAY)], { answers: 0, correct: 0, timedOut: 1, overrides: 0, studied: 0 }],
    ['a schema 1 timeout, graded Again then', [{ ...review(0, NOW - DAY, 1), timedOut: true }], { answers: 1, correct: 0, timedOut: 1, overrides: 0, studied: 1 }],
    ['a claimed answer: one right answer, one override', claimed(1, NOW - DAY, 'one day'), { answers: 1, correct: 1, timedOut: 0, overrides: 1, studied: 1 }],
    ['a claim that was undone: nothing', undone(claimed(1, NOW - DAY, 'one day')), { answers: 0, correct: 0, timedOut: 0, overrides: 0, studied: 0 }],
    ['a rejected answer never claimed', [{ ...review(1, NOW - DAY, 1), given: 'one day' }], { answers: 1, correct: 0, timedOut: 0, overrides: 0, studied: 1 }],
  ])('%s', (_name, log, expected) => {
    const stats = computeStats(sessionItems, deriveProgress(log, sessionItems), NOW);
    expect({ answers: stats.answers.total, correct: stats.answers.correct, timedOut: stats.timedOut, overrides: stats.overrides.count, studied: stats.items.studied }).toEqual(expected);
  });

  it('lists the items claimed most, with what was typed most often first', () => {
    const log = [...claimed(1, NOW - 3 * DAY, 'a day'), ...claimed(1, NOW - 2 * DAY, 'one day'), ...claimed(1, NOW - DAY, 'one day'), ...claimed(2, NOW - DAY, '30 secs')];
    const stats = computeStats(sessionItems, deriveProgress(log, sessionItems), NOW);
    expect(stats.overrides).toEqual({
      count: 4,
      items: [
        { itemId: sessionItems[1]!.id, cardId: 'ttl', text: sessionItems[1]!.text, count: 3, given: ['one day', 'a day'] },
        { itemId: sessionItems[2]!.id, cardId: 'ttl', text: sessionItems[2]!.text, count: 1, given: ['30 secs'] },
      ],
    });
    const text = statsSections(stats, { width: 100, ascii: false }).map((section) => [section.title, ...section.lines.map(lineText)].join('\n')).join('\n');
    expect(text).toContain('4 counted right by you');
    expect(text).toMatch(/Answers you counted right \("I was right"\)[^\n]*\n\s+3x {2}ttl {2}"one day", "a day" {2}Chrome keeps answers for 60 s\./);
  });
});
