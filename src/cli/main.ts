import { runLint, runList, runPaths, runSearch, runShow } from './commands/card-commands.js';
import type { CliContext } from './context.js';
import { UsageError, UserError } from './errors.js';
import { splitGlobalFlags, type GlobalFlags } from './global-flags.js';
import { helpText, usageOf, VERSION } from './help.js';
import { colourEnabled, hyperlinksEnabled, outputWidth } from '../io/terminal-capabilities.js';

type CommandRunner = (argv: string[], ctx: CliContext) => Promise<number>;

// The plain card commands are part of the entry file: loading one file is quicker than the many
// small chunks esbuild would split their shared code into. Everything heavier (the simulator, the
// quiz, the card parser, Ink) loads on demand; bin/swelearn.js answers a bare --version itself.
const COMMANDS: Record<string, () => Promise<CommandRunner>> = {
  list: async () => runList,
  search: async () => runSearch,
  show: async () => runShow,
  lint: async () => runLint,
  paths: async () => runPaths,
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
    const load = COMMANDS[command];
    if (!load) throw new UsageError(`unknown command "${command}"`);
    if (flags.help) return print(ctx, `${usageOf(command)}\n`);
    return await (await load())(rest, ctx);
  } catch (error) {
    return reportError(error, flags, ctx);
  }
}

async function runHelp(ctx: CliContext, flags: GlobalFlags, topic: string | undefined): Promise<number> {
  if (topic !== undefined) {
    if (!COMMANDS[topic]) throw new UsageError(`unknown command "${topic}"`);
    return print(ctx, `${usageOf(topic)}\n`);
  }
  // Bare `swelearn` in a terminal opens the app; decided here, before Ink loads, so a pipe never meets its raw-mode error.
  if (flags.rest.length === 0 && !flags.help && ctx.stdinIsTTY && ctx.stdoutIsTTY) {
    // chalk ignores NO_COLOR and reads FORCE_COLOR once, when Ink is imported: set it first.
    if (!ctx.color) process.env.FORCE_COLOR = '0';
    const [{ runApp }, { loadCardsForCommand }, { appStudy }] = await Promise.all([import('../ui/run-app.js'), import('./load.js'), import('./app-study.js')]);
    const ascii = flags.ascii || envFlag(ctx.env, 'SWELEARN_ASCII');
    const reducedMotion = flags.reducedMotion || envFlag(ctx.env, 'SWELEARN_REDUCED_MOTION');
    return runApp({ loadCards: () => loadCardsForCommand(ctx), study: appStudy(ctx), env: ctx.env, colour: ctx.color, ascii, reducedMotion });
  }
  return print(ctx, helpText());
}

function envFlag(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = env[name]?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

function makeContext(flags: GlobalFlags): CliContext {
  const stdoutIsTTY = Boolean(process.stdout.isTTY);
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    color: colourEnabled(process.env, flags, stdoutIsTTY),
    hyperlinks: hyperlinksEnabled(process.env, flags, stdoutIsTTY),
    width: outputWidth(process.stdout.columns, process.env),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY,
    stdin: process.stdin,
    contentDirs: flags.contentDirs,
    debug: flags.debug,
  };
}

function print(ctx: CliContext, text: string): number {
  ctx.out(text);
  return 0;
}

function reportError(error: unknown, flags: GlobalFlags | undefined, ctx: CliContext | undefined): number {
  const write = ctx ? ctx.err : (text: string) => void process.stderr.write(text);
  if (UsageError.is(error)) {
    write(`swelearn: ${error.message}\n${error.usage ?? usageOf(flags?.rest[0] ?? '')}\n`);
    return 2;
  }
  if (UserError.is(error)) {
    write(`swelearn: ${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  write(`swelearn: internal error: ${message}\n`);
  if (flags?.debug && error instanceof Error && error.stack) write(`${error.stack}\n`);
  else write('Run again with --debug for details, and please report it.\n');
  return 1;
}
