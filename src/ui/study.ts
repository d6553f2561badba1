import type { RecordEntries } from '../core/quiz/record.js';
import type { SessionSetup } from '../core/quiz/session.js';
import type { StudyStats } from '../core/quiz/stats.js';
import type { StudyBadge } from './services.js';

/** A quiz session ready for the quiz screen: its questions, where answers are written, and its clock's offset. */
export interface QuizLaunch {
  session: SessionSetup;
  record: RecordEntries;
  /** How far the study clock is from the wall clock (SWELEARN_NOW moves it, to try schedules out). */
  clockOffsetMs: number;
  /** Closes the review log once the session is over. */
  close(): void;
}

/** What the app asks of the progress store: quizzes, statistics and each card's study state. */
export interface StudyPort {
  /** A session over every card or one card, or why there is nothing to ask now. */
  prepareQuiz(cardId?: string): Promise<QuizLaunch | { nothing: string }>;
  loadStats(): Promise<StudyStats>;
  /** Each card's state for the home list ("3 due", "new"); loaded after the first frame. */
  cardStates(): Promise<ReadonlyMap<string, StudyBadge>>;
}
