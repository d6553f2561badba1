import type { GradedAnswer, SessionState } from '../../core/quiz/session/session.js';
import type { HeldInSession } from '../../core/quiz/session/session-state.js';
import type { SessionSummary } from '../../core/quiz/session/summary.js';
import type { Question } from '../../core/quiz/types.js';
import type { PreparedQuiz } from '../../app/study/prepare-quiz.js';
import type { ItemSource } from '../../app/study/item-source.js';

/** What the plain quiz loop tells the learner; one implementation prints text, the other JSON lines. */
export interface QuizReporter {
  start(prepared: PreparedQuiz, state: SessionState): void;
  /** A new item on screen, with its card file and line when the card is loaded. */
  item(state: SessionState, question: Question, source?: { path: string; line: number }): void;
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
  /** The learner suspended (`:s`) or buried (`:b`) the item on screen; its `saved` says whether the log entry reached the disk. */
  held(held: HeldInSession): void;
  /** `:u` took back the last suspension or burial: the item is in the session again. */
  holdUndone(held: HeldInSession, saved: boolean): void;
  /** What `:e` did with the item's card: opened the editor, or where and how to edit it. */
  edit(report: EditReport): void;
  /** After a timeout with a person typing: the next line only moves on, so a late answer is not taken for the next item. */
  timeUpPause(): void;
  summary(summary: SessionSummary, prepared: PreparedQuiz): void;
}

/** What `:e` can do with the item on screen: open the editor, print where to edit, or say how to copy a bundled card. */
export type EditReport =
  | { kind: 'no-card'; itemId: string }
  | { kind: 'bundled'; source: ItemSource; advice: string }
  | { kind: 'hint'; source: ItemSource; command: string }
  | { kind: 'edited'; source: ItemSource; command: string; changed: boolean; failed?: string };
