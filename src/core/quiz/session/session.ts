import { answerContext, type AnswerContext } from '../answers/known-terms.js';
import { EMPTY_GLOSSARY } from '../answers/glossary.js';
import { judgeAnswer, type AnswerCheck, type AnswerVerdict } from '../items/answer-check.js';
import type { ReviewEntry, TimedOutEntry } from '../progress/log-entry.js';
import { ANSWER_ENTRY_VERSION } from '../progress/log-entry.js';
import { dueAt, scheduleReview } from '../progress/schedule.js';
import type { Grade, Question } from '../types.js';
import { advance, askedLater, currentQuestion, entryId, finish, showItem, type GradedAnswer, type SaveStatus, type SessionSetup, type SessionState, type Transition } from './session-state.js';

export { currentQuestion } from './session-state.js';
export type { AnswerKind, GradedAnswer, QueueSlot, SaveStatus, SessionPhase, SessionSetup, SessionState, Transition } from './session-state.js';
export { canClaim, claimAnswer, undoLast } from './take-back.js';
export { canHold, holdItem } from './hold-item.js';

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
    holds: [],
    entryCount: 0,
    ...(setup.sessionLimitMs === undefined ? {} : { sessionDeadlineAt: nowMs + setup.sessionLimitMs }),
  };
  return base.queue.length === 0 ? { ...base, phase: 'finished', endedBy: 'completed', endedAt: nowMs } : showItem(base, 0, nowMs);
}

/** Checks a typed answer (cloze, choice, predict: a choice also takes its letter) and shows the verdict. */
export function submitAnswer(state: SessionState, typed: string, nowMs: number): Transition {
  const question = currentQuestion(state);
  if (!question || state.phase !== 'asking' || question.mode === 'flashcard') return { state, entries: [] };
  const check = judge(question, typed, state.setup.checking!);
  const { verdict } = check;
  if (verdict === 'blank') return recordAnswer(state, { grade: 1, verdict: 'blank', correct: false, given: '' }, nowMs, 'feedback');
  const correct = verdict === 'correct' || verdict === 'close';
  return recordAnswer(state, { grade: correct ? 3 : 1, verdict, check, correct, given: typed.trim().slice(0, 200) }, nowMs, 'feedback');
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
  const transition = recordAnswer(revealed, { grade, verdict: 'self', correct: grade > 1 }, nowMs, 'next');
  return transition;
}

/** Leaves the verdict screen for the next item. */
export function continueSession(state: SessionState, nowMs: number): SessionState {
  if (state.phase !== 'feedback') return state;
  return advance(state, nowMs);
}

/**
 * Applies the clock. An item past its time shows its answer and is asked again at the end; a session past
 * its time ends. Neither grades anything: a `timed-out` entry records the item, and its schedule stays.
 */
