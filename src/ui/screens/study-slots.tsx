import { Box, Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import type { StudyStats } from '../../core/quiz/stats.js';
import type { QuizRequest } from '../app-state.js';
import { useKeys } from '../hooks/use-keys.js';
import type { Feature } from '../keymap.js';
import { useLazy } from '../lazy.js';
import { QUIZ, STATS } from '../lazy-modules.js';
import { useNavigator } from '../nav.js';
import { useServices } from '../services.js';
import type { QuizLaunch, StudyPort } from '../study.js';
import type { StudyBadge } from '../services.js';
import { useTheme } from '../theme.js';

/** The study features the app has: on when the progress store is wired in. */
export function studyFeatures(study: StudyPort | undefined): Feature[] {
  return study ? ['quiz', 'stats'] : [];
}

type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; message: string };

function useLoaded<T>(load: (() => Promise<T>) | undefined): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>(load ? { state: 'loading' } : { state: 'failed', message: 'the progress store is not available' });
  useEffect(() => {
    if (!load) return;
    let live = true;
    load().then(
      (value) => live && setLoaded({ state: 'ready', value }),
      (error: unknown) => live && setLoaded({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
    // The request is fixed for the screen's life: load once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return loaded;
}

/** The quiz screen (issue 7) in the shell: prepares a session, runs it, and goes back or opens a card when it ends. */
export function QuizSlot({ request, width, height, live }: { request: QuizRequest; width: number; height: number; live: () => boolean }) {
  const { study } = useServices();
  const theme = useTheme();
  const nav = useNavigator();
  const quiz = useLazy(QUIZ);
  const launch = useLoaded<QuizLaunch | { nothing: string }>(study ? () => study.prepareQuiz(request.cardId) : undefined);
  const offsetMs = launch.state === 'ready' && 'session' in launch.value ? launch.value.clockOffsetMs : undefined;
  // One clock for the session's life: the quiz's countdowns subscribe to it.
  const clock = useMemo(() => (quiz && offsetMs !== undefined ? quiz.systemClock(offsetMs) : undefined), [quiz, offsetMs]);
  if (launch.state !== 'ready' || !('session' in launch.value) || !quiz || !clock) {
    const message = launch.state === 'failed' ? `No quiz: ${launch.message}` : launch.state === 'ready' && 'nothing' in launch.value ? launch.value.nothing : `Preparing the quiz${theme.glyphs.ellipsis}`;
    return <StudyMessage message={message} live={live} />;
  }
  const ready = launch.value;
  const close = () => {
    ready.close();
    // The answers just given change the cards' study states: read them again when the list shows next.
    if (study) badgeLoads.delete(study);
  };
  return (
    <quiz.QuizScreen
      session={ready.session}
      clock={clock}
      record={ready.record}
      color={theme.colour}
      ascii={theme.ascii}
      width={Math.max(20, width - 1)}
      height={height}
      isActive
      onExit={() => {
        close();
        nav.back();
      }}
      onOpenCard={(cardId, sectionName) => {
        close();
        nav.back();
        nav.openCard(cardId, sectionName);
      }}
    />
  );
}

/** The statistics screen (issue 7) in the shell. */
export function StatsSlot({ width, height, live }: { width: number; height: number; live: () => boolean }) {
  const { study } = useServices();
  const theme = useTheme();
  const nav = useNavigator();
  const screen = useLazy(STATS);
  const stats = useLoaded<StudyStats>(study ? () => study.loadStats() : undefined);
  if (stats.state !== 'ready' || !screen) return <StudyMessage message={stats.state === 'failed' ? `No statistics: ${stats.message}` : `Reading your progress${theme.glyphs.ellipsis}`} live={live} />;
  return <screen.StatsScreen stats={stats.value} width={Math.max(20, width - 1)} height={height} ascii={theme.ascii} color={theme.colour} isActive onExit={() => nav.back()} />;
}

function StudyMessage({ message, live }: { message: string; live: () => boolean }) {
  const nav = useNavigator();
  useKeys('picker', ({ action }) => (action === 'back' ? nav.back() : action === 'help' ? nav.showHelp() : undefined), { isActive: live });
  return (
    <Box flexDirection="column">
      <Text>{message}</Text>
      <Text dimColor>Esc goes back.</Text>
    </Box>
  );
}

const badgeLoads = new WeakMap<StudyPort, Promise<ReadonlyMap<string, StudyBadge>>>();
// Reading the progress log and making every card's items takes a few hundred milliseconds: it waits until the
// learner has had a moment to look, rather than holding up the first keystrokes.
const BADGE_DELAY_MS = 800;

/** Each card's study state from the progress store, loaded once after the first frame (an empty map until then). */
export function useStudyBadges(): (cardId: string) => StudyBadge | undefined {
  const { study, studyState } = useServices();
  const [badges, setBadges] = useState<ReadonlyMap<string, StudyBadge>>(new Map());
  useEffect(() => {
    if (!study || studyState) return;
    let live = true;
    const handle = setTimeout(() => {
      let load = badgeLoads.get(study);
      if (!load) badgeLoads.set(study, (load = study.cardStates()));
      load.then((loaded) => live && setBadges(loaded), () => undefined);
    }, BADGE_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(handle);
    };
  }, [study, studyState]);
  return studyState ?? ((cardId) => badges.get(cardId));
}
