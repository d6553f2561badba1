import type { CardLibrary } from '../cards/card-library.js';
import type { AppEnvironment } from '../environment.js';

/** What every study service works with: the run's environment, its cards, and where warnings go. */
export interface StudyContext {
  environment: AppEnvironment;
  cards: CardLibrary;
  /** A problem the learner should hear about but that does not stop the work (a damaged log line, answers not saved). */
  warn(message: string): void;
}
