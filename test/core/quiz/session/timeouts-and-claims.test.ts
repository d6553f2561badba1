import { describe, expect, it } from 'vitest';
import { deriveProgress } from '../../../../src/core/quiz/progress/derive-progress.js';
import type { LogEntry } from '../../../../src/core/quiz/progress/log-entry.js';
import { scheduleReview } from '../../../../src/core/quiz/progress/schedule.js';
import {
  canClaim, claimAnswer, continueSession, currentQuestion, gradeFlashcard, revealAnswer, submitAnswer, tick, undoLast,
  type SessionSetup, type SessionState, type Transition,
} from '../../../../src/core/quiz/session/session.js';
import { summariseSession } from '../../../../src/core/quiz/session/summary.js';
import { playSession, sessionItems, setup, type SessionStep } from '../session-fixtures.js';

const T0 = Date.UTC(2026, 5, 1, 10);
const S = 1000;

const play = (start: SessionSetup, steps: SessionStep[]) => playSession(start, steps, T0, 40 * S);

const timeOut = (state: SessionState, atMs: number) => tick(state, Math.max(atMs, state.itemDeadlineAt));
const answer = (text: string) => (state: SessionState, atMs: number) => submitAnswer(state, text, atMs);
const next = (state: SessionState, atMs: number) => continueSession(state, atMs);
const claim = (state: SessionState, atMs: number) => claimAnswer(state, atMs);
const undo = (state: SessionState, atMs: number) => undoLast(state, atMs);

// A first item that was already learnt: a review ten days ago, so it is due with a real FSRS state.
const learnt = scheduleReview(undefined, 3, T0 - 10 * 86_400_000);
const firstId = sessionItems[0]!.id;
const withSchedule = (overrides: Partial<SessionSetup> = {}) => setup('cloze', { schedules: { [firstId]: learnt }, retryMisses: true, ...overrides });
const scheduleAfter = (log: LogEntry[]) => deriveProgress([{ v: 2, type: 'review', id: 'old-1', at: new Date(T0 - 10 * 86_400_000).toISOString(), session: 'old', item: firstId, card: 'ttl', mode: 'cloze', grade: 3, correct: true, ms: 1, text: sessionItems[0]!.text }, ...log], sessionItems).items.get(firstId)?.tracks.recall?.schedule;

describe('an item whose time runs out', () => {
  it.each<[string, SessionSetup]>([
    ['a new item', setup('cloze', { retryMisses: true })],
    ['a learnt item', withSchedule()],
    ['a crammed item', withSchedule({ cram: true })],
  ])('leaves the FSRS state of %s as it was, in the session and in the replayed log', (_name, start) => {
    const { state, log } = play(start, [timeOut]);
    expect(log).toEqual([expect.objectContaining({ type: 'timed-out', item: firstId })]);
    expect(state.schedules[firstId]).toEqual(start.schedules[firstId]);
    expect(state.last).toMatchObject({ timedOut: true, verdict: 'timed-out', correct: false, queuedRetry: true });
    expect(state.last!.grade).toBeUndefined();
    expect(scheduleAfter(log)).toEqual(learnt);
    expect(deriveProgress(log, sessionItems)).toMatchObject({ reviews: [], timeouts: [expect.objectContaining({ item: firstId })] });
    expect(deriveProgress(log, sessionItems).items.has(firstId)).toBe(false);
  });

  it('comes back once at the end of the session, and its replay is graded and scored like a first answer', () => {
    const { state, log } = play(setup('cloze', { retryMisses: true }), [timeOut, next, answer('60 s'), next, answer('30 s'), next, answer('86400 s'), next]);
    expect(state.queue.map((slot) => [slot.question.item.id, slot.retry, slot.replay ?? false])).toEqual([
      [sessionItems[0]!.id, false, false], [sessionItems[1]!.id, false, false], [sessionItems[2]!.id, false, false], [sessionItems[0]!.id, false, true],
    ]);
    expect(log.map((entry) => entry.type)).toEqual(['timed-out', 'review', 'review', 'review']);
    expect(log[3]).toMatchObject({ item: firstId, grade: 3, correct: true });
    const summary = summariseSession(state, T0 + 400 * S);
    expect(summary).toMatchObject({ asked: 3, correct: 3, timedOut: 1, retries: 0, scorePercent: 100, endedBy: 'completed' });
  });

  it('is not asked a third time when its replay runs out of time too', () => {
    const { state, log } = play(setup('cloze', { questions: setup('cloze').questions.slice(0, 1) }), [timeOut, next, timeOut, next]);
    expect(log.map((entry) => entry.type)).toEqual(['timed-out', 'timed-out']);
    expect(state.queue).toHaveLength(2);
    expect(state).toMatchObject({ phase: 'finished', endedBy: 'completed' });
  });

  it('shows a flashcard that ran out of time turned over, without a grade', () => {
    const { state, log } = play(setup('flashcard'), [timeOut]);
    expect(state.phase).toBe('feedback');
    expect(log).toEqual([expect.objectContaining({ type: 'timed-out', mode: 'flashcard', ms: 30 * S })]);
  });

  it('can be undone: the replay is dropped and the item is asked again with a fresh clock', () => {
    const { state, log } = play(setup('cloze'), [timeOut, undo]);
    expect(log.map((entry) => entry.type)).toEqual(['timed-out', 'undo']);
    expect(state.queue).toHaveLength(3);
    expect(state).toMatchObject({ phase: 'asking', index: 0, itemShownAt: T0 + 80 * S });
  });

  it.each<[string, SessionSetup, (state: SessionState, atMs: number) => Transition | SessionState, string[]]>([
    ['an unanswered cloze', setup('cloze', { sessionLimitMs: 60 * S }), (state) => state, ['timed-out']],
    ['a verdict on screen', setup('cloze', { sessionLimitMs: 60 * S }), answer('3600 s'), []],
    ['a flashcard turned over', setup('flashcard', { sessionLimitMs: 60 * S }), (state, atMs) => revealAnswer(state, atMs), ['timed-out']],
  ])('grades nothing when the session clock runs out on %s', (_name, start, before, written) => {
    const long = { ...start, questions: start.questions.map((question) => ({ ...question, timeLimitMs: 120 * S })) };
    const { state: open } = play(long, [before]);
    const { state, entries } = tick(open, T0 + 60 * S);
    expect(state.endedBy).toBe('time-up');
    expect(entries.map((entry) => entry.type)).toEqual(written);
    expect(state.schedules).toEqual(open.schedules);
  });
});

