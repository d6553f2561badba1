import { lazyModule } from './lazy.js';

// Everything the home screen's first frame does not draw loads in its own chunk, right after that frame.
/** The reader screen. */
export const READER = lazyModule(() => import('./screens/reader/reader-screen.js'));
/** The simulator screen, with the resolver engine. */
export const SIMULATOR = lazyModule(() => import('./screens/simulator/simulator-screen.js'));
/** The card and simulator side by side. */
export const SPLIT = lazyModule(() => import('./screens/split/split-screen.js'));
/** Markdown rendering, for the card preview. */
export const MARKDOWN = lazyModule(() => import('../core/markdown/render-markdown.js'));
/** The search engine (the index comes from the card service). */
export const SEARCH = lazyModule(async () => ({ ...(await import('../core/search/search.js')), ...(await import('../core/search/search-index.js')) }));

/** The quiz screen. */
export const QUIZ = lazyModule(() => import('./screens/quiz/quiz-screen.js'));
/** The statistics screen. */
export const STATS = lazyModule(() => import('./screens/stats/stats-screen.js'));

/** Loads every lazy module; called once the first frame is on screen, so later screens open at once. */
export function preloadModules(): Promise<unknown> {
  // Best effort: a module that fails here is loaded again, and its error shown, when its screen opens.
  return Promise.allSettled([SEARCH, MARKDOWN, READER, SIMULATOR, SPLIT].map((lazy) => lazy.load()));
}
