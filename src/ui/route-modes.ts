import type { Route } from './app-state.js';
import type { Mode } from './keymap.js';
import { QUIZ_MODES, quizKeyModes, quizRunning } from './screens/quiz/quiz-route.js';
import type { ReaderState } from './screens/reader/reader-state.js';
import type { SimulatorState } from './screens/simulator/simulator-state.js';

/** The key tables in force on a screen right now, most specific first; the status bar reads them. */
export function routeModes(route: Route): Mode[] {
  switch (route.kind) {
    case 'home':
      return [route.home.focus === 'search' ? 'homeSearch' : 'home'];
    case 'reader':
      return [readerMode(route.reader)];
    case 'simulator':
      return [simulatorMode(route.sim)];
    case 'split':
      return [route.focus === 'card' ? readerMode(route.reader) : simulatorMode(route.sim), 'split'];
    case 'quiz':
      return quizKeyModes(route.quiz);
    case 'stats':
      return [route.stats.stats ? 'stats' : 'message'];
  }
}

/** What the help lists: the tables in force, marked as such, then the screen's other tables (the quiz's, which change item by item). */
export function routeHelp(route: Route): { modes: Mode[]; now: readonly Mode[] } {
  const now = routeModes(route);
  if (route.kind !== 'quiz' || !route.quiz.screen) return { modes: now, now: [] };
  return { modes: [...now, ...QUIZ_MODES.filter((mode) => !now.includes(mode))], now };
}

/** The screen's name, as the status bar and the help overlay title it. */
export function routeTitle(route: Route): string {
  return { home: 'Home', reader: 'Reader', simulator: 'Simulator', split: 'Card and simulator', quiz: 'Quiz', stats: 'Statistics' }[route.kind];
}

/** The help overlay's title: the screen's, and whether a quiz's clock stands still meanwhile. */
export function helpTitle(route: Route): string {
  return route.kind === 'quiz' && quizRunning(route.quiz) ? 'Quiz (the clock is paused)' : routeTitle(route);
}

function readerMode(reader: ReaderState): Mode {
  if (reader.find.editing) return 'readerSearch';
  return reader.picker ? 'picker' : 'reader';
}

function simulatorMode(sim: SimulatorState): Mode {
  switch (sim.view) {
    case 'pick': return 'scenarios';
    case 'custom': return 'customQuery';
    case 'transcript': return 'transcript';
    case 'run': return sim.menu ? 'whatIf' : 'simulator';
  }
}
