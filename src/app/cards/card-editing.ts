import type { QuizItem } from '../../core/quiz/types.js';
import { runEditor, type EditorRun } from '../../io/run-editor.js';
import type { AppEnvironment } from '../environment.js';
import { editorCommand } from '../study/item-source.js';
import type { CardLibrary } from './card-library.js';

/** Editing a card from the quiz: the learner's editor at a line, and the card's items read again afterwards. */
export interface CardEditing {
  /** Where a bundled card should be copied to be changed. */
  userCardsDir: string;
  /** Runs $EDITOR (else $VISUAL, else vi) as `+LINE PATH` on the terminal; the caller releases the terminal first. */
  editAt(path: string, line: number): EditorRun;
  /** The key-point and practice-question items of a card, read again from its file. */
  reloadItems(cardId: string): Promise<QuizItem[]>;
}

/** The card editing of a run, over its library (which forgets its cards on each reload). */
export function openCardEditing(environment: AppEnvironment, library: CardLibrary, env: NodeJS.ProcessEnv = process.env): CardEditing {
  return {
    userCardsDir: environment.paths.userCards,
    editAt(path, line) {
      const { command, args } = editorCommand(env, path, line);
      return runEditor(command, args, env);
    },
    async reloadItems(cardId) {
      library.reload();
      const card = (await library.cards()).find((candidate) => candidate.id === cardId);
      // The item builder (and the Markdown lexer behind it) loads with the first edit, not with the app.
      const { generateItems } = await import('../../core/quiz/items/generate-items.js');
      return card ? generateItems([card]) : [];
    },
  };
}
