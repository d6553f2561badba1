// The study commands as one entry of the build (dist/study/commands.js): with five entries beside the
// app's, the shared code split into so many chunks that the app's first frame waited on 30 files.
export { runExport } from './export.js';
export { runImport } from './import.js';
// lint judges quiz items, which needs the Markdown lexer the entry leaves out.
export { runLint } from './lint.js';
export { runPlan } from './plan.js';
export { runQuiz } from './quiz.js';
export { runStats } from './stats.js';
