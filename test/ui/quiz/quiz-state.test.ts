import { describe, expect, it } from 'vitest';
import { keyHints, resolveQuizKey, type KeyPress } from '../../../src/ui/screens/quiz/quiz-keys.js';
import { initialQuizState, quizReducer, type QuizScreenState } from '../../../src/ui/screens/quiz/quiz-state.js';
import { setup } from '../../core/quiz/session-fixtures.js';

const T0 = Date.UTC(2026, 5, 1, 9);
const flashcard = () => initialQuizState(setup('flashcard'), T0);
const cloze = () => initialQuizState(setup('cloze'), T0);
const choice = () => initialQuizState(setup('choice'), T0);

describe('the quiz screen reducer', () => {
  it('puts the entries of an answer in the outbox, for the hook to write before drawing', () => {
    const state = quizReducer(flashcard(), { type: 'grade', grade: 3, nowMs: T0 + 1000 });
    expect(state.outbox).toEqual([expect.objectContaining({ type: 'review', grade: 3 })]);
    const recorded = quizReducer({ ...state, outbox: [] }, { type: 'recorded', ids: [state.outbox[0]!.id], ok: true });
    expect(recorded.session.answers[0]?.saved).toBe('saved');
  });

  it('keeps the reason a write failed until a later one succeeds', () => {
    const state = quizReducer(flashcard(), { type: 'grade', grade: 3, nowMs: T0 });
    const failed = quizReducer({ ...state, outbox: [] }, { type: 'recorded', ids: [state.outbox[0]!.id], ok: false, reason: 'disk full' });
    expect(failed.saveProblem).toBe('disk full');
    expect(quizReducer(failed, { type: 'recorded', ids: [], ok: true }).saveProblem).toBeUndefined();
  });

  it('types, erases and clears the cloze answer, and clears it for the next item', () => {
    let state = quizReducer(cloze(), { type: 'type', text: 'abc\n' });
    expect(state.input).toBe('abc ');
    state = quizReducer(state, { type: 'erase' });
    state = quizReducer(state, { type: 'erase' });
    expect(state.input).toBe('ab');
    state = quizReducer(quizReducer(state, { type: 'submit', nowMs: T0 }), { type: 'continue', nowMs: T0 });
    expect(state.input).toBe('');
  });

  it('moves the highlight round the options', () => {
    const state = quizReducer(choice(), { type: 'move', by: -1 });
    expect(state.highlight).toBe(3);
    expect(quizReducer(state, { type: 'move', by: 1 }).highlight).toBe(0);
  });

  it('shows the summary when the session ends, and reopens it on undo', () => {
    const ended = quizReducer(quizReducer(flashcard(), { type: 'grade', grade: 2, nowMs: T0 }), { type: 'end', nowMs: T0 + 1000 });
    expect(ended.summary).toMatchObject({ asked: 1, endedBy: 'quit' });
    const reopened = quizReducer({ ...ended, outbox: [] }, { type: 'undo', nowMs: T0 + 2000 });
    expect(reopened.summary).toBeUndefined();
    expect(reopened.session.phase).toBe('revealed');
  });

  it('says there is nothing to undo before any answer', () => {
    expect(quizReducer(flashcard(), { type: 'undo', nowMs: T0 }).notice).toBe('nothing to undo yet');
  });
});

describe('the quiz key table', () => {
  const press = (state: QuizScreenState, input: string, key: KeyPress = {}) => resolveQuizKey(state, input, key, T0);

  it.each<[string, () => QuizScreenState, string, KeyPress, object | undefined]>([
    ['space reveals a flashcard', flashcard, ' ', {}, { type: 'reveal' }],
    ['1-4 grade a flashcard', flashcard, '4', {}, { type: 'grade', grade: 4 }],
    ['u undoes on a flashcard', flashcard, 'u', {}, { type: 'undo' }],
    ['Esc ends the session', flashcard, '', { escape: true }, { type: 'end' }],
    ['letters are typed into a cloze, u and q included', cloze, 'u', {}, { type: 'type', text: 'u' }],
    ['Enter checks a cloze', cloze, '', { return: true }, { type: 'submit' }],
    ['backspace erases', cloze, '', { backspace: true }, { type: 'erase' }],
    ['a letter answers a choice', choice, 'b', {}, { type: 'choose', index: 1 }],
    ['a letter past the options does nothing', choice, 'e', {}, undefined],
    ['arrows move in a choice', choice, '', { downArrow: true }, { type: 'move', by: 1 }],
    ['ctrl keys are not typed', cloze, 'a', { ctrl: true }, undefined],
  ])('%s', (_name, state, input, key, expected) => {
    const command = press(state(), input, key);
    if (expected === undefined) expect(command).toBeUndefined();
    else expect(command).toMatchObject(expected);
  });

  it('lists only the keys that work now, so the footer never lies', () => {
    expect(keyHints(flashcard()).map((hint) => hint.keys)).toEqual(['space', '1-4', 'u', 'esc']);
    expect(keyHints(cloze()).map((hint) => hint.keys)).toEqual(['enter', 'backspace', 'esc']);
    const ended = quizReducer(flashcard(), { type: 'end', nowMs: T0 });
    expect(keyHints(ended).map((hint) => hint.keys)).toEqual(['u', 'enter/q/esc']);
  });
});
