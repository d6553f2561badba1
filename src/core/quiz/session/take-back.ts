import { ANSWER_ENTRY_VERSION, type LogEntry, type ReviewEntry } from '../progress/log-entry.js';
import { dueAt, scheduleReview } from '../progress/schedule.js';
import { undoHold } from './hold-item.js';
import { entryId, finish, showItem, type GradedAnswer, type SessionState, type Transition } from './session-state.js';

/** Takes back the last answer (logs an undo, restores the item's schedule and asks the item again), or the last suspension or burial if it came later. */
export function undoLast(state: SessionState, nowMs: number): Transition {
  const last = state.answers.at(-1);
  const held = state.holds.at(-1);
  if (held && (!last || held.order >= entrySeq(last.entry.id))) return undoHold(state, held, nowMs);
  if (!last) return { state, entries: [] };
  const entry: LogEntry = { v: ANSWER_ENTRY_VERSION, type: 'undo', id: entryId(state), at: new Date(nowMs).toISOString(), session: state.setup.sessionId, undoes: last.entry.id };
  const queue = last.queuedRetry ? state.queue.slice(0, -1) : state.queue;
  const schedules = { ...state.schedules, [last.question.item.id]: last.previousSchedule };
  const { last: _shown, lastHold: _h, ...rest } = state;
  const base: SessionState = { ...rest, queue, schedules, answers: state.answers.slice(0, -1), entryCount: state.entryCount + 1, undone: last };
  const timeUp = state.sessionDeadlineAt !== undefined && nowMs >= state.sessionDeadlineAt;
  if (timeUp) return { state: { ...base, phase: 'finished' }, entries: [entry] };
  const { endedBy: _e, endedAt: _a, ...open } = base;
  const shown = showItem(open, last.position, nowMs);
  // A flashcard comes back turned over, ready to be graded again.
  return { state: last.question.mode === 'flashcard' ? { ...shown, phase: 'revealed', revealedAt: nowMs } : shown, entries: [entry] };
}

// Entry ids are `<session>-<n>`, n counting from 1 in the order the session wrote them.
function entrySeq(id: string): number {
  return Number(id.slice(id.lastIndexOf('-') + 1)) - 1;
}

/** Whether the learner may claim an answer ("I was right"): a typed answer the check rejected, not a picked option, a blank or a timeout. */
export function canClaim(answer: GradedAnswer | undefined): boolean {
  if (!answer || answer.correct || answer.timedOut || answer.entry.type !== 'review' || ['self', 'blank', 'claimed', 'timed-out'].includes(answer.verdict)) return false;
  const given = answer.entry.given?.trim() ?? '';
  // A picked letter is not a typed answer: the options are fixed, and another one was picked.
  return given !== '' && !(answer.question.choices && /^[a-z][.)]?$/i.test(given));
}

/**
 * Counts the last answer right because the learner says it was: the rejected answer is undone and the
 * same text is logged again graded Good, with `overrides` naming it, so statistics can tell. The retry
 * the miss queued is dropped; an undo takes the claim back like any answer.
 */
export function claimAnswer(state: SessionState, nowMs: number): Transition {
  const rejected = state.answers.at(-1);
  if (!rejected || !canClaim(rejected) || rejected.entry.type !== 'review') return { state, entries: [] };
  const at = new Date(nowMs).toISOString();
  const undo: LogEntry = { v: ANSWER_ENTRY_VERSION, type: 'undo', id: entryId(state), at, session: state.setup.sessionId, undoes: rejected.entry.id };
  const entry: ReviewEntry = { ...rejected.entry, v: ANSWER_ENTRY_VERSION, id: entryId(state, 1), at, grade: 3, correct: true, overrides: rejected.entry.id };
  const itemId = rejected.question.item.id;
  const schedule = state.setup.cram ? rejected.previousSchedule : scheduleReview(rejected.previousSchedule, 3, nowMs);
  const { nextDueAt: _due, ...kept } = rejected;
  const claimed: GradedAnswer = {
    ...kept, entry, verdict: 'claimed', grade: 3, correct: true, queuedRetry: false, claimed: rejected, saved: 'pending',
    ...(!state.setup.cram && schedule ? { nextDueAt: dueAt(schedule) } : {}),
  };
  // The miss's retry is the last slot of the queue: nothing was answered after the miss.
  const queue = rejected.queuedRetry ? state.queue.slice(0, -1) : state.queue;
  const { undone: _u, ...rest } = state;
  const next: SessionState = {
    ...rest, queue, schedules: { ...state.schedules, [itemId]: schedule }, answers: [...state.answers.slice(0, -1), claimed], entryCount: state.entryCount + 2,
    ...(state.last?.entry.id === rejected.entry.id ? { last: claimed } : {}),
  };
  return { state: afterClaim(next, nowMs), entries: [undo, entry] };
}

// On the verdict or the summary nothing moves. In the plain mode the next item is already asked: it is asked
// afresh, unless it was the dropped retry, and then the session is over.
function afterClaim(state: SessionState, nowMs: number): SessionState {
  if (state.phase === 'feedback' || state.phase === 'finished') return state;
  if (state.index >= state.queue.length) return finish({ ...state, last: state.answers.at(-1)! }, 'completed', nowMs);
  if (state.sessionDeadlineAt !== undefined && nowMs >= state.sessionDeadlineAt) return finish(state, 'time-up', nowMs);
  return showItem(state, state.index, nowMs);
}
