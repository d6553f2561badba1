import { Text } from 'ink';
import type { ReactNode } from 'react';
import { stripControl } from '../core/text/sanitize.js';
import type { AppAction, AppState, Route } from './app-state.js';
import { currentRoute } from './app-state.js';
import { useLazy, type LazyModule } from './lazy.js';
import { QUIZ, READER, SIMULATOR, SPLIT, STATS } from './lazy-modules.js';
import { HomeScreen } from './screens/home/home-screen.js';
import type { Store } from './store.js';
import { useKeys } from './hooks/use-keys.js';
import { useNavigator } from './nav.js';
import { useTheme } from './theme.js';

type Of<K extends Route['kind']> = Extract<Route, { kind: K }>;

/** Renders the screen on top of the stack; each screen changes only its own part of the route. */
export function ScreenSwitch({ route, store, width, height }: { route: Route; store: Store<AppState, AppAction>; width: number; height: number }) {
  const depth = store.getState().stack.length;
  // The screen has the keys while it is still the top of the same stack and the help is closed.
  const live = () => {
    const now = store.getState();
    return !now.help.open && now.stack.length === depth && currentRoute(now).kind === route.kind;
  };
  const latestOf = <K extends Route['kind']>(kind: K): Of<K> => {
    const top = currentRoute(store.getState());
    return (top.kind === kind ? top : route) as Of<K>;
  };
  const updateTop = <K extends Route['kind']>(kind: K, update: (route: Of<K>) => Of<K>) =>
    store.dispatch({ type: 'update', update: (current) => (current.kind === kind ? update(current as Of<K>) : current) });
  const common = { width, height, live };
  switch (route.kind) {
    case 'home':
      return <HomeScreen {...common} state={route.home} latest={() => latestOf('home').home} setState={(update) => updateTop('home', (r) => ({ ...r, home: update(r.home) }))} />;
    case 'reader':
      return <LazyScreen live={live} module={READER} render={({ ReaderScreen }) => <ReaderScreen {...common} state={route.reader} latest={() => latestOf('reader').reader} setState={(update) => updateTop('reader', (r) => ({ ...r, reader: update(r.reader) }))} />} />;
    case 'simulator':
      return <LazyScreen live={live} module={SIMULATOR} render={({ SimulatorScreen }) => <SimulatorScreen {...common} state={route.sim} latest={() => latestOf('simulator').sim} setState={(update) => updateTop('simulator', (r) => ({ ...r, sim: update(r.sim) }))} />} />;
    case 'split':
      return <LazyScreen live={live} module={SPLIT} render={({ SplitScreen }) => <SplitScreen {...common} route={route} latest={() => latestOf('split')} setRoute={(update) => updateTop('split', update)} onCloseScenario={() => store.dispatch({ type: 'closeSplit' })} />} />;
    case 'quiz':
      return <LazyScreen live={live} module={QUIZ} render={({ QuizScreen }) => <QuizScreen {...common} state={route.quiz} latest={() => latestOf('quiz').quiz} setState={(update) => updateTop('quiz', (r) => ({ ...r, quiz: update(r.quiz) }))} />} />;
    case 'stats':
      return <LazyScreen live={live} module={STATS} render={({ StatsScreen }) => <StatsScreen {...common} state={route.stats} latest={() => latestOf('stats').stats} setState={(update) => updateTop('stats', (r) => ({ ...r, stats: update(r.stats) }))} />} />;
  }
}

// A screen whose code is in a chunk of its own: drawn once the chunk is in (it is preloaded after the first frame).
function LazyScreen<M>({ module, render, live }: { module: LazyModule<M>; render: (module: M) => ReactNode; live: () => boolean }) {
  const loaded = useLazy(module);
  return loaded ? <>{render(loaded)}</> : <LazyFallback failure={module.error()} live={live} />;
}

// While the chunk loads (or after it failed) Esc still goes back and ? still helps: a key sent as soon as the
// screen's name is on the status bar, before its code is in, is not lost.
function LazyFallback({ failure, live }: { failure: Error | undefined; live: () => boolean }) {
  const { glyphs } = useTheme();
  const nav = useNavigator();
  useKeys('message', ({ action }) => (action === 'back' ? nav.back() : nav.showHelp()), { isActive: live });
  return failure ? <Text>This screen could not load: {stripControl(failure.message)}. Esc goes back.</Text> : <Text dimColor>Loading{glyphs.ellipsis} (Esc goes back)</Text>;
}
