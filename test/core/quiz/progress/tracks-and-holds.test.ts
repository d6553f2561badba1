import { describe, expect, it } from 'vitest';
import { deriveProgress, newItemsToday } from '../../../../src/core/quiz/progress/derive-progress.js';
import type { ItemActionEntry, LogEntry, ReviewEntry } from '../../../../src/core/quiz/progress/log-entry.js';
import { foldLog, isLeechCount } from '../../../../src/core/quiz/progress/replay-fold.js';
import { dueAt, scheduleReview } from '../../../../src/core/quiz/progress/schedule.js';
import { computeStats } from '../../../../src/core/quiz/progress/stats.js';
import { isHeld, trackOf } from '../../../../src/core/quiz/progress/tracks.js';
import { viewFold } from '../../../../src/core/quiz/progress/derive-progress.js';
import type { QuizMode } from '../../../../src/core/quiz/types.js';
import { localTime } from '../quiz-fixtures.js';
import { sessionItems } from '../session-fixtures.js';

const DAY = 86_400_000;
const T0 = localTime(2026, 6, 1, 9);
const [a, b] = sessionItems.map((item) => item.id) as [string, string];
let counter = 0;

function review(item: string, atMs: number, grade: 1 | 2 | 3 | 4, mode: QuizMode = 'cloze', extra: Partial<ReviewEntry> = {}): ReviewEntry {
  counter += 1;
  return { v: 2, type: 'review', id: `s-${counter}`, at: new Date(atMs).toISOString(), session: 's', item, card: 'ttl', mode, grade, correct: grade > 1, ms: 3000, text: '', ...extra };
}

function action(type: ItemActionEntry['type'], item: string, atMs: number): ItemActionEntry {
  counter += 1;
  return { v: 3, type, id: `s-${counter}`, at: new Date(atMs).toISOString(), session: 's', item, card: 'ttl', text: '' };
}

/** A learnt item (two Goods a day apart) that then lapses `lapses` times, each Again answered after it was due and followed by a Good. */
function lapsing(item: string, lapses: number, mode: QuizMode = 'cloze'): LogEntry[] {
  const log: LogEntry[] = [review(item, T0, 3, mode), review(item, T0 + DAY, 3, mode), review(item, T0 + 5 * DAY, 3, mode)];
  let at = T0 + 30 * DAY;
  for (let lapse = 0; lapse < lapses; lapse++) {
    log.push(review(item, at, 1, mode), review(item, at + 600_000, 3, mode), review(item, at + DAY, 3, mode), review(item, at + 4 * DAY, 3, mode));
    at += 30 * DAY;
  }
  return log;
}

