import type { Route } from './app-state.js';
import type { Mode } from './keymap.js';
import type { ReaderState } from './screens/reader/reader-state.js';
import type { SimulatorState } from './screens/simulator/simulator-state.js';

/** The key tables in force on a screen right now, most specific first; help and the status bar read them. */
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
    case 'stats':
      return [];
  }
}

/** The screen's name, as the help overlay titles it. */
export function routeTitle(route: Route): string {
  return { home: 'Home', reader: 'Reader', simulator: 'Simulator', split: 'Card and simulator', quiz: 'Quiz', stats: 'Statistics' }[route.kind];
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
