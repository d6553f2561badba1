import { Box, useInput } from 'ink';
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { appReducer, currentRoute, INITIAL_APP, type AppAction, type AppState, type Route } from './app-state.js';
import { InputActivityContext, type InputActivity } from './input-activity.js';
import { createKeyBus, KeyBusContext, splitKeys } from './key-bus.js';
import type { Mode } from './keymap.js';
import { createStore, type Store } from './store.js';
import { preloadModules } from './lazy-modules.js';
import { StatusBar } from './components/status-bar.js';
import { TooSmall, MIN_COLUMNS, MIN_ROWS } from './components/too-small.js';
import { useKeys } from './hooks/use-keys.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { NavigatorContext, type Navigator } from './nav.js';
import { helpTitle, routeHelp, routeModes, routeTitle } from './route-modes.js';
import { ScreenSwitch } from './screen-switch.js';
import { HelpOverlay, helpRowCount } from './screens/help/help-overlay.js';
import { openReader } from './screens/reader/reader-state.js';
import { openSimulator } from './screens/simulator/simulator-state.js';
import { openQuiz } from './screens/quiz/quiz-route.js';
import { INITIAL_STATS } from './screens/stats/stats-state.js';
import { quizRequest } from '../app/study/quiz-request.js';
import { ServicesContext, useServices, whenCardsLoaded, type AppServices } from './services.js';
import { ThemeContext, useTheme, type Theme } from './theme.js';

/** What the app is given: the outside world, the look, and how to leave. */
export interface AppProps {
  services: AppServices;
  theme: Theme;
  /** Called once with the exit code: 0 after q, 130 after Ctrl-C. */
  onExit: (code: number) => void;
  initialState?: AppState;
}

/** The whole app: the contexts every screen reads, around the shell. */
export function App(props: AppProps) {
  return (
    <ThemeContext.Provider value={props.theme}>
      <ServicesContext.Provider value={props.services}>
        <Shell {...props} />
      </ServicesContext.Provider>
    </ThemeContext.Provider>
  );
}

/** The shell: a stack of screens, the help overlay and the status bar, laid out one row shorter than the terminal. */
function Shell({ services, theme, onExit, initialState }: AppProps) {
  const store = useMemo(() => createStore(appReducer, initialState ?? INITIAL_APP), [initialState]);
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const bus = useMemo(() => createKeyBus(), []);
  const size = useTerminalSize();
  const route = currentRoute(state);
  const nav = useMemo<Navigator>(() => makeNavigator(store, onExit, services), [store, onExit, services]);
  const modes = routeModes(route);
  const help = routeHelp(route);
  // The other screens' code loads as soon as the first frame is on screen, so opening them never waits.
  useEffect(() => {
    const handle = setTimeout(() => void preloadModules(), 0);
    return () => clearTimeout(handle);
  }, []);
  const tooSmall = size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;
  const tooSmallNow = useRef(tooSmall);
  tooSmallNow.current = tooSmall;
  // The one Ink input hook: Ctrl-C always quits; every other key goes to the screens one at a time.
  // Being always active, it also keeps raw mode on for the app's whole life.
  const activity = useMemo<InputActivity>(() => ({ lastKeyAt: Number.NEGATIVE_INFINITY }), []);
  useInput((input, key) => {
    activity.lastKeyAt = services.now();
    if (key.ctrl && input === 'c') return onExit(130);
    if (tooSmallNow.current) return input === 'q' ? onExit(0) : undefined;
    for (const [piece, pieceKey] of splitKeys(input, key)) bus.emit(piece, pieceKey);
  });

  // A frame as tall as the terminal makes Ink clear the screen on every render: keep one row free.
  const height = Math.max(1, size.rows - 1);
  const bodyHeight = Math.max(1, height - 1);
  return (
    <InputActivityContext.Provider value={activity}>
      <KeyBusContext.Provider value={bus}>
        <NavigatorContext.Provider value={nav}>
          <HelpKeys store={store} modes={help.modes} rows={size.rows} />
          <Box flexDirection="column" width={size.columns} height={height}>
            {tooSmall ? (
              <TooSmall columns={size.columns} rows={size.rows} />
            ) : (
              <>
                <Box height={bodyHeight} flexDirection="column">
                  {state.help.open ? (
                    <HelpOverlay title={helpTitle(route)} modes={help.modes} now={help.now} features={services.features} scroll={state.help.scroll} width={size.columns} height={bodyHeight} />
                  ) : (
                    <ScreenSwitch key={state.stack.length} route={route} store={store} width={size.columns} height={bodyHeight} />
                  )}
                </Box>
                <StatusBar modes={state.help.open ? ['help'] : modes} features={services.features} width={size.columns} right={state.help.open ? undefined : routeTitle(route)} />
              </>
            )}
          </Box>
        </NavigatorContext.Provider>
      </KeyBusContext.Provider>
    </InputActivityContext.Provider>
  );
}

// The help overlay's keys, first on the bus so they win while it is open.
function HelpKeys({ store, modes, rows }: { store: Store<AppState, AppAction>; modes: Mode[]; rows: number }) {
  const { features } = useServices();
  const theme = useTheme();
  useKeys(
    'help',
    ({ action }) => {
      if (action === 'close') return store.dispatch({ type: 'help', open: false });
      const max = Math.max(0, helpRowCount(modes, features, theme.glyphs) - (rows - 6));
      store.dispatch({ type: 'helpScroll', by: action === 'up' ? -1 : 1, max });
    },
    { isActive: () => store.getState().help.open },
  );
  return null;
}

function makeNavigator(store: Store<AppState, AppAction>, onExit: (code: number) => void, services: AppServices): Navigator {
  const { dispatch } = store;
  const push = (route: Route) => dispatch({ type: 'push', route });
  return {
    openCard: (cardId, section) => push({ kind: 'reader', reader: openReader(cardId, section) }),
    // A quiz the app opened at reads the cards after its first frame: its summary's sections open once they are in.
    replaceWithCard: (cardId, section) => whenCardsLoaded(services, () => dispatch({ type: 'replace', route: { kind: 'reader', reader: openReader(cardId, section) } })),
    openSimulator: (scenarioId) => push({ kind: 'simulator', sim: openSimulator(scenarioId) }),
    openCardWithScenario: (cardId, scenarioId) => dispatch({ type: 'openSplit', cardId, scenarioId }),
    openQuiz: (cardId) => {
      if (!services.features.has('quiz')) return;
      const count = services.study?.quizCount?.();
      push({ kind: 'quiz', quiz: openQuiz(quizRequest({ ...(cardId ? { card: cardId } : {}), ...(count === undefined ? {} : { count }) })) });
    },
    openStats: () => (services.features.has('stats') ? push({ kind: 'stats', stats: INITIAL_STATS }) : undefined),
    // Leaving the screen the app opened at (swelearn quiz, swelearn stats) leaves the app.
    back: () => (store.getState().stack.length > 1 ? dispatch({ type: 'back' }) : onExit(0)),
    quit: (code = 0) => onExit(code),
    showHelp: () => dispatch({ type: 'help', open: true }),
  };
}