export function tick(state: SessionState, nowMs: number): Transition {
  if (state.phase === 'finished') return { state, entries: [] };
  const sessionOver = state.sessionDeadlineAt !== undefined && nowMs >= state.sessionDeadlineAt;
  if (sessionOver) {
    if (state.phase === 'feedback') return { state: finish(state, 'time-up', nowMs), entries: [] };
    const missed = recordTimeout(state, nowMs, false);
    return { state: finish(missed.state, 'time-up', nowMs), entries: missed.entries };
  }
  if (state.phase === 'asking' && nowMs >= state.itemDeadlineAt) return recordTimeout(state, nowMs, true);
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

/** Ends the session early; the item on screen is not scored. */
export function quitSession(state: SessionState, nowMs: number): SessionState {
  return state.phase === 'finished' ? state : finish(state, 'quit', nowMs);
}

/** Records whether an answer's log entry reached the disk. */
export function markSaved(state: SessionState, entryIds: readonly string[], saved: boolean): SessionState {
  const status: SaveStatus = saved ? 'saved' : 'not-saved';
  const update = (answer: GradedAnswer): GradedAnswer => (entryIds.includes(answer.entry.id) ? { ...answer, saved: status } : answer);
  const holds = state.holds.map((held) => (entryIds.includes(held.entry.id) ? { ...held, saved: status } : held));
  const lastHold = state.lastHold && entryIds.includes(state.lastHold.held.entry.id) ? { ...state.lastHold, held: { ...state.lastHold.held, saved: status } } : state.lastHold;
  return { ...state, answers: state.answers.map(update), holds, ...(state.last ? { last: update(state.last) } : {}), ...(lastHold ? { lastHold } : {}) };
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
  given?: string;
}

function recordAnswer(state: SessionState, outcome: Outcome, nowMs: number, then: 'feedback' | 'next'): Transition {
  const slot = state.queue[state.index]!;
  const { question } = slot;
  const item = question.item;
  const thinkingEnd = question.mode === 'flashcard' && state.revealedAt !== undefined ? state.revealedAt : nowMs;
  const elapsedMs = Math.max(0, Math.min(thinkingEnd, nowMs) - state.itemShownAt);
  const entry: ReviewEntry = {
    v: ANSWER_ENTRY_VERSION, type: 'review', id: entryId(state), at: new Date(nowMs).toISOString(), session: state.setup.sessionId,
    item: item.id, card: item.cardId, mode: question.mode, grade: outcome.grade, correct: outcome.correct, ms: Math.round(elapsedMs), text: item.text,
    ...(state.setup.cram ? { cram: true } : {}),
    ...(outcome.given !== undefined && question.mode !== 'flashcard' ? { given: outcome.given } : {}),
  };
  const previousSchedule = state.schedules[item.id];
  const schedule = state.setup.cram ? previousSchedule : scheduleReview(previousSchedule, outcome.grade, nowMs);
  const queuedRetry = state.setup.retryMisses && outcome.grade === 1 && !slot.retry && !askedLater(state, item.id, state.index);
  const answer: GradedAnswer = {
    entry, question, position: state.index, verdict: outcome.verdict, grade: outcome.grade, correct: outcome.correct, timedOut: false,
    elapsedMs, queuedRetry, retry: slot.retry, saved: 'pending', ...(slot.replay ? { replay: true } : {}),
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

// The item was on screen until its time ran out (or the session's did): logged, shown, and not graded.
function recordTimeout(state: SessionState, nowMs: number, askAgain: boolean): Transition {
  const slot = state.queue[state.index]!;
  const { question } = slot;
  const item = question.item;
  const shownUntil = Math.min(state.revealedAt ?? nowMs, nowMs, state.itemDeadlineAt);
  const elapsedMs = Math.max(0, shownUntil - state.itemShownAt);
  const entry: TimedOutEntry = {
    v: ANSWER_ENTRY_VERSION, type: 'timed-out', id: entryId(state), at: new Date(nowMs).toISOString(), session: state.setup.sessionId,
    item: item.id, card: item.cardId, mode: question.mode, ms: Math.round(elapsedMs), text: item.text, ...(state.setup.cram ? { cram: true } : {}),
  };
  // Asked again once: an item that runs out of time twice waits for the next session, still unanswered.
  const queuedRetry = askAgain && !slot.replay && !askedLater(state, item.id, state.index);
  const schedule = state.schedules[item.id];
  const answer: GradedAnswer = {
    entry, question, position: state.index, verdict: 'timed-out', correct: false, timedOut: true, elapsedMs, queuedRetry, retry: slot.retry, saved: 'pending',
    ...(slot.replay ? { replay: true } : {}), ...(schedule ? { previousSchedule: schedule } : {}),
  };
  const { undone: _u, revealedAt: _r, ...rest } = state;
  const next: SessionState = {
    ...rest,
    queue: queuedRetry ? [...state.queue, { question, retry: slot.retry, replay: true }] : state.queue,
    answers: [...state.answers, answer],
    last: answer,
    entryCount: state.entryCount + 1,
    phase: 'feedback',
  };
  return { state: next, entries: [entry] };
}
