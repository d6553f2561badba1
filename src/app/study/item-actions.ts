import { ITEM_ACTION_VERSION, type ItemAction, type ItemActionEntry } from '../../core/quiz/progress/log-entry.js';
import { isHeld, type ItemHold } from '../../core/quiz/progress/tracks.js';
import type { QuizItem } from '../../core/quiz/types.js';
import { UserError } from '../errors.js';
import { openReviewLog } from '../../io/progress/review-log-writer.js';
import { replayProgress } from './progress-replay.js';
import { findQuizItem } from './quiz-bank.js';
import { newSessionId } from './session-id.js';
import type { StudyContext } from './study-context.js';
import { loadStudyItems } from './study-data.js';

/** What an action outside a session did: the item, the entry written, and how the item was held before. */
export interface ItemActionResult {
  item: QuizItem;
  entry: ItemActionEntry;
  before?: ItemHold;
}

/**
 * Suspends, unsuspends or buries one item by id (`swelearn quiz --unsuspend ID`, the stats screen) with one
 * log entry, durable before this returns; unsuspending an item nothing holds back is an error that says so.
 */
export async function applyItemAction(study: StudyContext, itemId: string, action: ItemAction, nowMs: number): Promise<ItemActionResult> {
  const cards = await study.cards.cards();
  const items = await loadStudyItems(study, cards);
  const item = findQuizItem(items, itemId);
  const replayed = replayProgress(study, items);
  const before = replayed.view.items.get(item.id)?.hold;
  const heldNow = isHeld(before, nowMs);
  if (action === 'unsuspend' && !heldNow) throw new UserError(`item ${item.id} is not suspended or buried; nothing to bring back`);
  if (action === 'suspend' && before?.suspended) throw new UserError(`item ${item.id} is already suspended${before.suspended.by === 'leech' ? ' (as a leech)' : ''}`);
  const session = newSessionId(nowMs);
  const entry: ItemActionEntry = { v: ITEM_ACTION_VERSION, type: action, id: `${session}-1`, at: new Date(nowMs).toISOString(), session, item: item.id, card: item.cardId, text: item.text };
  const opened = openReviewLog(study.environment.paths.progress);
  if (!opened.ok) throw new UserError(`cannot ${action} ${item.id}: ${opened.reason}`);
  try {
    const written = opened.writer.append([entry]);
    if (!written.ok) throw new UserError(`cannot ${action} ${item.id}: ${written.reason}`);
  } finally {
    opened.writer.close();
  }
  return { item, entry, ...(before ? { before } : {}) };
}
