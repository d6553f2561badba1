import { openCardLibrary } from '../app/cards/card-library.js';
import { resolveEnvironment, type EnvironmentInput } from '../app/environment.js';
import type { CliContext } from './context.js';
import { formatProblem } from './format/problem.js';
import type { GlobalFlags } from './global-flags.js';
import { colourEnabled, hyperlinksEnabled, outputWidth } from '../io/terminal-capabilities.js';

/** The streams and terminal facts of a context; the rest is derived from the environment. */
export type ContextStreams = Omit<CliContext, 'environment' | 'cards'>;

/** A context from its streams and the run's environment: the one place commands' services are opened. */
export function contextFor(streams: ContextStreams, input: EnvironmentInput): CliContext {
  const environment = resolveEnvironment(input);
  const cards = openCardLibrary(environment, { onError: (problem) => streams.err(`${formatProblem(problem)} (card skipped)\n`) });
  return { ...streams, environment, cards };
}

/** The real process as a command sees it: its streams, environment and what the terminal can show. */
export function makeContext(flags: GlobalFlags): CliContext {
  const stdoutIsTTY = Boolean(process.stdout.isTTY);
  const streams: ContextStreams = {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    color: colourEnabled(process.env, flags, stdoutIsTTY),
    hyperlinks: hyperlinksEnabled(process.env, flags, stdoutIsTTY),
    width: outputWidth(process.stdout.columns, process.env),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY,
    stdin: process.stdin,
    debug: flags.debug,
  };
  return contextFor(streams, { env: process.env, cwd: process.cwd(), contentDirs: flags.contentDirs, ascii: flags.ascii, reducedMotion: flags.reducedMotion });
}
