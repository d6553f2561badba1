import { answerContext, type AnswerContext } from '../answers/known-terms.js';
import { EMPTY_GLOSSARY } from '../answers/glossary.js';
import { judgeAnswer, type AnswerCheck, type AnswerVerdict } from '../items/answer-check.js';
import type { LogEntry, ReviewEntry } from '../progress/log-entry.js';
import { REVIEW_LOG_VERSION } from '../progress/log-entry.js';
import { dueAt, scheduleReview, type ItemSchedule } from '../progress/schedule.js';
import type { Grade, Question } from '../types.js';

/** Everything a session starts from: the questions, the schedule before it, and its limits. */
export interface SessionSetup {
  /** Written into every log entry; unique per run. */
  sessionId: string;
  questions: Question[];
  schedules: Record<string, ItemSchedule | undefined>;
  cram: boolean;
  /** The whole session's time limit, if any. */
  sessionLimitMs?: number;
  /** Ask an item missed with Again once more at the end. */
  retryMisses: boolean;
  /**
   * The glossary and every known term, for checking typed answers (`answerContext` over all items, built
   * once); without it the session builds one from its own questions and no glossary.
   */
  checking?: AnswerContext;
}

/** Where the session is: asking an item, showing a flashcard's back, showing a verdict, or done. */
export type SessionPhase = 'asking' | 'revealed' | 'feedback' | 'finished';

/** Whether an answer reached the disk. */
export type SaveStatus = 'pending' | 'saved' | 'not-saved';

/** One graded answer, with what is needed to show it and to undo it. */
export interface GradedAnswer {
  entry: ReviewEntry;
  question: Question;
  /** Index of the question in the queue. */
  position: number;
  /** For typed answers the check's verdict; `self` for a self-graded flashcard. */
  verdict: AnswerVerdict | 'self';
  /** For a typed answer: which accepted spelling it matched, or which known term turned a near miss down. */
  check?: AnswerCheck;
  grade: Grade;
  correct: boolean;
  timedOut: boolean;
  elapsedMs: number;
  /** Undefined when crammed (the schedule does not move). */
  nextDueAt?: number;
  previousSchedule?: ItemSchedule;
  /** Whether this answer put a retry of the item at the end of the queue. */
  queuedRetry: boolean;
  retry: boolean;
  saved: SaveStatus;
}

/** The whole state of a running session; every change goes through the functions below. */
export interface SessionState {
  setup: SessionSetup;
  queue: { question: Question; retry: boolean }[];
  index: number;
  phase: SessionPhase;
  startedAt: number;
  itemShownAt: number;
  /** When the current item runs out of time. */
  itemDeadlineAt: number;
  /** When a flashcard was revealed (its thinking time ends there). */
  revealedAt?: number;
  sessionDeadlineAt?: number;
  schedules: Record<string, ItemSchedule | undefined>;
  answers: GradedAnswer[];
  /** The most recent verdict, shown until the next one (a banner above a flashcard, or the feedback screen). */
  last?: GradedAnswer;
  /** Set after an undo, to say what was taken back. */
  undone?: GradedAnswer;
  entryCount: number;
  endedBy?: 'completed' | 'time-up' | 'quit';
  endedAt?: number;
}

/** A new state and the log entries to write (in order) before showing it. */
export interface Transition {
  state: SessionState;
  entries: LogEntry[];
}

/** Starts a session at `nowMs`, showing the first item. */
export function startSession(setup: SessionSetup, nowMs: number): SessionState {
  const checking = setup.checking ?? answerContext(setup.questions.map((question) => question.item), EMPTY_GLOSSARY);
  const base: SessionState = {
    setup: { ...setup, checking },
    queue: setup.questions.map((question) => ({ question, retry: false })),
    index: 0,
    phase: 'asking',
    startedAt: nowMs,
    itemShownAt: nowMs,
    itemDeadlineAt: nowMs,
    schedules: { ...setup.schedules },
    answers: [],
    entryCount: 0,
    ...(setup.sessionLimitMs === undefined ? {} : { sessionDeadlineAt: nowMs + setup.sessionLimitMs }),
  };
  return base.queue.length === 0 ? { ...base, phase: 'finished', endedBy: 'completed', endedAt: nowMs } : showItem(base, 0, nowMs);
}

/** The question on screen, if any. */
export function currentQuestion(state: SessionState): Question | undefined {
  return state.phase === 'finished' ? undefined : state.queue[state.index]?.question;
}

/** Checks a typed answer (cloze, choice, predict: a choice also takes its letter) and shows the verdict. */
export function submitAnswer(state: SessionState, typed: string, nowMs: number): Transition {
  const question = currentQuestion(state);
  if (!question || state.phase !== 'asking' || question.mode === 'flashcard') return { state, entries: [] };
  const check = judge(question, typed, state.setup.checking!);
  const { verdict } = check;
  if (verdict === 'blank') return recordAnswer(state, { grade: 1, verdict: 'blank', correct: false, timedOut: false, given: '' }, nowMs, 'feedback');
  const correct = verdict === 'correct' || verdict === 'close';
  return recordAnswer(state, { grade: correct ? 3 : 1, verdict, check, correct, timedOut: false, given: typed.trim().slice(0, 200) }, nowMs, 'feedback');
}

