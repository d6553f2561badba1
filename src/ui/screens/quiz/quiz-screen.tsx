import { Box, Text } from 'ink';
import { wrapSegments } from '../../../core/markdown/wrap.js';
import { stripControl } from '../../../core/text/sanitize.js';
import type { QuizLaunch } from '../../../app/study/study-port.js';
import { StudyMessage } from '../../components/study-message.js';
import { useLoadOnce } from '../../hooks/use-load-once.js';
import { forgetStudyBadges } from '../../hooks/use-study-badges.js';
import { fitText } from '../../components/window.js';
import { useNavigator } from '../../nav.js';
import type { ScreenProps } from '../../screen-props.js';
import { useServices } from '../../services.js';
import { useTheme } from '../../theme.js';
import { editItemOnScreen } from './quiz-edit.js';
import { QuizItemView } from './quiz-item-view.js';
import type { QuizRoute } from './quiz-route.js';
import { initialQuizState, type QuizScreenState } from './quiz-state.js';
import { QuizSummaryView } from './quiz-summary-view.js';
import { useQuizKeys } from './use-quiz-keys.js';
import { useQuizSession } from './use-quiz-session.js';

/**
 * The quiz: prepares the session its route asks for (unless `swelearn quiz` brought one), runs it on a
 * clock that stands still while the screen is covered, and ends with the summary. Keys come from the
 * keymap's quiz tables; Esc ends the session, and leaving the summary closes the review log.
 */
export function QuizScreen({ state, setState, latest, live, width, height }: ScreenProps<QuizRoute>) {
  const theme = useTheme();
  const nav = useNavigator();
  const services = useServices();
  const { study } = services;
  usePreparedSession(state, setState);
  const { clock, dispatch } = useQuizSession(latest, setState, state);
  const finish = (leave: () => void) => {
    const route = latest();
    route.launch?.close(route.screen?.summary);
    // The answers just given change the cards' study states: the list reads them again when it shows next.
    if (study) forgetStudyBadges(study);
    leave();
  };
  useQuizKeys(latest, live, {
    dispatch,
    now: () => clock?.now() ?? 0,
    done: () => finish(() => nav.back()),
    reread: (index) => {
      const section = latest().screen?.summary?.reread[index];
      if (section) finish(() => nav.replaceWithCard(section.cardId, section.sectionName));
    },
    showHelp: () => nav.showHelp(),
    edit: () => {
      if (clock) void editItemOnScreen(latest, services, clock, dispatch);
    },
  });
  if (!state.screen) {
    const message = state.failure ?? `Preparing the quiz${theme.glyphs.ellipsis}`;
    return <StudyMessage message={message} live={live} />;
  }
  return <QuizView state={state.screen} width={width} height={height} />;
}

/** The item or the summary, and under it why the last answer was not saved, or a notice (one about the item may take up to four rows). */
function QuizView({ state, width, height }: { state: QuizScreenState; width: number; height: number }) {
  const theme = useTheme();
  const fit = (text: string) => fitText(text, width, theme.glyphs.ellipsis);
  const notice = state.saveProblem ? [fit(`! not saved: ${state.saveProblem}`)] : state.notice ? [fit(state.notice)] : state.itemNotice ? noticeRows(state.itemNotice, width, theme.glyphs.ellipsis) : [' '];
  const body = height - notice.length;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {state.summary ? <QuizSummaryView summary={state.summary} width={width} height={body} /> : <QuizItemView state={state} width={width} height={body} />}
      {notice.map((row, index) => (
        <Text key={index} color={theme.tone.warn} bold={state.saveProblem !== undefined} wrap="truncate-end">
          {row}
        </Text>
      ))}
    </Box>
  );
}

// A notice about the item wraps to four rows at most, the last cut with the ellipsis.
function noticeRows(text: string, width: number, ellipsis: string): string[] {
  // It can name a file: a path is drawn without its control characters, like card text.
  const rows = wrapSegments([{ text: stripControl(text) }], Math.max(10, width)).map((line) => line.map((segment) => segment.text).join(''));
  return rows.length <= 4 ? rows : [...rows.slice(0, 3), fitText(`${rows[3]} ${rows.slice(4).join(' ')}`, width, ellipsis)];
}

// Asks the study services for the session once, unless the route already has one; a launch that
// arrives after the learner left is closed at once, so the review log is never left open.
function usePreparedSession(route: QuizRoute, setState: ScreenProps<QuizRoute>['setState']): void {
  const { study, now } = useServices();
  useLoadOnce(!route.launch && !route.failure, () => (study ? study.prepareQuiz(route.request) : Promise.reject(new Error('the progress store is not available'))), {
    loaded: (prepared) => setState((quiz) => ('session' in prepared ? launched(quiz, prepared, now() + prepared.clockOffsetMs) : { ...quiz, failure: prepared.nothing })),
    failed: (message) => setState((quiz) => ({ ...quiz, failure: `No quiz: ${message}` })),
    abandoned: (prepared) => ('session' in prepared ? prepared.close() : undefined),
  });
}

function launched(quiz: QuizRoute, launch: QuizLaunch, nowMs: number): QuizRoute {
  return { ...quiz, launch, screen: initialQuizState(launch.session, nowMs) };
}
