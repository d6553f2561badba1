import { useInput } from 'ink';
import type { SessionSummary } from '../../../core/quiz/summary.js';
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
  useInput(
    (input, key) => {
      const state = getState();
      const command = resolveQuizKey(state, input, key, clock.now());
      if (!command) return;
      if (command.type === 'exit') {
        if (state.summary) handlers.onExit(state.summary);
        return;
      }
      if (command.type === 'open') {
        const section = state.summary?.reread[command.index];
        if (section) handlers.onOpenCard?.(section.cardId, section.sectionName);
        return;
      }
      dispatch(command);
    },
    { isActive: handlers.isActive },
  );
}