/** Turns a flashcard over. */
export function revealAnswer(state: SessionState, nowMs: number): SessionState {
  if (state.phase !== 'asking' || currentQuestion(state)?.mode !== 'flashcard') return state;
  return { ...state, phase: 'revealed', revealedAt: nowMs };
}

/** Self-grades a flashcard (a grade before the reveal reveals it too) and moves to the next item. */
export function gradeFlashcard(state: SessionState, grade: Grade, nowMs: number): Transition {
  const question = currentQuestion(state);
  if (!question || question.mode !== 'flashcard' || (state.phase !== 'asking' && state.phase !== 'revealed')) return { state, entries: [] };
  const revealed = state.phase === 'revealed' ? state : { ...state, revealedAt: nowMs };
  const transition = recordAnswer(revealed, { grade, verdict: 'self', correct: grade > 1, timedOut: false }, nowMs, 'next');
  return transition;
}

/** Leaves the verdict screen for the next item. */
export function continueSession(state: SessionState, nowMs: number): SessionState {
  if (state.phase !== 'feedback') return state;
  return advance(state, nowMs);
}

/** Applies the clock: an item or a session past its time is revealed and scored as a miss. */
export function tick(state: SessionState, nowMs: number): Transition {
  if (state.phase === 'finished') return { state, entries: [] };
  const sessionOver = state.sessionDeadlineAt !== undefined && nowMs >= state.sessionDeadlineAt;
  if (sessionOver) {
    if (state.phase === 'feedback') return { state: finish(state, 'time-up', nowMs), entries: [] };
    const missed = recordAnswer(state, { grade: 1, verdict: 'wrong', correct: false, timedOut: true }, nowMs, 'feedback');
    return { state: finish(missed.state, 'time-up', nowMs), entries: missed.entries };
  }
  if (state.phase === 'asking' && nowMs >= state.itemDeadlineAt) {
    return recordAnswer(state, { grade: 1, verdict: 'wrong', correct: false, timedOut: true }, nowMs, 'feedback');
  }
  return { state, entries: [] };
}

/**
 * Resumes after a pause of `pausedMs`: the item's and the session's clocks move later by it, so time spent
 * paused counts against neither countdown nor the item's elapsed time.
 */
export function shiftClock(state: SessionState, pausedMs: number): SessionState {
  if (pausedMs <= 0 || state.phase === 'finished') return state;
  return {
    ...state,
    itemShownAt: state.itemShownAt + pausedMs,
    itemDeadlineAt: state.itemDeadlineAt + pausedMs,
    ...(state.revealedAt === undefined ? {} : { revealedAt: state.revealedAt + pausedMs }),
    ...(state.sessionDeadlineAt === undefined ? {} : { sessionDeadlineAt: state.sessionDeadlineAt + pausedMs }),
  };
}

/** Takes back the last answer: logs an undo, restores the item's schedule and asks the item again. */
export function undoLast(state: SessionState, nowMs: number): Transition {
  const last = state.answers.at(-1);
  if (!last) return { state, entries: [] };
  const entry: LogEntry = { v: REVIEW_LOG_VERSION, type: 'undo', id: entryId(state), at: new Date(nowMs).toISOString(), session: state.setup.sessionId, undoes: last.entry.id };
  const queue = last.queuedRetry ? state.queue.slice(0, -1) : state.queue;
  const schedules = { ...state.schedules, [last.question.item.id]: last.previousSchedule };
  const { last: _shown, ...rest } = state;
  const base: SessionState = { ...rest, queue, schedules, answers: state.answers.slice(0, -1), entryCount: state.entryCount + 1, undone: last };
  const timeUp = state.sessionDeadlineAt !== undefined && nowMs >= state.sessionDeadlineAt;
  if (timeUp) return { state: { ...base, phase: 'finished' }, entries: [entry] };
  const { endedBy: _e, endedAt: _a, ...open } = base;
  const shown = showItem(open, last.position, nowMs);
  // A flashcard comes back turned over, ready to be graded again.
  return { state: last.question.mode === 'flashcard' ? { ...shown, phase: 'revealed', revealedAt: nowMs } : shown, entries: [entry] };
}

/** Ends the session early; the item on screen is not scored. */
export function quitSession(state: SessionState, nowMs: number): SessionState {
  return state.phase === 'finished' ? state : finish(state, 'quit', nowMs);
}

/** Records whether an answer's log entry reached the disk. */
export function markSaved(state: SessionState, entryIds: readonly string[], saved: boolean): SessionState {
  const status: SaveStatus = saved ? 'saved' : 'not-saved';
  const update = (answer: GradedAnswer): GradedAnswer => (entryIds.includes(answer.entry.id) ? { ...answer, saved: status } : answer);
  return { ...state, answers: state.answers.map(update), ...(state.last ? { last: update(state.last) } : {}) };
}

