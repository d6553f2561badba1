import { describe, expect, it } from 'vitest';
import { QUIZ_KEYS, keyHints, quizHelpRows, resolveQuizKey, type KeyPress, type QuizKeyContext } from '../../../src/ui/screens/quiz/quiz-keys.js';
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

describe('the quiz screen reducer with the key help open', () => {
  const open = (state: QuizScreenState, atMs: number) => quizReducer(state, { type: 'help', open: true, nowMs: atMs });
  const close = (state: QuizScreenState, atMs: number) => quizReducer(state, { type: 'help', open: false, nowMs: atMs });
  const tickAt = (state: QuizScreenState, atMs: number) => quizReducer(state, { type: 'tick', nowMs: atMs });

  it('records when it opened, and a second open keeps the first time', () => {
    const opened = open(flashcard(), T0 + 5000);
    expect(opened.help).toEqual({ openedAt: T0 + 5000 });
    expect(open(opened, T0 + 9000).help).toEqual({ openedAt: T0 + 5000 });
  });

  it('ignores the clock while open, even past the item limit', () => {
    const opened = open(cloze(), T0 + 5000);
    const ticked = tickAt(opened, T0 + 60_000);
    expect(ticked).toBe(opened);
    expect(ticked.outbox).toEqual([]);
  });

  it('gives the paused time back when it closes: the item times out that much later', () => {
    const resumed = close(open(cloze(), T0 + 5000), T0 + 35_000);
    expect(resumed.help).toBeUndefined();
    expect(resumed.session.itemDeadlineAt).toBe(T0 + 60_000);
    expect(tickAt(resumed, T0 + 59_999).session.phase).toBe('asking');
    expect(tickAt(resumed, T0 + 60_000).session.phase).toBe('feedback');
  });

  it('leaves the elapsed time of the next answer without the pause', () => {
    const resumed = close(open(cloze(), T0 + 5000), T0 + 35_000);
    const answered = quizReducer(quizReducer(resumed, { type: 'type', text: '86400 s' }), { type: 'submit', nowMs: T0 + 40_000 });
    expect(answered.session.last?.elapsedMs).toBe(10_000);
  });

  it('closes on a finished session without touching it', () => {
    const ended = quizReducer(flashcard(), { type: 'end', nowMs: T0 });
    const closed = close(open(ended, T0 + 1000), T0 + 9000);
    expect(closed.help).toBeUndefined();
    expect(closed.session).toBe(ended.session);
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
    expect(keyHints(flashcard()).map((hint) => hint.keys)).toEqual(['?', 'space', '1-4', 'u', 'esc']);
    expect(keyHints(cloze()).map((hint) => hint.keys)).toEqual(['enter', 'backspace', 'esc']);
    const ended = quizReducer(flashcard(), { type: 'end', nowMs: T0 });
    expect(keyHints(ended).map((hint) => hint.keys)).toEqual(['?', 'u', 'enter/q/esc']);
  });

  it.each<[string, () => QuizScreenState]>([
    ['a flashcard', flashcard],
    ['a turned-over flashcard', () => quizReducer(flashcard(), { type: 'reveal', nowMs: T0 })],
    ['a choice', choice],
    ['a verdict', () => quizReducer(cloze(), { type: 'submit', nowMs: T0 })],
    ['the summary', () => quizReducer(flashcard(), { type: 'end', nowMs: T0 })],
  ])('? opens the key help on %s', (_name, state) => {
    expect(press(state(), '?')).toEqual({ type: 'help', open: true, nowMs: T0 });
  });

  it('? is typed into a cloze answer, as in every text box', () => {
    expect(press(cloze(), '?')).toEqual({ type: 'type', text: '?' });
  });

  describe('while the key help is open', () => {
    const withHelp = (state: () => QuizScreenState) => () => ({ ...state(), help: { openedAt: T0 } });

    it.each<[string, () => QuizScreenState, string, KeyPress]>([
      ['? closes it', withHelp(flashcard), '?', {}],
      ['Esc closes it', withHelp(flashcard), '', { escape: true }],
      ['q closes it', withHelp(choice), 'q', {}],
      ['Enter closes it, even on the summary where it would leave', withHelp(() => quizReducer(flashcard(), { type: 'end', nowMs: T0 })), '', { return: true }],
    ])('%s', (_name, state, input, key) => {
      expect(press(state(), input, key)).toEqual({ type: 'help', open: false, nowMs: T0 });
    });

    it.each<[string, () => QuizScreenState, string, KeyPress]>([
      ['a grade', withHelp(flashcard), '3', {}],
      ['space', withHelp(flashcard), ' ', {}],
      ['undo', withHelp(flashcard), 'u', {}],
      ['an option letter', withHelp(choice), 'b', {}],
      ['an arrow', withHelp(choice), '', { downArrow: true }],
      ['a letter in a cloze', withHelp(cloze), 'x', {}],
    ])('ignores %s, so no key reaches the session', (_name, state, input, key) => {
      expect(press(state(), input, key)).toBeUndefined();
    });

    it('says in the footer how to close it, and that the clock is paused only while a session runs', () => {
      expect(keyHints(withHelp(flashcard)())).toEqual([{ keys: '?/esc', help: 'close help' }, { keys: '', help: 'the clock is paused' }]);
      expect(keyHints(withHelp(() => quizReducer(flashcard(), { type: 'end', nowMs: T0 }))())).toEqual([{ keys: '?/esc', help: 'close help' }]);
    });
  });

  it('the help lists every binding under each context it applies in, and marks the one in force', () => {
    const { rows, nowRow } = quizHelpRows('choice');
    // The group starts at the blank line before its heading, which the panel's "more lines above" note can take.
    expect(rows.slice(nowRow, nowRow + 2)).toEqual([{}, { heading: 'Multiple choice (now)' }]);
    expect(rows.filter((row) => row.heading?.endsWith('(now)'))).toHaveLength(1);
    const groups = new Map<string, string[]>();
    let heading = '';
    for (const row of rows) {
      if (row.heading) heading = row.heading.replace(' (now)', '');
      else if (row.keys) groups.set(heading, [...(groups.get(heading) ?? []), `${row.keys} ${row.help}`]);
    }
    const titles: Record<QuizKeyContext, string> = { flashcard: 'Flashcard', revealed: 'Answer shown', typed: 'Typed answer', choice: 'Multiple choice', feedback: 'After answering', summary: 'Summary' };
    for (const [context, title] of Object.entries(titles) as [QuizKeyContext, string][]) {
      expect(groups.get(title)).toEqual(QUIZ_KEYS.filter((binding) => binding.contexts.includes(context)).map((binding) => `${binding.keys} ${binding.help}`));
    }
    expect(groups.get('Typed answer')).not.toContain('? keys');
    expect(groups.get('Flashcard')).toContain('? keys');
  });
});
