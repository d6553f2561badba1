import type { AnswerContext } from '../answers/known-terms.js';
import type { AnswerCheck } from '../items/answer-check.js';
import type { AnswerVerdict } from '../items/answer-check.js';
import type { ItemActionEntry, LogEntry, ReviewEntry, TimedOutEntry } from '../progress/log-entry.js';
import type { ItemSchedule } from '../progress/schedule.js';
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

/** How an answer was judged: the typed answer's check, `self` for a flashcard, `timed-out` when time ran out first, `claimed` when the learner said a rejected answer was right. */
export type AnswerKind = AnswerVerdict | 'self' | 'timed-out' | 'claimed';

/** One answer (or an item whose time ran out), with what is needed to show it and to undo it. */
export interface GradedAnswer {
  entry: ReviewEntry | TimedOutEntry;
  question: Question;
  /** Index of the question in the queue. */
  position: number;
  verdict: AnswerKind;
  /** For a typed answer: which accepted spelling it matched, or which known term turned a near miss down. */
  check?: AnswerCheck;
  /** Undefined when time ran out: nothing was graded. */
  grade?: Grade;
  correct: boolean;
  timedOut: boolean;
  elapsedMs: number;
  /** Undefined when crammed or timed out (the schedule does not move). */
  nextDueAt?: number;
  previousSchedule?: ItemSchedule;
  /** Whether this answer put the item at the end of the queue again: a miss's retry, or a timed-out item's replay. */
  queuedRetry: boolean;
  /** A second showing after a miss: listed, not scored. */
  retry: boolean;
  /** A second showing after the time ran out: scored as the item's answer. */
  replay?: boolean;
  /** For a claimed answer, the rejected one it replaces. */
  claimed?: GradedAnswer;
  saved: SaveStatus;
}

/** One place in the queue: the question, and whether it is asked again after a miss or after its time ran out. */
export interface QueueSlot {
  question: Question;
  retry: boolean;
  replay?: boolean;
}

/** An item the learner suspended or buried during the session, with what an undo restores. */
export interface HeldInSession {
  entry: ItemActionEntry & { type: 'suspend' | 'bury' };
  question: Question;
  /** The queue, the place in it and the phase before the item left the queue. */
  before: Pick<SessionState, 'queue' | 'index' | 'phase'>;
  /** The session's entry count when it was held: which of an answer and a hold came last. */
  order: number;
  saved: SaveStatus;
}

/** The whole state of a running session; every change goes through the functions of session.ts. */
export interface SessionState {
  setup: SessionSetup;
  queue: QueueSlot[];
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
  /** Items suspended or buried in this session, oldest first (an undo takes the last one back). */
  holds: HeldInSession[];
  /** Set after a hold, or after an undo of one, to say which item left or came back. */
  lastHold?: { held: HeldInSession; undone: boolean };
  entryCount: number;
  endedBy?: 'completed' | 'time-up' | 'quit';
  endedAt?: number;
}

/** A new state and the log entries to write (in order) before showing it. */
export interface Transition {
  state: SessionState;
  entries: LogEntry[];
}

/** The question on screen, if any. */
export function currentQuestion(state: SessionState): Question | undefined {
  return state.phase === 'finished' ? undefined : state.queue[state.index]?.question;
}

/** Moves to the next item in the queue, or ends the session when none is left or its time is up. */
export function advance(state: SessionState, nowMs: number): SessionState {
  const index = state.index + 1;
  if (index >= state.queue.length) return finish(state, 'completed', nowMs);
  if (state.sessionDeadlineAt !== undefined && nowMs >= state.sessionDeadlineAt) return finish(state, 'time-up', nowMs);
  return showItem(state, index, nowMs);
}

/** Shows the item at `index` with a fresh countdown. */
export function showItem(state: SessionState, index: number, nowMs: number): SessionState {
  const { revealedAt: _r, ...rest } = state;
  const limit = state.queue[index]!.question.timeLimitMs;
  return { ...rest, index, phase: 'asking', itemShownAt: nowMs, itemDeadlineAt: nowMs + limit };
}

/** Ends the session. */
export function finish(state: SessionState, endedBy: NonNullable<SessionState['endedBy']>, nowMs: number): SessionState {
  return { ...state, phase: 'finished', endedBy, endedAt: nowMs };
}

/** The id of the session's next log entry (`offset` 1 for the one after it). */
export function entryId(state: SessionState, offset = 0): string {
  return `${state.setup.sessionId}-${state.entryCount + 1 + offset}`;
}

/** Whether the item is asked again later in the queue than `index`. */
export function askedLater(state: SessionState, itemId: string, index: number): boolean {
  return state.queue.slice(index + 1).some((other) => other.question.item.id === itemId);
}
