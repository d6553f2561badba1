import type { GradedAnswer, SessionState } from '../../core/quiz/session/session.js';
import type { SessionSummary } from '../../core/quiz/session/summary.js';
import type { Question } from '../../core/quiz/types.js';
import type { PreparedQuiz } from '../../app/study/prepare-quiz.js';

/** What the plain quiz loop tells the learner; one implementation prints text, the other JSON lines. */
export interface QuizReporter {
  start(prepared: PreparedQuiz, state: SessionState): void;
  item(state: SessionState, question: Question): void;
  askPrompt(question: Question, remainingMs: number): void;
  revealed(question: Question): void;
  gradePrompt(): void;
  invalidInput(expected: string): void;
  answered(answer: GradedAnswer, nowMs: number): void;
  undone(answer: GradedAnswer, saved: boolean): void;
  nothingToUndo(): void;
  /** The learner said a rejected answer was right (`:r`); `answer` is the claimed answer that replaced it. */
  claimed(answer: GradedAnswer, nowMs: number): void;
  /** `:r` with no rejected typed answer to claim. */
  nothingToClaim(): void;
  /** After a timeout with a person typing: the next line only moves on, so a late answer is not taken for the next item. */
  timeUpPause(): void;
  summary(summary: SessionSummary, prepared: PreparedQuiz): void;
}
