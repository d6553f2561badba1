import { DEFAULT_QUIZ_COUNT } from '../../core/quiz/defaults.js';
import type { SessionMode } from '../../core/quiz/types.js';

/** A quiz someone asked for: from `swelearn quiz`'s flags, or from a key in the app. */
export interface QuizRequest {
  card?: string;
  topic?: string;
  tag?: string;
  mode: SessionMode;
  count: number;
  /** A limit on the whole session. */
  sessionMs?: number;
  /** A time limit per item, instead of each mode's own. */
  perItemMs?: number;
  /** Only items that are due. */
  due: boolean;
  /** Practise without changing the schedule. */
  cram: boolean;
  /** Ask just this item (an id from `swelearn quiz --list`), now, whatever its schedule. */
  item?: string;
}

/** The quiz modes, `mixed` being all of them. */
export const QUIZ_MODES = ['flashcard', 'cloze', 'choice', 'predict', 'mixed'] as const satisfies readonly SessionMode[];


/** A request with the defaults filled in: every card, every mode, 20 items, due and new. */
export function quizRequest(partial: Partial<QuizRequest> = {}): QuizRequest {
  return { mode: 'mixed', count: DEFAULT_QUIZ_COUNT, due: false, cram: false, ...partial };
}
