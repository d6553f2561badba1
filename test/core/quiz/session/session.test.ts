import { describe, expect, it } from 'vitest';
import {
  continueSession, currentQuestion, gradeFlashcard, markSaved, quitSession, revealAnswer, shiftClock, startSession, submitAnswer, tick, timeLeft, undoLast,
  type SessionState,
} from '../../../../src/core/quiz/session/session.js';
import { summariseSession } from '../../../../src/core/quiz/session/summary.js';
import { questions, setup } from '../session-fixtures.js';

const T0 = Date.UTC(2026, 5, 1, 10);

describe('a quiz session', () => {
  it('checks a typed cloze answer, writes one entry and shows the verdict', () => {
    const state = startSession(setup('cloze'), T0);
    const { state: after, entries } = submitAnswer(state, '86400 seconds', T0 + 4000);
    expect(after.phase).toBe('feedback');
    expect(after.last).toMatchObject({ correct: true, grade: 3, verdict: 'correct', elapsedMs: 4000, saved: 'pending' });
    expect(entries).toEqual([expect.objectContaining({ type: 'review', mode: 'cloze', grade: 3, correct: true, ms: 4000, given: '86400 seconds', id: 'test-1' })]);
    expect(after.last!.nextDueAt).toBeGreaterThan(T0);
    expect(continueSession(after, T0 + 5000)).toMatchObject({ phase: 'asking', index: 1, itemShownAt: T0 + 5000 });
  });

  it('grades a wrong answer Again', () => {
    const { state } = submitAnswer(startSession(setup('cloze'), T0), '3600 s', T0 + 1000);
    expect(state.last).toMatchObject({ correct: false, grade: 1, verdict: 'wrong' });
  });

  it('takes the letter of a choice', () => {
    const start = startSession(setup('choice'), T0);
    const question = currentQuestion(start)!;
    const right = String.fromCharCode(97 + question.correctIndex!);
    expect(submitAnswer(start, right, T0 + 1000).state.last?.correct).toBe(true);
    const wrong = String.fromCharCode(97 + ((question.correctIndex! + 1) % question.choices!.length));
    expect(submitAnswer(start, wrong, T0 + 1000).state.last?.correct).toBe(false);
  });

  it('turns a flashcard over, then takes the self-grade and moves straight on', () => {
    const revealed = revealAnswer(startSession(setup('flashcard'), T0), T0 + 3000);
    expect(revealed.phase).toBe('revealed');
    const { state, entries } = gradeFlashcard(revealed, 4, T0 + 9000);
    expect(entries[0]).toMatchObject({ grade: 4, correct: true, ms: 3000, mode: 'flashcard' });
    expect(state).toMatchObject({ phase: 'asking', index: 1 });
    expect(state.last).toMatchObject({ verdict: 'self', grade: 4 });
  });

  it('reveals the answer when the item runs out of time, and logs a timeout instead of a grade', () => {
    const start = startSession(setup('cloze'), T0);
    expect(tick(start, T0 + 29_999).entries).toEqual([]);
    expect(timeLeft(start, T0 + 29_000).itemMs).toBe(1000);
    const { state, entries } = tick(start, T0 + 30_000);
    expect(state.phase).toBe('feedback');
    expect(entries).toEqual([expect.objectContaining({ type: 'timed-out', ms: 30_000, mode: 'cloze', id: 'test-1' })]);
    expect(entries[0]).not.toHaveProperty('grade');
  });

  it('ends the session when its time runs out, logging the open item as timed out and grading nothing', () => {
    const start = startSession(setup('flashcard', { sessionLimitMs: 60_000 }), T0);
    const revealed = revealAnswer(start, T0 + 1000);
    const { state, entries } = tick(revealed, T0 + 60_000);
    expect(state).toMatchObject({ phase: 'finished', endedBy: 'time-up' });
    expect(entries).toEqual([expect.objectContaining({ type: 'timed-out', ms: 1000 })]);
    expect(state.schedules).toEqual({});
    expect(timeLeft(start, T0 + 45_000).sessionMs).toBe(15_000);
  });

  it('undoes a flashcard grade: logs an undo, restores the schedule and shows the card turned over', () => {
    const graded = gradeFlashcard(revealAnswer(startSession(setup('flashcard'), T0), T0 + 1000), 1, T0 + 2000).state;
    const { state, entries } = undoLast(graded, T0 + 3000);
    expect(entries).toEqual([expect.objectContaining({ type: 'undo', undoes: 'test-1', id: 'test-2' })]);
    expect(state).toMatchObject({ phase: 'revealed', index: 0, answers: [] });
    expect(state.schedules[currentQuestion(state)!.item.id]).toBeUndefined();
    expect(gradeFlashcard(state, 3, T0 + 4000).entries[0]).toMatchObject({ grade: 3, id: 'test-3' });
  });

  it('undoes a typed answer by asking the item again with a fresh timer', () => {
    const answered = submitAnswer(startSession(setup('cloze'), T0), 'wrong', T0 + 1000).state;
    const { state } = undoLast(answered, T0 + 5000);
    expect(state).toMatchObject({ phase: 'asking', index: 0, itemShownAt: T0 + 5000, itemDeadlineAt: T0 + 35_000 });
  });

  it('has nothing to undo before the first answer', () => {
    const start = startSession(setup('cloze'), T0);
    expect(undoLast(start, T0)).toEqual({ state: start, entries: [] });
  });

  it('asks an item missed with Again once more at the end, and undo takes that retry back too', () => {
    const base = setup('cloze', { retryMisses: true });
    const missed = submitAnswer(startSession(base, T0), 'no idea', T0 + 1000).state;
    expect(missed.queue).toHaveLength(4);
    expect(missed.queue[3]).toMatchObject({ retry: true, question: { item: { id: base.questions[0]!.item.id } } });
    expect(undoLast(missed, T0 + 2000).state.queue).toHaveLength(3);
    const again = submitAnswer(continueSession(missed, T0), 'no idea', T0).state;
    expect(again.queue).toHaveLength(5);
  });

  it('leaves the schedule untouched when cramming', () => {
    const { state, entries } = submitAnswer(startSession(setup('cloze', { cram: true }), T0), '86400 s', T0 + 1000);
    expect(entries[0]).toMatchObject({ cram: true });
    expect(state.last?.nextDueAt).toBeUndefined();
    expect(state.schedules[state.last!.question.item.id]).toBeUndefined();
  });

  it('records whether each answer reached the disk', () => {
    const { state, entries } = submitAnswer(startSession(setup('cloze'), T0), '86400 s', T0 + 1000);
    expect(markSaved(state, entries.map((entry) => entry.id), false).last?.saved).toBe('not-saved');
    expect(markSaved(state, entries.map((entry) => entry.id), true).answers[0]?.saved).toBe('saved');
  });

  it('summarises score, time per item, weakest tags and sections to reread', () => {
    let state = startSession(setup('cloze'), T0);
    state = continueSession(submitAnswer(state, '86400 s', T0 + 2000).state, T0 + 2000);
    state = continueSession(submitAnswer(state, '10 s', T0 + 6000).state, T0 + 6000);
    state = quitSession(state, T0 + 7000);
    const summary = summariseSession(state, T0 + 7000);
    expect(summary).toMatchObject({ asked: 2, correct: 1, scorePercent: 50, totalMs: 7000, averageMs: 3000, endedBy: 'quit' });
    expect(summary.weakestTags[0]).toMatchObject({ tag: 'dns', missed: 1, asked: 2 });
    expect(summary.reread).toEqual([expect.objectContaining({ cardId: 'ttl', sectionName: 'Key Points for Interviews', misses: 1 })]);
  });
});

