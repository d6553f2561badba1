import type { Question } from '../types.js';
import { finish, showItem, type SessionState } from './session-state.js';

/**
 * Puts an edited item's question in place of the old one in every slot of the queue (its schedule follows it
 * to the new id), or when the item is gone drops its slots after the one on screen and, if it was being
 * asked, moves on to the next item. The item on screen is asked afresh from `nowMs`.
 */
export function replaceItem(state: SessionState, oldId: string, question: Question | undefined, nowMs: number): SessionState {
  const current = state.queue[state.index];
  if (!current || state.phase === 'finished') return state;
  const onScreen = current.question.item.id === oldId;
  if (question) {
    const queue = state.queue.map((slot) => (slot.question.item.id === oldId ? { ...slot, question } : slot));
    const { [oldId]: schedule, ...others } = state.schedules;
    const moved: SessionState = { ...state, queue, schedules: { ...others, [question.item.id]: schedule } };
    return onScreen && state.phase !== 'feedback' ? showItem(moved, state.index, nowMs) : moved;
  }
  const keepsCurrent = state.phase === 'feedback' || !onScreen;
  const queue = state.queue.filter((slot, index) => index < state.index || (index === state.index && keepsCurrent) || slot.question.item.id !== oldId);
  const next: SessionState = { ...state, queue };
  if (keepsCurrent) return next;
  return state.index >= queue.length ? finish(next, 'completed', nowMs) : showItem(next, state.index, nowMs);
}
