import { ANSWER_ENTRY_VERSION, ITEM_ACTION_VERSION, type ItemActionEntry, type UndoEntry } from '../progress/log-entry.js';
import { entryId, finish, showItem, type HeldInSession, type SessionState, type Transition } from './session-state.js';

/** Whether the item on screen (or whose verdict is on screen) can be suspended or buried now. */
export function canHold(state: SessionState): boolean {
  return state.phase !== 'finished' && state.queue[state.index] !== undefined;
}

/**
 * Suspends or buries the item on screen: a log entry, and the item leaves this session's queue (a retry
 * queued for it too). Asked, it is not graded; on its verdict, the answer stands. An undo brings it back.
 */
export function holdItem(state: SessionState, action: 'suspend' | 'bury', nowMs: number): Transition {
  if (!canHold(state)) return { state, entries: [] };
  const question = state.queue[state.index]!.question;
  const item = question.item;
  const entry: ItemActionEntry & { type: 'suspend' | 'bury' } = {
    v: ITEM_ACTION_VERSION, type: action, id: entryId(state), at: new Date(nowMs).toISOString(), session: state.setup.sessionId,
    item: item.id, card: item.cardId, text: item.text,
  };
  const held: HeldInSession = { entry, question, before: { queue: state.queue, index: state.index, phase: state.phase }, order: state.entryCount, saved: 'pending' };
  // On a verdict the answered slot stays where it is; only the later showings of the item go.
  const firstRemoved = state.phase === 'feedback' ? state.index + 1 : state.index;
  const queue = state.queue.filter((slot, index) => index < firstRemoved || slot.question.item.id !== item.id);
  const { undone: _u, revealedAt: _r, ...rest } = state;
  const next: SessionState = { ...rest, queue, holds: [...state.holds, held], lastHold: { held, undone: false }, entryCount: state.entryCount + 1 };
  const index = firstRemoved;
  if (index >= queue.length) return { state: finish(next, 'completed', nowMs), entries: [entry] };
  if (next.sessionDeadlineAt !== undefined && nowMs >= next.sessionDeadlineAt) return { state: finish(next, 'time-up', nowMs), entries: [entry] };
  return { state: showItem(next, index, nowMs), entries: [entry] };
}

/** Takes back the last hold (when it came after the last answer): logs an undo and puts the item back where it was. */
export function undoHold(state: SessionState, held: HeldInSession, nowMs: number): Transition {
  const entry: UndoEntry = { v: ANSWER_ENTRY_VERSION, type: 'undo', id: entryId(state), at: new Date(nowMs).toISOString(), session: state.setup.sessionId, undoes: held.entry.id };
  const { endedBy: _e, endedAt: _a, undone: _u, ...open } = state;
  const restored: SessionState = { ...open, queue: held.before.queue, index: held.before.index, holds: state.holds.slice(0, -1), lastHold: { held, undone: true }, entryCount: state.entryCount + 1 };
  const timeUp = state.sessionDeadlineAt !== undefined && nowMs >= state.sessionDeadlineAt;
  if (timeUp) return { state: finish(restored, 'time-up', nowMs), entries: [entry] };
  // Held on its verdict: the verdict comes back; held while asked: the item is asked afresh.
  if (held.before.phase === 'feedback') return { state: { ...restored, phase: 'feedback' }, entries: [entry] };
  return { state: showItem(restored, held.before.index, nowMs), entries: [entry] };
}
