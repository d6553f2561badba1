import { vi } from 'vitest';
import { quizRequest } from '../../../src/app/study/quiz-request.js';
import type { QuizLaunch } from '../../../src/app/study/study-port.js';
import type { LogEntry } from '../../../src/core/quiz/progress/log-entry.js';
import type { RecordEntries } from '../../../src/core/quiz/session/record.js';
import type { SessionSetup } from '../../../src/core/quiz/session/session.js';
import type { SessionSummary } from '../../../src/core/quiz/session/summary.js';
import { appAt } from '../../../src/ui/app-state.js';
import { openQuiz } from '../../../src/ui/screens/quiz/quiz-route.js';
import { initialQuizState } from '../../../src/ui/screens/quiz/quiz-state.js';
import type { ThemeOptions } from '../../../src/ui/theme.js';
import type { Card } from '../../../src/core/cards/types.js';
import type { AppServices, CardEditor } from '../../../src/ui/services.js';
import { renderApp, type Harness } from '../app-harness.js';

/** The wall clock the quiz tests start at. */
export const T0 = Date.UTC(2026, 5, 1, 9);

/** A quiz session in the app as `swelearn quiz` opens it, with its writes and its closing recorded. */
export interface QuizApp extends Harness {
  written: LogEntry[];
  /** Each close of the launch, with the summary it was given. */
  closed: (SessionSummary | undefined)[];
  record: ReturnType<typeof vi.fn<RecordEntries>>;
  /** Moves the clock, firing the quiz's ticks on the way. */
  advance(ms: number): Promise<void>;
}

/**
 * The app opened at a quiz over `session` (the quiz is the first screen, so leaving it leaves the app),
 * with a clock that moves only when the test says: 90 columns and 20 rows for the quiz, as a 91x23 terminal gives.
 */
export async function quizApp(session: SessionSetup, options: { record?: RecordEntries; theme?: Partial<ThemeOptions>; columns?: number; rows?: number; cards?: Card[]; cardEditor?: CardEditor; cardsLater?: AppServices['cardsLater'] } = {}): Promise<QuizApp> {
  const written: LogEntry[] = [];
  const closed: (SessionSummary | undefined)[] = [];
  const record = vi.fn<RecordEntries>((entries) => {
    written.push(...entries);
    return options.record ? options.record(entries) : { ok: true };
  });
  const launch: QuizLaunch = { session, record, clockOffsetMs: 0, close: (summary) => void closed.push(summary) };
  const app = await renderApp({
    startMs: T0,
    columns: options.columns ?? 91,
    rows: options.rows ?? 23,
    ...(options.theme ? { theme: options.theme } : {}),
    ...(options.cards ? { cards: options.cards } : {}),
    ...(options.cardEditor ? { cardEditor: options.cardEditor } : {}),
    ...(options.cardsLater ? { cardsLater: options.cardsLater } : {}),
    initialState: appAt({ kind: 'quiz', quiz: openQuiz(quizRequest(), launch, initialQuizState(session, T0)) }),
  });
  const advance = async (ms: number) => {
    // The quiz arms its clock in an effect just after its first frame: a test must not move time before that.
    for (let waited = 0; app.timer.pending() === 0 && waited < 1000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
    await app.timer.advance(ms);
  };
  return Object.assign(app, { written, closed, record, advance });
}
