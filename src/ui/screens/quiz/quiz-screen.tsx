/**
 * The quiz screen: one timed session, then its summary.
 *
 *   <QuizScreen
 *     session={setup}            // SessionSetup from core/quiz/session; cli/quiz/setup.ts prepareQuiz(ctx, flags, now, seed)
 *                                // builds it from the cards and the log, with the same filters as `swelearn quiz`
 *     clock={systemClock()}      // QuizClock: now() and every(ms, fn); tests pass a manual clock
 *     record={(entries) => ...}  // writes log entries durably and returns { ok } or { ok: false, reason }; called
 *                                // synchronously before the verdict is drawn (cli/quiz/recorder.ts makeRecorder over
 *                                // prepareQuiz's progress.writer; close the writer when the screen is done)
 *     onExit={(summary) => ...}  // the learner is done with the summary (Enter, q or Esc there)
 *     onOpenCard={(cardId, sectionName) => ...}  // a "reread" section was picked on the summary (keys 1-9)
 *     width={80} height={23}     // the space the screen may use; keep height below the terminal's rows
 *     color={true}               // false under NO_COLOR / --no-color: markers and inverse instead of colour
 *     ascii={false}              // --ascii / SWELEARN_ASCII: the app's own marks, arrows and separators in plain ASCII
 *                                // (the card's text is drawn as written)
 *     isActive={true}            // false while another screen or overlay owns the keyboard
 *   />
 *
 * Keys (QUIZ_KEYS in quiz-keys.ts, also for a help overlay): space reveals, 1-4 grade Again/Hard/Good/Easy,
 * a-d or arrows and Enter answer a choice, typing and Enter answer a cloze, u undoes the last grade, Esc ends
 * the session. Esc in the session shows the summary; it does not leave the screen. ? (except while typing an
 * answer) lists every key and stops the clock until ?, Esc, q or Enter closes the list.
 */
import { Box, Text } from 'ink';
import type { RecordEntries } from '../../../core/quiz/record.js';
import type { SessionSetup } from '../../../core/quiz/session.js';
import type { SessionSummary } from '../../../core/quiz/summary.js';
import { KeyHelpPanel } from '../../components/key-help-panel.js';
import { fitText } from '../../components/window.js';
import type { QuizClock } from './quiz-clock.js';
import { quizGlyphs } from './quiz-glyphs.js';
import { QuizItemView } from './quiz-item-view.js';
import { QUIZ_KEYS, keyContext, keyHints, quizHelpRows } from './quiz-keys.js';
import type { QuizScreenState } from './quiz-state.js';
import { QuizSummaryView } from './quiz-summary-view.js';
import { useQuizKeys } from './use-quiz-keys.js';
import { useQuizSession } from './use-quiz-session.js';

export { QUIZ_KEYS };

/** What the quiz screen needs from its owner; see the comment at the top of this file. */
export interface QuizScreenProps {
  session: SessionSetup;
  clock: QuizClock;
  record: RecordEntries;
  onExit: (summary: SessionSummary) => void;
  onOpenCard?: (cardId: string, sectionName: string) => void;
  width?: number;
  height?: number;
  color?: boolean;
  ascii?: boolean;
  isActive?: boolean;
}

/** The quiz screen: the current item with its countdowns, or the session summary. */
export function QuizScreen({ session, clock, record, onExit, onOpenCard, width = 80, height = 23, color = true, ascii = false, isActive = true }: QuizScreenProps) {
  const { state, dispatch, getState } = useQuizSession(session, clock, record);
  useQuizKeys(getState, dispatch, clock, { onExit, ...(onOpenCard ? { onOpenCard } : {}), isActive });
  const glyphs = quizGlyphs(ascii);
  const hints = keyHints(state, glyphs);
  // Lines are cut here with the theme's ellipsis, so Ink never cuts them with its own "…".
  const fit = (text: string) => fitText(text, width, glyphs.ellipsis);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {state.help ? (
        <QuizKeyHelp state={state} width={width} height={height - 2} color={color} ascii={ascii} />
      ) : state.summary ? (
        <QuizSummaryView summary={state.summary} width={width} height={height - 2} color={color} ascii={ascii} />
      ) : (
        <QuizItemView state={state} width={width} height={height - 2} color={color} ascii={ascii} />
      )}
      {state.saveProblem ? (
        <Text color={color ? 'yellow' : undefined} bold wrap="truncate-end">
          {fit(`! not saved: ${state.saveProblem}`)}
        </Text>
      ) : state.notice ? (
        <Text color={color ? 'yellow' : undefined} wrap="truncate-end">
          {fit(state.notice)}
        </Text>
      ) : (
        <Text> </Text>
      )}
      <Text dimColor wrap="truncate-end">
        {fit(hints.map((hint) => [hint.keys, hint.help].filter(Boolean).join(' ')).join(` ${glyphs.separator} `))}
      </Text>
    </Box>
  );
}

/** Every quiz key, grouped by when it applies, starting at the group in force now. */
function QuizKeyHelp({ state, width, height, color, ascii }: { state: QuizScreenState; width: number; height: number; color: boolean; ascii: boolean }) {
  const { rows, nowRow } = quizHelpRows(keyContext(state), quizGlyphs(ascii));
  const title = state.session.phase === 'finished' ? 'Keys: Quiz' : 'Keys: Quiz (the clock is paused)';
  return <KeyHelpPanel title={title} rows={rows} top={nowRow} width={width} height={height} color={color} ascii={ascii} />;
}
