import type { Grade } from '../../../core/quiz/types.js';
import { currentQuestion } from '../../../core/quiz/session/session.js';
import { useKeys } from '../../hooks/use-keys.js';
import type { KeyHit, Mode } from '../../keymap.js';
import { QUIZ_MODES, quizKeyModes, type QuizRoute } from './quiz-route.js';
import type { QuizAction, QuizScreenState } from './quiz-state.js';

/** What a quiz key can ask of the screen besides a session action. */
export interface QuizKeyHandlers {
  dispatch(action: QuizAction): void;
  now(): number;
  /** The learner is done with the summary. */
  done(): void;
  /** A section of the summary's reread list was chosen, by its index. */
  reread(index: number): void;
  showHelp(): void;
  /** Edit the item on screen in its card. */
  edit(): void;
}

/** Routes keys through the quiz's key tables: the one in force follows what is on screen, so one key acts once. */
export function useQuizKeys(latest: () => QuizRoute, live: () => boolean, handlers: QuizKeyHandlers): void {
  for (const mode of QUIZ_MODES) {
    // A fixed list of key tables, so the hooks run in the same order on every render.
    useKeys(mode, (hit) => onQuizKey(hit, latest(), handlers), {
      isActive: () => live() && quizKeyModes(latest()).includes(mode),
      ...(mode === 'quizTyped' ? { onText: (edit) => handlers.dispatch({ type: 'edit', edit }) } : {}),
    });
  }
}

function onQuizKey(hit: KeyHit<Mode>, route: QuizRoute, handlers: QuizKeyHandlers): void {
  const state = route.screen;
  if (!state) return;
  const nowMs = handlers.now();
  const { dispatch } = handlers;
  switch (hit.action) {
    case 'help': return handlers.showHelp();
    case 'reveal': return dispatch({ type: 'reveal', nowMs });
    case 'grade': return dispatch({ type: 'grade', grade: Number(hit.input) as Grade, nowMs });
    case 'undo': return dispatch({ type: 'undo', nowMs });
    case 'claim': return dispatch({ type: 'claim', nowMs });
    case 'suspend':
    case 'bury':
      return dispatch({ type: 'hold', how: hit.action, nowMs });
    case 'edit': return handlers.edit();
    case 'end': return dispatch({ type: 'end', nowMs });
    case 'submit': return dispatch({ type: 'submit', nowMs });
    case 'clearOrEnd': return dispatch(state.input ? { type: 'edit', edit: { type: 'clear' } } : { type: 'end', nowMs });
    case 'erase':
    case 'eraseWord':
    case 'clear':
      return dispatch({ type: 'edit', edit: { type: hit.action } });
    case 'choose': return choose(state, hit.input.charCodeAt(0) - 97, nowMs, dispatch);
    case 'up': return dispatch({ type: 'move', by: -1 });
    case 'down': return dispatch({ type: 'move', by: 1 });
    case 'pick': return choose(state, state.highlight, nowMs, dispatch);
    case 'next': return dispatch({ type: 'continue', nowMs });
    case 'open': return handlers.reread(Number(hit.input) - 1);
    case 'done': return handlers.done();
  }
}

// A letter past the last option is not an answer.
function choose(state: QuizScreenState, index: number, nowMs: number, dispatch: (action: QuizAction) => void): void {
  const count = currentQuestion(state.session)?.choices?.length ?? 0;
  if (index >= 0 && index < count) dispatch({ type: 'choose', index, nowMs });
}
