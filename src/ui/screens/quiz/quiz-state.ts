import type { LogEntry } from '../../../core/quiz/progress/log-entry.js';
import { holdItem } from '../../../core/quiz/session/hold-item.js';
import { replaceItem } from '../../../core/quiz/session/replace-item.js';
import {
  canClaim, claimAnswer, continueSession, currentQuestion, gradeFlashcard, markSaved, quitSession, revealAnswer, shiftClock, startSession, submitAnswer, tick, undoLast,
  type SessionSetup, type SessionState, type Transition,
} from '../../../core/quiz/session/session.js';
import { summariseSession, type SessionSummary } from '../../../core/quiz/session/summary.js';
import type { Grade, Question } from '../../../core/quiz/types.js';
import { editText, type TextEdit } from '../../components/text-edit.js';

/** Everything the quiz screen shows, as one value: the session, the clock reading, the typed text, the summary. */
export interface QuizScreenState {
  session: SessionState;
  nowMs: number;
  /** What has been typed for a cloze. */
  input: string;
  /** The highlighted option of a choice. */
  highlight: number;
  summary?: SessionSummary;
  /** Entries the reducer produced that the hook must write before the state is shown. */
  outbox: LogEntry[];
  /** Why the last write failed, shown until a write succeeds. */
  saveProblem?: string;
  notice?: string;
  /** What was just done to the item (suspended, buried, brought back, edited): kept through the clock's ticks until the learner acts again. */
  itemNotice?: string;
  /** Set while the screen is not on show (the key help covers it, the terminal is too small): the session's clock stands still from then until it resumes. */
  pausedAt?: number;
}

/** What a key (or the clock) asks the screen to do. */
export type QuizAction =
  | { type: 'tick'; nowMs: number }
  | { type: 'edit'; edit: TextEdit }
  | { type: 'submit'; nowMs: number }
  | { type: 'move'; by: number }
  | { type: 'choose'; index: number; nowMs: number }
  | { type: 'reveal'; nowMs: number }
  | { type: 'grade'; grade: Grade; nowMs: number }
  | { type: 'continue'; nowMs: number }
  | { type: 'undo'; nowMs: number }
  | { type: 'claim'; nowMs: number }
  | { type: 'end'; nowMs: number }
  | { type: 'pause'; nowMs: number }
  | { type: 'resume'; nowMs: number }
  | { type: 'recorded'; ids: string[]; ok: boolean; reason?: string }
  | { type: 'hold'; how: 'suspend' | 'bury'; nowMs: number }
  | { type: 'itemNotice'; text: string }
  | { type: 'replaceItem'; oldId: string; question?: Question; text: string; nowMs: number };

// Actions that leave what the learner last did to the item on show: the clock, the typing, the writes.
const KEEPS_ITEM_NOTICE: ReadonlySet<QuizAction['type']> = new Set(['tick', 'edit', 'move', 'pause', 'resume', 'recorded']);

/** The screen's first state: the session started at `nowMs`. */
export function initialQuizState(setup: SessionSetup, nowMs: number): QuizScreenState {
  return finishIfDone({ session: startSession(setup, nowMs), nowMs, input: '', highlight: 0, outbox: [] }, nowMs);
}

/** The screen's pure transition function; log entries to write go to the outbox. */
export function quizReducer(state: QuizScreenState, action: QuizAction): QuizScreenState {
  const next = reduce(state, action);
  if (next === state) return state;
  const { itemNotice: _kept, ...rest } = next;
  const itemNotice = next.itemNotice ?? (KEEPS_ITEM_NOTICE.has(action.type) ? state.itemNotice : undefined);
  return itemNotice === undefined ? rest : { ...rest, itemNotice };
}