describe('recognition and recall are scheduled apart', () => {
  it.each<[QuizMode, 'recall' | 'recognition']>([
    ['cloze', 'recall'],
    ['flashcard', 'recall'],
    ['choice', 'recognition'],
    ['predict', 'recognition'],
  ])('an answer given as %s moves the %s schedule', (mode, track) => {
    expect(trackOf(mode)).toBe(track);
    const item = deriveProgress([review(a, T0, 3, mode)], sessionItems).items.get(a)!;
    expect(Object.keys(item.tracks)).toEqual([track]);
    expect(dueAt(item.tracks[track]!.schedule)).toBe(dueAt(scheduleReview(undefined, 3, T0)));
  });

  it('keeps a recognised choice from moving the recall schedule, and counts each track on its own', () => {
    const log = [review(a, T0, 3, 'cloze'), review(a, T0 + DAY, 4, 'choice'), review(a, T0 + 2 * DAY, 1, 'choice'), review(a, T0 + 3 * DAY, 3, 'flashcard')];
    const item = deriveProgress(log, sessionItems).items.get(a)!;
    const recall = scheduleReview(scheduleReview(undefined, 3, T0), 3, T0 + 3 * DAY);
    const recognition = scheduleReview(scheduleReview(undefined, 4, T0 + DAY), 1, T0 + 2 * DAY);
    expect(dueAt(item.tracks.recall!.schedule)).toBe(dueAt(recall));
    expect(dueAt(item.tracks.recognition!.schedule)).toBe(dueAt(recognition));
    expect(item.tracks.recall).toMatchObject({ answers: 2, correct: 2, firstScheduledAt: T0 });
    expect(item.tracks.recognition).toMatchObject({ answers: 2, correct: 1, firstScheduledAt: T0 + DAY });
    expect(item).toMatchObject({ answers: 4, correct: 3, misses: 1 });
  });

  it('counts a track first met today against the daily limit of new items, like a sibling card in Anki', () => {
    const log = [review(a, T0 - 3 * DAY, 3, 'cloze'), review(a, T0 + 1000, 3, 'choice'), review(b, T0 + 2000, 3, 'cloze')];
    expect(newItemsToday(deriveProgress(log, sessionItems), T0 + 3000)).toBe(2);
  });

  it('shows recall and recognition retention side by side in the statistics', () => {
    const log = [review(a, T0, 3, 'cloze'), review(a, T0 + DAY, 1, 'cloze'), review(b, T0, 3, 'choice'), review(b, T0 + DAY, 3, 'choice'), review(a, T0 + DAY, 3, 'choice', { cram: true })];
    const stats = computeStats(sessionItems, deriveProgress(log, sessionItems), T0 + 2 * DAY);
    expect(stats.retention.recall).toMatchObject({ items: 1, answers: 2, correct: 1, rate: 0.5 });
    expect(stats.retention.recognition).toMatchObject({ items: 1, answers: 2, correct: 2, rate: 1 });
    expect(stats.retention.recall.predicted).toBeGreaterThan(0);
    expect(stats.retention.recall.predicted).toBeLessThan(1);
    // The crammed choice is counted as an answer, never in a track.
    expect(stats.answers.total).toBe(5);
  });
});

describe('suspend, unsuspend and bury', () => {
  const cases: { name: string; log: LogEntry[]; nowMs: number; held: boolean; reason?: 'suspended' | 'buried' }[] = [
    { name: 'a suspended item is held, days later too', log: [review(a, T0, 3), action('suspend', a, T0 + 1000)], nowMs: T0 + 40 * DAY, held: true, reason: 'suspended' },
    { name: 'an unsuspended item is asked again', log: [review(a, T0, 3), action('suspend', a, T0 + 1000), action('unsuspend', a, T0 + 2000)], nowMs: T0 + 3000, held: false },
    { name: 'a buried item is held for the rest of the day', log: [action('bury', a, T0)], nowMs: localTime(2026, 6, 1, 23, 59), held: true, reason: 'buried' },
    { name: 'a buried item is back the next day', log: [action('bury', a, T0)], nowMs: localTime(2026, 6, 2, 0, 1), held: false },
    { name: 'unsuspend lifts a burial', log: [action('bury', a, T0), action('unsuspend', a, T0 + 1000)], nowMs: T0 + 2000, held: false },
    { name: 'a suspension outlasts a burial the same day', log: [action('bury', a, T0), action('suspend', a, T0 + 1000)], nowMs: T0 + 2 * DAY, held: true, reason: 'suspended' },
  ];
  it.each(cases)('$name', ({ log, nowMs, held, reason }) => {
    const progress = deriveProgress(log, sessionItems);
    expect(isHeld(progress.items.get(a)?.hold, nowMs)).toBe(held);
    const stats = computeStats(sessionItems, progress, nowMs);
    expect(stats.held.map((item) => [item.itemId, item.reason])).toEqual(reason ? [[a, reason]] : []);
    // Holding an item is not studying it.
    expect(stats.items.studied).toBe(log.some((entry) => entry.type === 'review') ? 1 : 0);
  });

  it('undoes a suspension like an answer', () => {
    const suspend = action('suspend', a, T0);
    const progress = deriveProgress([suspend, { v: 2, type: 'undo', id: 'u-1', at: new Date(T0 + 1000).toISOString(), session: 's', undoes: suspend.id }], sessionItems);
    expect(progress.items.get(a)).toBeUndefined();
    expect(progress.actions).toEqual([]);
  });

  it('follows an edited point: a suspension of the old text holds the new item', () => {
    const oldText = `${sessionItems[0]!.text} Really`;
    const progress = deriveProgress([{ ...action('suspend', 'ttl/kp-00000000', T0), text: oldText }], sessionItems);
    expect(progress.aliases.get('ttl/kp-00000000')).toBe(a);
    expect(progress.items.get(a)?.hold?.suspended?.by).toBe('learner');
  });

  it('leaves a held item out of the due counts, and counts a buried one tomorrow', () => {
    const log = [review(a, T0 - 10 * DAY, 3), review(b, T0 - 10 * DAY, 3), action('bury', a, T0), action('suspend', b, T0)];
    const stats = computeStats(sessionItems, deriveProgress(log, sessionItems), T0 + 1000);
    expect(stats.dueToday).toBe(0);
    expect(stats.dueByDay[1]!.count).toBe(1);
  });
});

