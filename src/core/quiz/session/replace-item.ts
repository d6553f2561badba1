import { presentItem } from '../items/present.js';
import { matchEditedItems } from '../progress/match-edits.js';
import type { Question, QuizItem } from '../types.js';
import { finish, showItem, type SessionState } from './session-state.js';

/** What an edit of a card did to an item of the session: the item it became, or gone (its point was removed). */
export type EditedItem = { kind: 'same' } | { kind: 'changed'; item: QuizItem } | { kind: 'removed' };

/** Finds what `old` became among the card's items after an edit: the same id, or the most similar point (edit matching). */
export function findEditedItem(old: QuizItem, items: readonly QuizItem[]): EditedItem {
  const same = items.find((item) => item.id === old.id);
  if (same) return same.text === old.text && same.front === old.front && same.back === old.back ? { kind: 'same' } : { kind: 'changed', item: same };
  const mapped = matchEditedItems([old], items).get(old.id);
  const item = mapped === undefined ? undefined : items.find((candidate) => candidate.id === mapped);
  return item ? { kind: 'changed', item } : { kind: 'removed' };
}

/** The question of an edited item in the same mode and time limit; a choice keeps its wrong options around the new answer. */
export function representQuestion(question: Question, item: QuizItem): Question | undefined {
  const wrong = question.choices?.filter((_, index) => index !== question.correctIndex) ?? [];
  const pool = { distractors: new Map([[item.id, wrong]]) };
  return presentItem(item, question.mode, pool, 0, { perItemMs: question.timeLimitMs });
}

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
