import { splitGlobalFlags } from './global-flags.js';
import { makeContext } from './make-context.js';
import { openApp } from './open-app.js';
import { reportError } from './report-error.js';

/**
 * What bin/swelearn.js runs for `swelearn`, `swelearn stats` or `swelearn quiz`, with no other argument in a terminal:
 * the app (at home, or at the statistics or a quiz, as the commands open it) without loading the command bundle and
 * the study commands' bundles first: the quiz command's code is in the app's own scripts, which share the study code.
 */
export async function openAppFromBin(command?: 'stats' | 'quiz'): Promise<number> {
  const flags = splitGlobalFlags(command ? [command] : []);
  const ctx = makeContext(flags);
  try {
    if (command === 'quiz') return await (await import('./commands/quiz.js')).runQuiz([], ctx);
    if (command !== 'stats') return await openApp(ctx);
    // As runStats does first: a bad SWELEARN_NOW is a usage error before the app takes the screen.
    ctx.environment.clock();
    return await openApp(ctx, { at: 'stats' });
  } catch (error) {
    return reportError(error, flags, ctx);
  }
}