describe('leeches', () => {
  it.each([
    [7, false],
    [8, true],
    [9, false],
    [12, true],
    [16, true],
  ])('%i lapses flag and suspend a leech: %s', (lapses, flagged) => {
    expect(isLeechCount(lapses)).toBe(flagged);
  });

  it('suspends an item at its eighth lapse and lists it with its card and line', () => {
    const log = lapsing(a, 8);
    const eighth = log.filter((entry) => entry.type === 'review' && entry.grade === 1).at(-1)!;
    const progress = deriveProgress(log, sessionItems);
    const item = progress.items.get(a)!;
    expect(item).toMatchObject({ lapses: 8, leech: true });
    expect(item.hold?.suspended).toEqual({ atMs: Date.parse(eighth.at), by: 'leech' });
    const stats = computeStats(sessionItems, progress, T0 + 400 * DAY);
    expect(stats.leeches).toEqual([{ itemId: a, cardId: 'ttl', text: sessionItems[0]!.text, sectionName: sessionItems[0]!.source.sectionName, line: sessionItems[0]!.source.line, lapses: 8, suspended: true }]);
    expect(stats.held.map((held) => held.reason)).toEqual(['leech']);
  });

  it('does not suspend at seven lapses', () => {
    const item = deriveProgress(lapsing(a, 7), sessionItems).items.get(a)!;
    expect(item).toMatchObject({ lapses: 7, leech: false });
    expect(item.hold).toBeUndefined();
  });

  it('counts lapses over both tracks', () => {
    const log = [...lapsing(a, 4, 'cloze'), ...lapsing(a, 4, 'choice')];
    expect(deriveProgress(log, sessionItems).items.get(a)).toMatchObject({ lapses: 8, leech: true });
  });

  it('keeps the flag after an unsuspend, and suspends again four lapses later', () => {
    const log = lapsing(a, 8);
    const unsuspend = action('unsuspend', a, T0 + 300 * DAY);
    const more = lapsing(a, 12).slice(log.length).map((entry) => ({ ...entry, at: new Date(Date.parse(entry.at) + 100 * DAY).toISOString() }));
    const after = deriveProgress([...log, unsuspend], sessionItems).items.get(a)!;
    expect(after).toMatchObject({ leech: true });
    expect(after.hold).toBeUndefined();
    const again = deriveProgress([...log, unsuspend, ...more], sessionItems).items.get(a)!;
    expect(again).toMatchObject({ lapses: 12 });
    expect(again.hold?.suspended?.by).toBe('leech');
  });

  it('never counts crammed misses as lapses', () => {
    const log = [...lapsing(a, 3), ...Array.from({ length: 10 }, (_, n) => review(a, T0 + (200 + n) * DAY, 1, 'cloze', { cram: true }))];
    expect(deriveProgress(log, sessionItems).items.get(a)).toMatchObject({ lapses: 3, leech: false });
  });
});

describe('the snapshot view', () => {
  it('gives the same holds and tracks as a replay of the whole log', () => {
    const log = [...lapsing(a, 8), review(b, T0, 3, 'choice'), action('bury', b, T0 + DAY)];
    const whole = deriveProgress(log, sessionItems);
    const view = viewFold(foldLog(log), sessionItems)!;
    expect(view.items).toEqual(whole.items);
  });
});
