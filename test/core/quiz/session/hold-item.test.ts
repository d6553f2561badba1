import { describe, expect, it } from 'vitest';
import { deriveProgress } from '../../../../src/core/quiz/progress/derive-progress.js';
import {
  canHold, continueSession, currentQuestion, holdItem, markSaved, startSession, submitAnswer, undoLast,
  type SessionSetup, type SessionState,
} from '../../../../src/core/quiz/session/session.js';
import { summariseSession, summaryNotes } from '../../../../src/core/quiz/session/summary.js';
import { playSession, sessionItems, setup, type SessionStep } from '../session-fixtures.js';

const T0 = Date.UTC(2026, 5, 1, 10);
const S = 1000;

type Step = SessionStep;

const play = (start: SessionSetup, steps: Step[]) => playSession(start, steps, T0, 10 * S);

const suspend: Step = (state, atMs) => holdItem(state, 'suspend', atMs);
const bury: Step = (state, atMs) => holdItem(state, 'bury', atMs);
const undo: Step = (state, atMs) => undoLast(state, atMs);
const wrong: Step = (state, atMs) => submitAnswer(state, 'nonsense', atMs);
const next: Step = (state, atMs) => continueSession(state, atMs);
const [first, second, third] = sessionItems.map((item) => item.id) as [string, string, string];
const onScreen = (state: SessionState) => currentQuestion(state)?.item.id;

describe('holding the item on screen', () => {
  it.each([
    ['suspend', suspend],
    ['bury', bury],
  ] as const)('%s writes one entry, takes the item out of the session and shows the next', (type, step) => {
    const { state, log } = play(setup('cloze'), [step]);
    expect(log).toEqual([{ v: 3, type, id: 'test-1', at: new Date(T0 + 10 * S).toISOString(), session: 'test', item: first, card: 'ttl', text: sessionItems[0]!.text }]);
    expect(onScreen(state)).toBe(second);
    expect(state.queue.map((slot) => slot.question.item.id)).toEqual([second, third]);
    expect(state.answers).toEqual([]);
    expect(state.lastHold).toMatchObject({ undone: false, held: { entry: { type }, saved: 'saved' } });
  });

  it('on a verdict keeps the answer and drops the retry the miss queued', () => {
    const { state, log } = play(setup('cloze', { retryMisses: true }), [wrong, suspend]);
    expect(log.map((entry) => entry.type)).toEqual(['review', 'suspend']);
    expect(state.answers).toHaveLength(1);
    expect(state.queue.map((slot) => slot.question.item.id)).toEqual([first, second, third]);
    expect(onScreen(state)).toBe(second);
  });

  it('undo brings the item back where it was, asked afresh, and the log says so', () => {
    const { state, log } = play(setup('cloze'), [suspend, undo]);
    expect(log.map((entry) => entry.type)).toEqual(['suspend', 'undo']);
    expect(log[1]).toMatchObject({ v: 2, undoes: log[0]!.id });
    expect(onScreen(state)).toBe(first);
    expect(state.phase).toBe('asking');
    expect(state.itemShownAt).toBe(T0 + 20 * S);
    expect(state.holds).toEqual([]);
    expect(state.lastHold?.undone).toBe(true);
    expect(deriveProgress(log, sessionItems).items.get(first)).toBeUndefined();
  });

  it('undo after a hold on a verdict shows that verdict again with its retry', () => {
    const { state } = play(setup('cloze', { retryMisses: true }), [wrong, suspend, undo]);
    expect(state.phase).toBe('feedback');
    expect(state.index).toBe(0);
    expect(state.queue.map((slot) => slot.question.item.id)).toEqual([first, second, third, first]);
  });

  it('takes back the latest of an answer and a hold, one at a time', () => {
    const { state, log } = play(setup('cloze'), [suspend, wrong, undo, undo]);
    expect(log.map((entry) => entry.type)).toEqual(['suspend', 'review', 'undo', 'undo']);
    expect(log[2]).toMatchObject({ undoes: log[1]!.id });
    expect(log[3]).toMatchObject({ undoes: log[0]!.id });
    expect(onScreen(state)).toBe(first);
    expect(state.answers).toEqual([]);
  });

  it('ends the session when the last item is held, and counts holds in the summary', () => {
    const { state } = play(setup('cloze'), [suspend, bury, wrong, next]);
    expect(state.phase).toBe('finished');
    const summary = summariseSession(state, T0 + 60 * S);
    expect(summary.held).toEqual({ suspended: 1, buried: 1 });
    expect(summaryNotes(summary)).toEqual(expect.arrayContaining(['1 suspended', '1 buried until tomorrow']));
    expect(canHold(state)).toBe(false);
    expect(holdItem(state, 'suspend', T0 + 70 * S)).toEqual({ state, entries: [] });
  });

  it('marks a hold that did not reach the disk as not saved', () => {
    const transition = holdItem(startSession(setup('cloze'), T0), 'bury', T0 + S);
    const state = markSaved(transition.state, transition.entries.map((entry) => entry.id), false);
    expect(state.holds[0]!.saved).toBe('not-saved');
    expect(summariseSession(state, T0 + 2 * S).notSaved).toBe(1);
  });
});
