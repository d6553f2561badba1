import type { CliContext } from './context.js';
import { splitGlobalFlags, type GlobalFlags } from './global-flags.js';
import { loadCardsForCommand } from './load.js';
import { makeContext } from './make-context.js';
import { reportError } from './report-error.js';

/**
 * Opens the interactive app, the answer to a bare `swelearn` in a terminal (main.ts checks the
 * terminal). The cards start loading before Ink is imported, so reading the card cache overlaps
 * compiling the UI.
 */
export async function openApp(flags: GlobalFlags, ctx: CliContext): Promise<number> {
  // chalk ignores NO_COLOR and reads FORCE_COLOR once, when Ink is imported: set it first.
  if (!ctx.color) process.env.FORCE_COLOR = '0';
  const cards = loadCardsForCommand(ctx);
  // Rejections are handled when runApp awaits the promise; until then it must not count as unhandled.
  cards.catch(() => undefined);
  const [{ runApp }, { appStudy }] = await Promise.all([import('../ui/run-app.js'), import('./app-study.js')]);
  const ascii = flags.ascii || envFlag(ctx.env, 'SWELEARN_ASCII');
  const reducedMotion = flags.reducedMotion || envFlag(ctx.env, 'SWELEARN_REDUCED_MOTION');
  return runApp({ loadCards: () => cards, study: appStudy(ctx), env: ctx.env, colour: ctx.color, ascii, reducedMotion });
}

/** What bin/swelearn.js runs for `swelearn` with no arguments in a terminal: the app without loading the command bundle first. */
export async function openAppFromBin(): Promise<number> {
  const flags = splitGlobalFlags([]);
  const ctx = makeContext(flags);
  try {
    return await openApp(flags, ctx);
  } catch (error) {
    return reportError(error, flags, ctx);
  }
}

function envFlag(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = env[name]?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}
