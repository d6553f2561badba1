import { copyAdvice, itemSource } from '../../../app/study/item-source.js';
import { currentQuestion } from '../../../core/quiz/session/session.js';
import type { Question } from '../../../core/quiz/types.js';
import type { ItemSource } from '../../../app/study/item-source.js';
import { cardMetas, type AppServices, type CardEditor } from '../../services.js';
import type { QuizClock } from './quiz-clock.js';
import type { QuizRoute } from './quiz-route.js';
import type { QuizAction } from './quiz-state.js';

/**
 * The quiz's edit key: a user's card opens in the editor at the item's line (the session's clock stands
 * still meanwhile), then the card is read again and the item on screen replaced by what it became, or
 * dropped when its point is gone. A bundled card is only named, with how to copy it; nothing changes.
 */
export async function editItemOnScreen(latest: () => QuizRoute, services: Pick<AppServices, 'cards' | 'cardsLater' | 'cardEditor'>, clock: QuizClock, dispatch: (action: QuizAction) => void): Promise<void> {
  const state = latest().screen;
  const question = state && currentQuestion(state.session);
  if (!question) return;
  const source = itemSource(cardMetas(services), question.item);
  const editor = services.cardEditor;
  if (!source) return dispatch({ type: 'itemNotice', text: `the card ${question.item.cardId} is not loaded: nothing to edit` });
  if (!source.editable) return dispatch({ type: 'itemNotice', text: copyAdvice(source, editor?.userCardsDir ?? 'your cards folder') });
  if (!editor) return dispatch({ type: 'itemNotice', text: `edit ${source.path}:${source.line} in your editor` });
  // The time in the editor is not the item's: the clock stands still until the card is read again.
  dispatch({ type: 'pause', nowMs: clock.now() });
  dispatch({ type: 'itemNotice', text: `opening ${source.path}:${source.line} in your editor...` });
  let outcome: QuizAction;
  try {
    outcome = await reloaded(editor, source, question, clock);
  } catch (error) {
    outcome = { type: 'itemNotice', text: `the card could not be read again: ${error instanceof Error ? error.message : String(error)}` };
  }
  dispatch({ type: 'resume', nowMs: clock.now() });
  dispatch(outcome);
}

async function reloaded(editor: CardEditor, source: ItemSource, question: Question, clock: QuizClock): Promise<QuizAction> {
  const ran = await editor.edit(source.path, source.line);
  if (!ran.ok) return { type: 'itemNotice', text: `not edited: ${ran.reason}` };
  // Edit matching and the question builder load with the first edit, not with the app.
  const { findEditedItem, representQuestion } = await import('../../../core/quiz/session/edited-item.js');
  const edited = findEditedItem(question.item, await editor.reloadItems(source.cardId));
  // A simulator step's question is built from the simulator, not from the card's text: it is read again next session.
  if (question.item.kind === 'predict') return { type: 'itemNotice', text: `edited ${source.path}: a simulator step is read again in the next session` };
  if (edited.kind === 'same') return { type: 'itemNotice', text: `unchanged: ${source.path}:${source.line}` };
  const replacement = edited.kind === 'changed' ? representQuestion(question, edited.item) : undefined;
  const text = replacement ? `edited: ${replacement.item.text}` : `that point is gone from ${source.cardId} after the edit: moving on`;
  // Applied after the resume, so an item asked afresh gets its whole time limit from then.
  return { type: 'replaceItem', oldId: question.item.id, ...(replacement ? { question: replacement } : {}), text, nowMs: clock.now() };
}
