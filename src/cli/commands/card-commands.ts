// The plain card commands, which the entry file includes directly (see main.ts).
export { runList } from './list.js';
export { runSearch } from './search.js';
export { runShow } from './show.js';
export { runPaths } from './paths.js';
