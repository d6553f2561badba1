import type { HomeState } from './screens/home/home-state.js';
import { INITIAL_HOME } from './screens/home/home-state.js';
import type { QuizRoute } from './screens/quiz/quiz-route.js';
import { openReader, type ReaderState } from './screens/reader/reader-state.js';
import { openSimulator, type SimulatorState } from './screens/simulator/simulator-state.js';
import type { StatsRoute } from './screens/stats/stats-state.js';

/** One screen on the navigation stack, with its own state so going back restores it exactly. */
export type Route =
  | { kind: 'home'; home: HomeState }
  | { kind: 'reader'; reader: ReaderState }
  | { kind: 'simulator'; sim: SimulatorState }
  | { kind: 'split'; reader: ReaderState; sim: SimulatorState; focus: 'card' | 'sim' }
  | { kind: 'quiz'; quiz: QuizRoute }
  | { kind: 'stats'; stats: StatsRoute };

/** The whole app: the screen stack and the help overlay. */
export interface AppState {
  stack: Route[];
  help: { open: boolean; scroll: number };
}

/** Something that changes which screen is shown. */
export type AppAction =
  | { type: 'push'; route: Route }
  | { type: 'back' }
  | { type: 'replace'; route: Route }
  | { type: 'update'; update: (route: Route) => Route }
  | { type: 'openSplit'; cardId: string; scenarioId: string }
  | { type: 'closeSplit' }
  | { type: 'help'; open: boolean }
  | { type: 'helpScroll'; by: number; max: number };

/** The app as it opens: the home screen. */
export const INITIAL_APP: AppState = { stack: [{ kind: 'home', home: INITIAL_HOME }], help: { open: false, scroll: 0 } };

/** The app opened at one screen (`swelearn quiz` and `swelearn stats` in a terminal): leaving it leaves the app. */
export function appAt(route: Route): AppState {
  return { ...INITIAL_APP, stack: [route] };
}

/** The deepest the stack grows; following related links forever drops the oldest cards, never home. */
export const MAX_STACK = 32;

/** The next app state. */
export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'push': {
      const stack = [...state.stack, action.route];
      return { ...state, stack: stack.length > MAX_STACK ? [stack[0]!, ...stack.slice(stack.length - MAX_STACK + 1)] : stack };
    }
    case 'back':
      return state.stack.length > 1 ? { ...state, stack: state.stack.slice(0, -1) } : state;
    case 'replace':
      return { ...state, stack: [...state.stack.slice(0, -1), action.route] };
    case 'update': {
      const top = state.stack[state.stack.length - 1]!;
      const next = action.update(top);
      return next === top ? state : { ...state, stack: [...state.stack.slice(0, -1), next] };
    }
    case 'openSplit': {
      // From the card's reader the split takes its place, keeping where the card was scrolled to.
      const top = currentRoute(state);
      const reader = top.kind === 'reader' && top.reader.cardId === action.cardId ? { ...top.reader, picker: undefined, notice: undefined } : openReader(action.cardId);
      const split: Route = { kind: 'split', reader, sim: openSimulator(action.scenarioId), focus: 'sim' };
      return top.kind === 'reader' ? { ...state, stack: [...state.stack.slice(0, -1), split] } : appReducer(state, { type: 'push', route: split });
    }
    case 'closeSplit': {
      const top = currentRoute(state);
      return top.kind === 'split' ? { ...state, stack: [...state.stack.slice(0, -1), { kind: 'reader', reader: top.reader }] } : state;
    }
    case 'help':
      return { ...state, help: { open: action.open, scroll: 0 } };
    case 'helpScroll':
      return { ...state, help: { ...state.help, scroll: Math.max(0, Math.min(action.max, state.help.scroll + action.by)) } };
  }
}

/** The screen on top of the stack. */
export function currentRoute(state: AppState): Route {
  return state.stack[state.stack.length - 1]!;
}