/** Milliseconds left for the item on screen and for the session (undefined when it has no limit). */
export function timeLeft(state: SessionState, nowMs: number): { itemMs: number; sessionMs?: number } {
  const itemMs = state.phase === 'asking' ? Math.max(0, state.itemDeadlineAt - nowMs) : 0;
  return state.sessionDeadlineAt === undefined ? { itemMs } : { itemMs, sessionMs: Math.max(0, state.sessionDeadlineAt - nowMs) };
}

function judge(question: Question, typed: string, checking: AnswerContext): AnswerCheck {
  const { choices, correctIndex, item } = question;
  if (!choices || correctIndex === undefined) return item.term ? judgeAnswer(typed, item.term, checking) : { verdict: 'wrong' };
  const letter = /^\s*([a-z])[.)]?\s*$/i.exec(typed);
  if (letter) {
    const index = letter[1]!.toLowerCase().charCodeAt(0) - 97;
    if (index < choices.length) return { verdict: index === correctIndex ? 'correct' : 'wrong', matched: choices[index]! };
  }
  // Typed out instead of picked: the other options are rivals, and a typo of the right one counts as picking it.
  const others = choices.filter((_, index) => index !== correctIndex);
  const blank = question.mode === 'choice' && item.term ? item.term : { answer: choices[correctIndex]!, alternatives: [], kind: 'concept' as const };
  const check = judgeAnswer(typed, blank, checking, others);
  return check.verdict === 'close' ? { ...check, verdict: 'correct' } : check;
}

interface Outcome {
  grade: Grade;
  verdict: AnswerVerdict | 'self';
  check?: AnswerCheck;
  correct: boolean;
  timedOut: boolean;
  given?: string;
}

function recordAnswer(state: SessionState, outcome: Outcome, nowMs: number, then: 'feedback' | 'next'): Transition {
  const slot = state.queue[state.index]!;
  const { question } = slot;
  const item = question.item;
  const thinkingEnd = question.mode === 'flashcard' && state.revealedAt !== undefined ? state.revealedAt : nowMs;
  const elapsedMs = outcome.timedOut ? question.timeLimitMs : Math.max(0, Math.min(thinkingEnd, nowMs) - state.itemShownAt);
  const entry: ReviewEntry = {
    v: REVIEW_LOG_VERSION, type: 'review', id: entryId(state), at: new Date(nowMs).toISOString(), session: state.setup.sessionId,
    item: item.id, card: item.cardId, mode: question.mode, grade: outcome.grade, correct: outcome.correct, ms: Math.round(elapsedMs), text: item.text,
    ...(outcome.timedOut ? { timedOut: true } : {}),
    ...(state.setup.cram ? { cram: true } : {}),
    ...(outcome.given !== undefined && question.mode !== 'flashcard' ? { given: outcome.given } : {}),
  };
  const previousSchedule = state.schedules[item.id];
  const schedule = state.setup.cram ? previousSchedule : scheduleReview(previousSchedule, outcome.grade, nowMs);
  const queuedRetry = state.setup.retryMisses && outcome.grade === 1 && !slot.retry && !state.queue.slice(state.index + 1).some((other) => other.question.item.id === item.id);
  const answer: GradedAnswer = {
    entry, question, position: state.index, verdict: outcome.verdict, grade: outcome.grade, correct: outcome.correct, timedOut: outcome.timedOut,
    elapsedMs, queuedRetry, retry: slot.retry, saved: 'pending',
    ...(outcome.check ? { check: outcome.check } : {}),
    ...(previousSchedule ? { previousSchedule } : {}),
    ...(!state.setup.cram && schedule ? { nextDueAt: dueAt(schedule) } : {}),
  };
  const { undone: _u, ...rest } = state;
  const next: SessionState = {
    ...rest,
    queue: queuedRetry ? [...state.queue, { question, retry: true }] : state.queue,
    schedules: { ...state.schedules, [item.id]: schedule },
    answers: [...state.answers, answer],
    last: answer,
    entryCount: state.entryCount + 1,
    phase: 'feedback',
  };
  return { state: then === 'next' ? advance(next, nowMs) : next, entries: [entry] };
}

function advance(state: SessionState, nowMs: number): SessionState {
  const index = state.index + 1;
  if (index >= state.queue.length) return finish(state, 'completed', nowMs);
  if (state.sessionDeadlineAt !== undefined && nowMs >= state.sessionDeadlineAt) return finish(state, 'time-up', nowMs);
  return showItem(state, index, nowMs);
}

function showItem(state: SessionState, index: number, nowMs: number): SessionState {
  const { revealedAt: _r, ...rest } = state;
  const limit = state.queue[index]!.question.timeLimitMs;
  return { ...rest, index, phase: 'asking', itemShownAt: nowMs, itemDeadlineAt: nowMs + limit };
}

function finish(state: SessionState, endedBy: NonNullable<SessionState['endedBy']>, nowMs: number): SessionState {
  return { ...state, phase: 'finished', endedBy, endedAt: nowMs };
}

function entryId(state: SessionState): string {
  return `${state.setup.sessionId}-${state.entryCount + 1}`;
}
