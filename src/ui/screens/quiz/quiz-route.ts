import type { QuizRequest } from '../../../app/study/quiz-request.js';
import type { QuizLaunch } from '../../../app/study/study-port.js';
// From the session's state module alone: the home screen's shell loads this route, and the session engine (answer judging, FSRS) waits for the quiz screen.
import { currentQuestion } from '../../../core/quiz/session/session-state.js';
import type { Mode } from '../../keymap.js';
import type { QuizScreenState } from './quiz-state.js';

/** The quiz on the navigation stack: what was asked for, the session once prepared, and its screen state. */
export interface QuizRoute {
  request: QuizRequest;
  /** Set once the session is prepared (or given by `swelearn quiz`, which prepares it before the app opens). */
  launch?: QuizLaunch;
  screen?: QuizScreenState;
  /** Why there is no session: nothing to study, or an error preparing it. */
  failure?: string;
}

/** The route's state for a request, with the session when it is already prepared. */
export function openQuiz(request: QuizRequest, launch?: QuizLaunch, screen?: QuizScreenState): QuizRoute {
  return { request, ...(launch ? { launch } : {}), ...(screen ? { screen } : {}) };
}

/** The key tables in force on the quiz: what is on screen decides them. */
export function quizKeyModes(quiz: QuizRoute): Mode[] {
  const mode = quizKeyMode(quiz);
  return mode === 'quizSummary' && (quiz.screen?.summary?.reread.length ?? 0) > 0 ? ['quizReread', mode] : [mode];
}

/** The main key table in force on the quiz. */
export function quizKeyMode(quiz: QuizRoute): Mode {
  const state = quiz.screen;
  if (!state) return 'message';
  if (state.summary) return 'quizSummary';
  const session = state.session;
  if (session.phase === 'feedback') return 'quizFeedback';
  if (session.phase === 'revealed') return 'quizRevealed';
  const question = currentQuestion(session);
  if (question?.mode === 'flashcard') return 'quizFlashcard';
  return question?.choices ? 'quizChoice' : 'quizTyped';
}

/** Every quiz key table, in the order help lists them. */
export const QUIZ_MODES: readonly Mode[] = ['quizFlashcard', 'quizRevealed', 'quizTyped', 'quizChoice', 'quizFeedback', 'quizSummary', 'quizReread'];

/** Whether the session's clock is running (the help says it stands still while open). */
export function quizRunning(quiz: QuizRoute): boolean {
  return quiz.screen !== undefined && quiz.screen.session.phase !== 'finished';
}