describe('the summary of a session', () => {
  it('puts a prompt of several lines (a simulator step) on one row', () => {
    const multiLine = setup('cloze', { questions: questions('cloze', 1).map((question) => ({ ...question, prompt: 'Scenario: cold cache\nSo far:\n  0 ms  stub asks\nNext: Which server?' })) });
    const state = quitSession(submitAnswer(startSession(multiLine, T0), '86400 s', T0 + 1000).state, T0 + 2000);
    expect(summariseSession(state, T0 + 2000).items[0]!.prompt).toBe('Scenario: cold cache / So far: / 0 ms stub asks / Next: Which server?');
  });
});

describe('pausing a session: shiftClock', () => {
  const S = 1000;
  // Cloze items with a 20 s limit each.
  const twentySecondItems = (overrides: Parameters<typeof setup>[1] = {}) =>
    setup('cloze', { questions: questions('cloze').map((question) => ({ ...question, timeLimitMs: 20 * S })), ...overrides });
  // Shown at 0 s, paused at 5 s for 30 s: the clock resumes at 35 s with 15 s of the item's 20 s left.
  const pausedItem = () => shiftClock(startSession(twentySecondItems(), T0), 30 * S);
  // A flashcard turned over at 1 s (no item countdown then) in a 60 s session, paused for 30 s.
  const pausedSession = () => shiftClock(revealAnswer(startSession(setup('flashcard', { sessionLimitMs: 60 * S }), T0), T0 + S), 30 * S);

  it.each<[string, () => SessionState, number, SessionState['phase']]>([
    ['an item paused for 30 s has not timed out 40 s after it was shown', pausedItem, 40 * S, 'asking'],
    ['an item paused for 30 s times out 50 s after it was shown', pausedItem, 50 * S, 'feedback'],
    ['a session of 60 s paused for 30 s is still running at 60 s', pausedSession, 60 * S, 'revealed'],
    ['a session of 60 s paused for 30 s ends at 90 s', pausedSession, 90 * S, 'finished'],
  ])('%s', (_name, state, tickAtMs, phase) => {
    expect(tick(state(), T0 + tickAtMs).state.phase).toBe(phase);
  });

  it.each<[string, () => number, number]>([
    ['the item countdown shows what was left when the pause began', () => timeLeft(pausedItem(), T0 + 35 * S).itemMs, 15 * S],
    ['the session countdown moves by the pause', () => timeLeft(shiftClock(startSession(twentySecondItems({ sessionLimitMs: 60 * S }), T0), 30 * S), T0 + 45 * S).sessionMs!, 45 * S],
    ['a typed answer after a pause counts only the time not paused', () => submitAnswer(pausedItem(), '86400 s', T0 + 45 * S).state.last!.elapsedMs, 15 * S],
    ['the log entry of that answer records the same time', () => (submitAnswer(pausedItem(), '86400 s', T0 + 45 * S).entries[0] as { ms: number }).ms, 15 * S],
    [
      'a flashcard revealed at 3 s, paused 30 s while turned over, counts 3 s of thinking',
      () => gradeFlashcard(shiftClock(revealAnswer(startSession(setup('flashcard'), T0), T0 + 3 * S), 30 * S), 3, T0 + 40 * S).state.last!.elapsedMs,
      3 * S,
    ],
  ])('%s', (_name, measure, expected) => {
    expect(measure()).toBe(expected);
  });

  it.each<[string, () => SessionState, number]>([
    ['a pause of no time', () => startSession(setup('cloze'), T0), 0],
    ['a negative pause', () => startSession(setup('cloze'), T0), -5 * S],
    ['a finished session', () => quitSession(startSession(setup('cloze'), T0), T0 + S), 30 * S],
  ])('changes nothing for %s', (_name, state, pausedMs) => {
    const before = state();
    expect(shiftClock(before, pausedMs)).toBe(before);
  });
});
