import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { matchKey, type Mode } from '../../../src/ui/keymap.js';
import { routeHelp } from '../../../src/ui/route-modes.js';
import { helpRows } from '../../../src/ui/screens/help/help-overlay.js';
import { openQuiz, quizKeyMode } from '../../../src/ui/screens/quiz/quiz-route.js';
import { makeTheme } from '../../../src/ui/theme.js';
import { quizRequest } from '../../../src/app/study/quiz-request.js';
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
    let state = quizReducer(cloze(), { type: 'edit', edit: { type: 'insert', text: 'abc\n' } });
    expect(state.input).toBe('abc ');
    state = quizReducer(state, { type: 'edit', edit: { type: 'erase' } });
    state = quizReducer(state, { type: 'edit', edit: { type: 'erase' } });
    expect(state.input).toBe('ab');
    expect(quizReducer(state, { type: 'edit', edit: { type: 'clear' } }).input).toBe('');
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

describe('the quiz screen reducer while the screen is covered (the key help, a terminal too small)', () => {
  const open = (state: QuizScreenState, atMs: number) => quizReducer(state, { type: 'pause', nowMs: atMs });
  const close = (state: QuizScreenState, atMs: number) => quizReducer(state, { type: 'resume', nowMs: atMs });
  const tickAt = (state: QuizScreenState, atMs: number) => quizReducer(state, { type: 'tick', nowMs: atMs });

  it('records when it paused, and a second pause keeps the first time', () => {
    const opened = open(flashcard(), T0 + 5000);
    expect(opened.pausedAt).toBe(T0 + 5000);
    expect(open(opened, T0 + 9000).pausedAt).toBe(T0 + 5000);
  });

  it('ignores the clock while open, even past the item limit', () => {
    const opened = open(cloze(), T0 + 5000);
    const ticked = tickAt(opened, T0 + 60_000);
    expect(ticked).toBe(opened);
    expect(ticked.outbox).toEqual([]);
  });

  it('gives the paused time back when it closes: the item times out that much later', () => {
    const resumed = close(open(cloze(), T0 + 5000), T0 + 35_000);
    expect(resumed.pausedAt).toBeUndefined();
    expect(resumed.session.itemDeadlineAt).toBe(T0 + 60_000);
    expect(tickAt(resumed, T0 + 59_999).session.phase).toBe('asking');
    expect(tickAt(resumed, T0 + 60_000).session.phase).toBe('feedback');
  });

  it('leaves the elapsed time of the next answer without the pause', () => {
    const resumed = close(open(cloze(), T0 + 5000), T0 + 35_000);
    const answered = quizReducer(quizReducer(resumed, { type: 'edit', edit: { type: 'insert', text: '86400 s' } }), { type: 'submit', nowMs: T0 + 40_000 });
    expect(answered.session.last?.elapsedMs).toBe(10_000);
  });

  it('does not pause a finished session, which has no clock', () => {
    const ended = quizReducer(flashcard(), { type: 'end', nowMs: T0 });
    expect(open(ended, T0 + 1000)).toBe(ended);
    expect(close(ended, T0 + 9000)).toBe(ended);
  });
});

describe('the quiz keys in the one keymap', () => {
  const KEY: Key = {
    upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
    return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
    super: false, hyper: false, capsLock: false, numLock: false,
  };
  const route = (state: QuizScreenState) => openQuiz(quizRequest(), undefined, state);
  const revealed = () => quizReducer(flashcard(), { type: 'reveal', nowMs: T0 });
  const feedback = () => quizReducer(cloze(), { type: 'submit', nowMs: T0 });
  const summary = () => quizReducer(flashcard(), { type: 'end', nowMs: T0 });

  it.each<[string, () => QuizScreenState, Mode]>([
    ['a flashcard', flashcard, 'quizFlashcard'],
    ['a turned-over flashcard', revealed, 'quizRevealed'],
    ['a cloze', cloze, 'quizTyped'],
    ['a choice', choice, 'quizChoice'],
    ['a verdict', feedback, 'quizFeedback'],
    ['the summary', summary, 'quizSummary'],
  ])('what is on screen picks the key table: %s', (_name, state, mode) => {
    expect(quizKeyMode(route(state()))).toBe(mode);
  });

  it('waits with the message keys until the session is prepared', () => {
    expect(quizKeyMode(openQuiz(quizRequest()))).toBe('message');
  });

  it.each<[string, Mode, string, Partial<Key>, string | undefined]>([
    ['space reveals a flashcard', 'quizFlashcard', ' ', {}, 'reveal'],
    ['1-4 grade a flashcard', 'quizFlashcard', '4', {}, 'grade'],
    ['5 is no grade', 'quizFlashcard', '5', {}, undefined],
    ['u undoes on a flashcard', 'quizFlashcard', 'u', {}, 'undo'],
    ['Esc ends the session', 'quizFlashcard', '', { escape: true }, 'end'],
    ['? opens the help on a flashcard', 'quizFlashcard', '?', {}, 'help'],
    ['grades work on a turned-over card', 'quizRevealed', '2', {}, 'grade'],
    ['letters are not keys in a cloze, u and q included (they are typed)', 'quizTyped', 'u', {}, undefined],
    ['? is typed into a cloze answer, as in every text box', 'quizTyped', '?', {}, undefined],
    ['Enter checks a cloze', 'quizTyped', '', { return: true }, 'submit'],
    ['backspace erases', 'quizTyped', '', { delete: true }, 'erase'],
    ['Esc clears the answer or ends the session', 'quizTyped', '', { escape: true }, 'clearOrEnd'],
    ['a letter answers a choice', 'quizChoice', 'b', {}, 'choose'],
    ['e is no option', 'quizChoice', 'e', {}, undefined],
    ['arrows move in a choice', 'quizChoice', '', { downArrow: true }, 'down'],
    ['Enter picks the highlighted option', 'quizChoice', '', { return: true }, 'pick'],
    ['Enter goes on after a verdict', 'quizFeedback', '', { return: true }, 'next'],
    ['space goes on after a verdict', 'quizFeedback', ' ', {}, 'next'],
    ['a number opens a section from the summary', 'quizReread', '3', {}, 'open'],
    ['q leaves the summary', 'quizSummary', 'q', {}, 'done'],
    ['u undoes from the summary', 'quizSummary', 'u', {}, 'undo'],
  ])('%s', (_name, mode, input, key, action) => {
    expect(matchKey(mode, input, { ...KEY, ...key })?.action).toBe(action);
  });

  it('the help lists the keys in force first, marked (now), then every other quiz table', () => {
    const app = { kind: 'quiz' as const, quiz: route(choice()) };
    const help = routeHelp(app);
    expect(help.modes[0]).toBe('quizChoice');
    expect(new Set(help.modes)).toEqual(new Set(['quizFlashcard', 'quizRevealed', 'quizTyped', 'quizChoice', 'quizFeedback', 'quizSummary', 'quizReread']));
    const rows = helpRows(help.modes, new Set(), makeTheme({ colour: false, ascii: false, reducedMotion: false }).glyphs, help.now);
    expect(rows.filter((row) => row.heading?.endsWith('(now)'))).toEqual([{ heading: 'Multiple choice (now)' }]);
    expect(rows).toContainEqual({ keys: 'a-d', help: 'answer with the letter' });
  });
});
