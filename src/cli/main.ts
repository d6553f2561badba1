import { runList, runPaths, runSearch, runShow } from './commands/card-commands.js';
import type { CliContext } from './context.js';
import { UsageError } from '../app/errors.js';
import { stripControl } from '../core/text/sanitize.js';
import { closestMatch } from '../core/text/suggest.js';
import { splitGlobalFlags, type GlobalFlags } from './global-flags.js';
import { commandHelp, helpText, VERSION } from './docs/help-text.js';
import { makeContext } from './make-context.js';
import { reportError } from './report-error.js';
import { COMMAND_NAMES } from './table/command-table.js';

type CommandRunner = (argv: string[], ctx: CliContext) => Promise<number>;

// The plain card commands are part of the entry file: loading one file is quicker than the many
// small chunks esbuild would split their shared code into. Everything heavier (the simulator, the
// quiz, the card parser, Ink) loads on demand; bin/swelearn.js answers a bare --version itself.
const COMMANDS: Record<string, () => Promise<CommandRunner>> = {
  list: async () => runList,
  search: async () => runSearch,
  show: async () => runShow,
  lint: async () => (await import('./commands/lint.js')).runLint,
  paths: async () => runPaths,
  config: async () => (await import('./commands/config.js')).runConfig,
  completion: async () => (await import('./commands/completion.js')).runCompletion,
  sim: async () => (await import('./commands/sim.js')).runSim,
  quiz: async () => (await import('./commands/quiz.js')).runQuiz,
  plan: async () => (await import('./commands/plan.js')).runPlan,
  stats: async () => (await import('./commands/stats.js')).runStats,
  export: async () => (await import('./commands/export.js')).runExport,
  import: async () => (await import('./commands/import.js')).runImport,
};

/** Runs the command line and returns the exit code; never throws. */
export async function main(argv: string[]): Promise<number> {
  let flags: GlobalFlags | undefined;
  let ctx: CliContext | undefined;
  // `swelearn list | head` closes the pipe early; that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
  });
  try {
    flags = splitGlobalFlags(argv);
    ctx = makeContext(flags);
    if (flags.version) return print(ctx, `${VERSION}\n`);
    const [command, ...rest] = flags.rest;
    if (command === undefined || command === 'help') return await runHelp(ctx, flags, rest[0]);
    const load = COMMANDS[knownCommand(command)];
    if (flags.help) return print(ctx, commandHelp(command));
    return await (await load!())(rest, ctx);
  } catch (error) {
    return reportError(error, flags, ctx);
  }
}

async function runHelp(ctx: CliContext, flags: GlobalFlags, topic: string | undefined): Promise<number> {
  if (topic !== undefined) return print(ctx, commandHelp(knownCommand(topic)));
  // Bare `swelearn` in a terminal opens the app; decided here, before Ink loads, so a pipe never meets its raw-mode error.
  if (flags.rest.length === 0 && !flags.help && ctx.stdinIsTTY && ctx.stdoutIsTTY) return (await import('./open-app.js')).openApp(ctx);
  return print(ctx, helpText());
}

/** The command itself, or a usage error that names the command it was probably meant to be. */
function knownCommand(word: string): string {
  if (COMMAND_NAMES.includes(word)) return word;
  const near = closestMatch(word, COMMAND_NAMES);
  throw new UsageError(`unknown command "${stripControl(word)}"${near ? ` (did you mean ${near}?)` : ''}`);
}

function print(ctx: CliContext, text: string): number {
  ctx.out(text);
  return 0;
}
