import type { RecordEntries } from '../../core/quiz/session/record.js';
import type { SessionSetup } from '../../core/quiz/session/session.js';
import type { StudyStats } from '../../core/quiz/progress/stats.js';
import type { SessionSummary } from '../../core/quiz/session/summary.js';
import { UserError } from '../errors.js';
import type { StudyBadge } from './card-states.js';
import type { PreparedQuiz } from './prepare-quiz.js';
import type { QuizRequest } from './quiz-request.js';
import { makeRecorder } from './recorder.js';
import type { StudyContext } from './study-context.js';

/** A quiz session ready for the quiz screen: its questions, where answers are written, and its clock's offset. */
export interface QuizLaunch {
  session: SessionSetup;
  record: RecordEntries;
  /** How far the study clock is from the wall clock (SWELEARN_NOW moves it, to try schedules out). */
  clockOffsetMs: number;
  /** Closes the review log once the screen is done with the session; given the summary when the session ended. */
  close(summary?: SessionSummary): void;
}

/** What the app asks of the study services: quizzes, statistics and each card's study state. */
export interface StudyPort {
  /** A session, or why there is nothing to ask now. */
  prepareQuiz(request: QuizRequest): Promise<QuizLaunch | { nothing: string }>;
  loadStats(): Promise<StudyStats>;
  /** Each card's state for the home list ("3 due", "new"). */
  cardStates(): Promise<ReadonlyMap<string, StudyBadge>>;
  /** How many items a quiz started in the app asks: count in the config file, else the default. */
  quizCount?(): number;
  /** Brings a suspended or buried item back (one log entry), then gives the statistics read again. */
  unsuspend?(itemId: string): Promise<StudyStats>;
}

/** The message for a quiz with nothing to ask. */
export const NOTHING_TO_STUDY = 'Nothing to study now: no item is due and no new item is left for today.';

/** The launch of a prepared session: its recorder over the log, closing the log when the screen is done. */
export function quizLaunch(prepared: PreparedQuiz, clockOffsetMs: number, onClose?: (summary?: SessionSummary) => void): QuizLaunch {
  // Only the writer is kept for close: the prepared quiz holds every item of every card, which the session no longer needs.
  const { writer } = prepared.progress;
  return {
    session: prepared.setup,
    record: makeRecorder(writer, prepared.progress.notSavingBecause),
    clockOffsetMs,
    close(summary) {
      writer?.close();
      onClose?.(summary);
    },
  };
}

/** How the app runs the services' heavy loads. */
export interface StudyPortOptions {
  /** Runs a load that allocates in a burst (items made, statistics or badges read); the app has the memory given back after it (ui/allocation-burst.ts). */
  burst?: <T>(work: () => Promise<T>) => Promise<T>;
}

/**
 * The study services as the app uses them. Their code (items, the simulator for predict items, the
 * scheduler) loads on first use, so the app's first frame never waits for it.
 */
export function openStudyPort(study: StudyContext, options: StudyPortOptions = {}): StudyPort {
  const burst = options.burst ?? ((work) => work());
  const clock = () => study.environment.clock();
  const data = () => import('./study-data.js').then(({ loadStudyView }) => loadStudyView(study));
  return {
    async prepareQuiz(request) {
      const { prepareQuiz } = await import('./prepare-quiz.js');
      try {
        const prepared = await burst(() => prepareQuiz(study, request, clock().now(), study.environment.sessionSeed()));
        if (prepared.setup.questions.length === 0) {
          prepared.progress.writer?.close();
          return { nothing: NOTHING_TO_STUDY };
        }
        return quizLaunch(prepared, clock().offsetMs);
      } catch (error) {
        if (UserError.is(error)) return { nothing: error.message };
        throw error;
      }
    },
    async loadStats() {
      const { loadStudyStats } = await import('./study-data.js');
      return burst(() => loadStudyStats(study, clock().now()));
    },
    quizCount: () => study.environment.settings().count.value,
    async unsuspend(itemId) {
      const [{ applyItemAction }, { loadStudyStats }] = await Promise.all([import('./item-actions.js'), import('./study-data.js')]);
      await applyItemAction(study, itemId, 'unsuspend', clock().now());
      return loadStudyStats(study, clock().now());
    },
    async cardStates() {
      return burst(async () => {
        const [{ cardStates }, loaded] = await Promise.all([import('./card-states.js'), data()]);
        return cardStates(loaded, clock().now());
      });
    },
  };
}