describe('"I was right": claiming a rejected answer', () => {
  it('undoes the rejection, logs the same text graded Good as an override, drops the retry and reschedules as Good', () => {
    const { state, log } = play(withSchedule(), [answer('a day'), claim]);
    expect(log).toEqual([
      expect.objectContaining({ type: 'review', id: 'test-1', grade: 1, given: 'a day' }),
      expect.objectContaining({ type: 'undo', id: 'test-2', undoes: 'test-1' }),
      expect.objectContaining({ type: 'review', id: 'test-3', grade: 3, correct: true, given: 'a day', overrides: 'test-1', mode: 'cloze' }),
    ]);
    expect(state.queue).toHaveLength(3);
    expect(state.phase).toBe('feedback');
    expect(state.last).toMatchObject({ verdict: 'claimed', grade: 3, correct: true, claimed: { verdict: 'wrong' } });
    expect(state.schedules[firstId]).toEqual(scheduleReview(learnt, 3, T0 + 80 * S));
    expect(scheduleAfter(log)).toEqual(scheduleReview(learnt, 3, T0 + 80 * S));
    const derived = deriveProgress(log, sessionItems);
    expect(derived.reviews).toEqual([expect.objectContaining({ overrides: 'test-1' })]);
  });

  it('is undone like any answer: the claim and the rejection are both gone and the item is asked again', () => {
    const { state, log } = play(withSchedule(), [answer('a day'), claim, undo]);
    expect(log.at(-1)).toMatchObject({ type: 'undo', undoes: 'test-3' });
    expect(deriveProgress(log, sessionItems).reviews).toEqual([]);
    expect(state.schedules[firstId]).toEqual(learnt);
    expect(state).toMatchObject({ phase: 'asking', index: 0, answers: [] });
  });

  it('counts in the summary as right, and as claimed', () => {
    const { state } = play(setup('cloze', { retryMisses: true }), [answer('a day'), claim, next, answer('60 s'), next, answer('30 s'), next]);
    expect(summariseSession(state, T0 + 400 * S)).toMatchObject({ asked: 3, correct: 3, claimed: 1, retries: 0, endedBy: 'completed' });
  });

  it('from the next item (the plain mode), asks that item afresh; if it was the dropped retry, the session ends', () => {
    const one = setup('cloze', { retryMisses: true, questions: setup('cloze').questions.slice(0, 2) });
    const onNext = play(one, [answer('a day'), next, claim]);
    expect(onNext.state).toMatchObject({ phase: 'asking', index: 1, itemShownAt: T0 + 120 * S });
    expect(onNext.state.queue).toHaveLength(2);
    const retryShown = [answer('86400 s'), next, answer('a day'), next];
    expect(play(one, retryShown).state.queue[play(one, retryShown).state.index]).toMatchObject({ retry: true, question: { item: { id: sessionItems[1]!.id } } });
    const onRetry = play(one, [...retryShown, claim]);
    expect(onRetry.state).toMatchObject({ phase: 'finished', endedBy: 'completed' });
    expect(onRetry.state.answers.map((entry) => entry.verdict)).toEqual(['correct', 'claimed']);
  });

  it.each<[string, SessionSetup, ((state: SessionState, atMs: number) => Transition | SessionState)[]]>([
    ['a right answer', setup('cloze'), [answer('86400 s')]],
    ['an empty answer', setup('cloze'), [answer('')]],
    ['an item whose time ran out', setup('cloze'), [timeOut]],
    ['a self-graded flashcard', setup('flashcard'), [(state, atMs) => gradeFlashcard(revealAnswer(state, atMs), 1, atMs)]],
    ['a picked option letter', setup('choice'), [(state, atMs) => submitAnswer(state, String.fromCharCode(97 + ((currentQuestion(state)!.correctIndex! + 1) % 4)), atMs)]],
    ['an answer already claimed', setup('cloze'), [answer('a day'), claim]],
    ['nothing answered yet', setup('cloze'), []],
  ])('is refused for %s: nothing is written', (_name, start, steps) => {
    const { state } = play(start, steps);
    expect(canClaim(state.answers.at(-1))).toBe(false);
    expect(claimAnswer(state, T0 + 500 * S)).toEqual({ state, entries: [] });
  });

  it('is allowed for a choice answered by typing its text', () => {
    const { state } = play(setup('choice'), [answer('a whole day')]);
    expect(canClaim(state.last)).toBe(true);
  });
});