function reduce(state: QuizScreenState, action: QuizAction): QuizScreenState {
  const { notice: _notice, itemNotice: _itemNotice, ...base } = state;
  switch (action.type) {
    case 'tick':
      // The countdowns stand still while paused: shiftClock makes up for the pause when it resumes.
      if (state.pausedAt !== undefined) return state;
      return apply({ ...base, nowMs: action.nowMs }, tick(state.session, action.nowMs), action.nowMs);
    case 'edit':
      return { ...base, input: editText(state.input, action.edit) };
    case 'submit':
      return apply(base, submitAnswer(state.session, state.input, action.nowMs), action.nowMs);
    case 'move': {
      const count = currentQuestion(state.session)?.choices?.length ?? 0;
      return count === 0 ? base : { ...base, highlight: (state.highlight + action.by + count) % count };
    }
    case 'choose':
      return apply(base, submitAnswer(state.session, String.fromCharCode(97 + action.index), action.nowMs), action.nowMs);
    case 'reveal':
      return { ...base, nowMs: action.nowMs, session: revealAnswer(state.session, action.nowMs) };
    case 'grade':
      return apply(base, gradeFlashcard(state.session, action.grade, action.nowMs), action.nowMs);
    case 'continue':
      return finishIfDone(reset({ ...base, nowMs: action.nowMs, session: continueSession(state.session, action.nowMs) }), action.nowMs);
    case 'undo': {
      if (state.session.answers.length === 0 && state.session.holds.length === 0) return { ...base, notice: 'nothing to undo yet' };
      const { summary: _summary, ...open } = base;
      const undone = apply(open, undoLast(state.session, action.nowMs), action.nowMs);
      const back = undone.session.lastHold;
      return back?.undone && back !== state.session.lastHold ? { ...undone, itemNotice: `brought back: ${back.held.question.item.text}` } : undone;
    }
    case 'hold': {
      const held = apply(base, holdItem(state.session, action.how, action.nowMs), action.nowMs);
      const hold = held.session.lastHold;
      if (held.session === state.session || !hold) return base;
      // u is text while a cloze is typed: the undo key there is Ctrl-Z.
      const typing = held.session.phase === 'asking' && currentQuestion(held.session)?.mode === 'cloze';
      return { ...held, itemNotice: `${action.how === 'suspend' ? 'suspended' : 'buried until tomorrow'}: ${hold.held.question.item.text} (${typing ? 'Ctrl-Z' : 'u'} to undo)` };
    }
    case 'itemNotice':
      return { ...base, itemNotice: action.text };
    case 'replaceItem':
      return finishIfDone(reset({ ...base, nowMs: action.nowMs, session: replaceItem(state.session, action.oldId, action.question, action.nowMs), itemNotice: action.text }), action.nowMs);
    case 'claim': {
      if (!canClaim(state.session.answers.at(-1))) return { ...base, notice: 'only a typed answer the check rejected can be counted right' };
      return apply(base, claimAnswer(state.session, action.nowMs), action.nowMs);
    }
    case 'end':
      return finishIfDone({ ...base, session: quitSession(state.session, action.nowMs) }, action.nowMs);
    case 'pause':
      // A finished session has no clock to stop.
      return state.pausedAt !== undefined || state.session.phase === 'finished' ? state : { ...base, pausedAt: action.nowMs };
    case 'resume': {
      if (state.pausedAt === undefined) return state;
      const { pausedAt: _paused, ...resumed } = base;
      return { ...resumed, nowMs: action.nowMs, session: shiftClock(state.session, action.nowMs - state.pausedAt) };
    }
    case 'recorded': {
      const { saveProblem: _problem, ...rest } = base;
      const session = markSaved(state.session, action.ids, action.ok);
      const withSession = { ...rest, session, ...(state.summary ? { summary: summariseSession(session, state.nowMs) } : {}) };
      return action.ok ? withSession : { ...withSession, saveProblem: action.reason ?? 'the log could not be written' };
    }
  }
}

function apply(state: QuizScreenState, transition: Transition, nowMs: number): QuizScreenState {
  if (transition.state === state.session) return { ...state, nowMs };
  const moved = transition.state.index !== state.session.index || transition.state.phase !== state.session.phase;
  const next = { ...state, nowMs, session: transition.state, outbox: [...state.outbox, ...transition.entries] };
  return finishIfDone(moved ? reset(next) : next, nowMs);
}

function reset(state: QuizScreenState): QuizScreenState {
  return { ...state, input: '', highlight: 0 };
}

function finishIfDone(state: QuizScreenState, nowMs: number): QuizScreenState {
  if (state.session.phase !== 'finished') {
    const { summary: _summary, ...open } = state;
    return open;
  }
  return { ...state, summary: summariseSession(state.session, nowMs) };
}
