import { describe, expect, it } from 'vitest';
import { buildDistractorPool } from '../../../../src/core/quiz/items/choice.js';
import { presentItem } from '../../../../src/core/quiz/items/present.js';
import { deriveProgress } from '../../../../src/core/quiz/progress/derive-progress.js';
import type { LogEntry, ReviewEntry } from '../../../../src/core/quiz/progress/log-entry.js';
import type { ScheduleTrack } from '../../../../src/core/quiz/progress/tracks.js';
import { selectItems } from '../../../../src/core/quiz/session/select-items.js';
import { trackToAsk } from '../../../../src/core/quiz/session/track-to-ask.js';
import type { QuizMode } from '../../../../src/core/quiz/types.js';
import { localTime } from '../quiz-fixtures.js';
import { sessionItems } from '../session-fixtures.js';

const DAY = 86_400_000;
const T0 = localTime(2026, 6, 1, 9);
const [a, b, c] = sessionItems.map((item) => item.id) as [string, string, string];
let counter = 0;

function review(item: string, atMs: number, grade: 1 | 2 | 3 | 4, mode: QuizMode): ReviewEntry {
  counter += 1;
  return { v: 2, type: 'review', id: `s-${counter}`, at: new Date(atMs).toISOString(), session: 's', item, card: 'ttl', mode, grade, correct: grade > 1, ms: 3000, text: '' };
}

const learntAs = (item: string, mode: QuizMode): LogEntry[] => [review(item, T0 - 40 * DAY, 3, mode), review(item, T0 - 39 * DAY, 3, mode), review(item, T0 - 35 * DAY, 3, mode)];
const select = (log: LogEntry[], track: ScheduleTrack, nowMs = T0) =>
  selectItems(sessionItems.slice(0, 3), deriveProgress(log, sessionItems), { nowMs, count: 10, dueOnly: false, cram: false, newPerDay: 10, trackOf: () => track });

describe('selection judges each item on the track it is asked in', () => {
  it('an item recognised long ago is due for recognition and new for recall', () => {
    const log = [review(a, T0 - 40 * DAY, 3, 'choice')];
    expect(select(log, 'recognition')).toMatchObject({ dueCount: 1, newCount: 2 });
    expect(select(log, 'recall')).toMatchObject({ dueCount: 0, newCount: 3 });
  });

  it('never picks a held item, not even to cram, and says how many were held', () => {
    const log: LogEntry[] = [
      review(a, T0 - 40 * DAY, 3, 'cloze'),
      { v: 3, type: 'suspend', id: 'h-1', at: new Date(T0 - DAY).toISOString(), session: 's', item: a, card: 'ttl', text: '' },
      { v: 3, type: 'bury', id: 'h-2', at: new Date(T0 - 1000).toISOString(), session: 's', item: b, card: 'ttl', text: '' },
    ];
    const chosen = selectItems(sessionItems.slice(0, 3), deriveProgress(log, sessionItems), { nowMs: T0, count: 10, dueOnly: false, cram: true, newPerDay: 10, trackOf: () => 'recall' });
    expect(chosen.items.map((item) => item.id)).toEqual([c]);
    expect(chosen.held).toEqual({ suspended: 1, buried: 1 });
  });
});

describe('the track a mixed session asks an item in', () => {
  const progressOf = (log: LogEntry[]) => deriveProgress(log, sessionItems).items.get(a);
  it.each<[string, LogEntry[], boolean, ScheduleTrack | undefined]>([
    ['never answered: the seed picks', [], true, undefined],
    ['learnt by recall and due: recall', learntAs(a, 'cloze'), true, 'recall'],
    ['learnt by recognition and due: recognition', learntAs(a, 'choice'), true, 'recognition'],
    ['learnt by recognition and not due: recall, met as new', learntAs(a, 'choice').map((entry) => ({ ...entry, at: new Date(Date.parse(entry.at) + 35 * DAY).toISOString() })), true, 'recall'],
    ['learnt by recognition, not due, and no recall mode: recognition', learntAs(a, 'choice').map((entry) => ({ ...entry, at: new Date(Date.parse(entry.at) + 35 * DAY).toISOString() })), false, 'recognition'],
    ['both learnt, recognition due first: recognition', [...learntAs(a, 'choice'), review(a, T0 - DAY, 3, 'cloze')], true, 'recognition'],
  ])('%s', (_name, log, canRecall, expected) => {
    expect(trackToAsk(progressOf(log), T0, canRecall)).toBe(expected);
  });

  it('asks a recognition track as a choice and a recall track as a cloze or a flashcard', () => {
    const item = sessionItems[0]!;
    const pool = buildDistractorPool(sessionItems, new Map());
    for (let seed = 1; seed <= 20; seed++) {
      expect(presentItem(item, 'mixed', pool, seed, {}, 'recognition')?.mode).toBe('choice');
      expect(['cloze', 'flashcard']).toContain(presentItem(item, 'mixed', pool, seed, {}, 'recall')?.mode);
    }
  });
});
