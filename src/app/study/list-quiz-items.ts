import { dirname, relative, sep } from 'node:path';
import { modesFor, presentItem } from '../../core/quiz/items/present.js';
import type { QuizItem, QuizMode } from '../../core/quiz/types.js';
import { findQuizItem, loadQuizBank } from './quiz-bank.js';
import type { QuizRequest } from './quiz-request.js';
import type { StudyContext } from './study-context.js';

/** One item as `swelearn quiz --list` shows it, in one mode it can be asked in. */
export interface ListedItem {
  id: string;
  card: string;
  mode: QuizMode;
  /** What the learner sees: the front, the sentence with its blank, the stem, or the scenario and question. */
  prompt: string;
  answer: string;
  /** The other answers the card accepts, as written (none for a flashcard or a simulator step). */
  accepts: string[];
  /** The options of a choice or a simulator step, in the order asked with this seed; null otherwise. */
  options: string[] | null;
  /** For a simulator step, the lines shown before the question; null otherwise. */
  context: string[] | null;
  /** Where the item comes from: the card file (relative to the package for bundled cards) and line. */
  source: string;
}

/**
 * Every item of the cards the request picks (or the one it names), once per mode it can be asked in, or
 * only in the requested mode: as `quiz` would ask it with this seed, nothing asked and nothing written.
 */
export async function listQuizItems(study: StudyContext, request: QuizRequest, seed: number): Promise<ListedItem[]> {
  const bank = await loadQuizBank(study, request);
  const chosen = new Set(bank.chosen.map((card) => card.id));
  const items = request.item === undefined ? bank.items.filter((item) => chosen.has(item.cardId)) : [findQuizItem(bank.items, request.item)];
  const files = new Map(bank.cards.map((card) => [card.id, card.origin === 'bundled' ? relative(dirname(study.environment.bundledCardsDir()), card.path).split(sep).join('/') : card.path]));
  return items.flatMap((item) =>
    modesFor(item)
      .filter((mode) => request.mode === 'mixed' || mode === request.mode)
      .flatMap((mode) => {
        const question = presentItem(item, mode, bank.pool, seed);
        return question ? [listed(item, mode, question.prompt, question.answer, question.choices, files.get(item.cardId))] : [];
      }),
  );
}

function listed(item: QuizItem, mode: QuizMode, prompt: string, answer: string, choices: string[] | undefined, file: string | undefined): ListedItem {
  return {
    id: item.id, card: item.cardId, mode, prompt, answer,
    accepts: mode === 'cloze' || mode === 'choice' ? [...(item.term?.alternatives ?? [])] : [],
    options: choices ? [...choices] : null,
    context: mode === 'predict' ? [...(item.predict?.context ?? [])] : null,
    source: `${file ?? item.source.cardId}:${item.source.line}`,
  };
}
