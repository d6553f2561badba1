// The quiz command's code that a session in the app never runs (the plain loop and its reporters, the listings, the
// held items with the statistics they read): one module, so the app's scripts load it as one chunk, on first use.
export { actOnItem, listHeldItems } from './held-items.js';
export { itemListJson, itemListTable } from './item-list.js';
export { jsonReporter } from './json-reporter.js';
export { runPlainQuiz } from './plain-runner.js';
export { textReporter } from './text-reporter.js';
export { listQuizItems } from '../../app/study/list-quiz-items.js';
