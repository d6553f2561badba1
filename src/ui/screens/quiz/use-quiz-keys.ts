import { useInput, type Key } from 'ink';
import type { SessionSummary } from '../../../core/quiz/summary.js';
import { splitKeys } from '../../key-bus.js';
import type { QuizClock } from './quiz-clock.js';
import { resolveQuizKey } from './quiz-keys.js';
import type { QuizAction, QuizScreenState } from './quiz-state.js';

/** Maps keys to quiz actions; exit and "open this section" go to the screen's owner. */
export function useQuizKeys(
  getState: () => QuizScreenState,
  dispatch: (action: QuizAction) => void,
  clock: QuizClock,
  handlers: { onExit: (summary: SessionSummary) => void; onOpenCard?: (cardId: string, sectionName: string) => void; isActive: boolean },
): void {
  // Returns false once the screen is handed back to its owner, so no later key of the same read acts on it.
  const onKey = (input: string, key: Key): boolean => {
    const state = getState();
    const command = resolveQuizKey(state, input, key, clock.now());
    if (!command) return true;
    if (command.type === 'exit') {
      if (state.summary) handlers.onExit(state.summary);
      return !state.summary;
    }
    if (command.type === 'open') {
      const section = state.summary?.reread[command.index];
      if (section) handlers.onOpenCard?.(section.cardId, section.sectionName);
      return !section;
    }
    dispatch(command);
    return true;
  };
  // One read can hold several keys (an answer and Enter typed quickly, or a paste): each acts alone, in order.
  useInput(
    (input, key) => {
      for (const [piece, pieceKey] of splitKeys(input, key)) if (!onKey(piece, pieceKey)) return;
    },
    { isActive: handlers.isActive },
  );
}
