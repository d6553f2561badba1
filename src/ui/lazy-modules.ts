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

/** Loads every lazy module, one at a time with a turn of the event loop between, so keys are read between compiles. */
export async function preloadModules(): Promise<void> {
  for (const lazy of [SEARCH, MARKDOWN, READER, SIMULATOR, SPLIT]) {
    // Best effort: a module that fails here is loaded again, and its error shown, when its screen opens.
    await lazy.load().catch(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
