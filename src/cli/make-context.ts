import { openCardLibrary } from '../app/cards/card-library.js';
import { resolveEnvironment, type EnvironmentInput } from '../app/environment.js';
import { colourFor } from '../app/settings.js';
import type { CliContext } from './context.js';
import { formatProblem } from './format/problem.js';
import type { GlobalFlags } from './global-flags.js';
import { guardOutput } from '../core/text/sanitize.js';
import { hyperlinksEnabled, outputWidth } from '../io/terminal-capabilities.js';
import { startupDone } from './startup-done.js';

/** The streams and terminal facts of a context; colour and hyperlinks, unless given, follow the settings. */
export type ContextStreams = Omit<CliContext, 'environment' | 'cards' | 'color' | 'hyperlinks'> & { color?: boolean; hyperlinks?: boolean };

/** A context from its streams and the run's environment: the one place commands' services are opened. */
export function contextFor(streams: ContextStreams, input: EnvironmentInput): CliContext {
  const environment = resolveEnvironment({ warn: (message) => streams.err(`swelearn: ${message}\n`), ...input });
  const cards = openCardLibrary(environment, { onError: (problem) => streams.err(`${formatProblem(problem)} (card skipped)\n`) });
  // Colour reads the settings, and so the config file, only when a command first writes something coloured.
  const colour = () => colourFor(environment.settings().colour.value, input.env, streams.stdoutIsTTY);
  // The streams are copied with their getters, not spread: a getter (the real stdin) is then read only when used.
  const context = Object.defineProperties({}, Object.getOwnPropertyDescriptors(streams)) as ContextStreams;
  return Object.defineProperties(context, {
    environment: { value: environment, enumerable: true, writable: true },
    cards: { value: cards, enumerable: true, writable: true },
    color: { get: () => streams.color ?? colour(), enumerable: true },
    hyperlinks: { get: () => streams.hyperlinks ?? (environment.settings().colour.value !== 'never' && hyperlinksEnabled(input.env, streams.stdoutIsTTY)), enumerable: true },
  }) as CliContext;
}

/** The real process as a command sees it: its streams, environment and what the terminal can show. */
export function makeContext(flags: GlobalFlags): CliContext {
  const streams: ContextStreams = {
    // Every line the commands print passes the one guard: only the program's own styling reaches the terminal.
    out: (text) => {
      startupDone();
      process.stdout.write(guardOutput(text));
    },
    err: (text) => void process.stderr.write(guardOutput(text)),
    width: outputWidth(process.stdout.columns, process.env),
    ...(process.stdout.rows ? { rows: process.stdout.rows } : {}),
    // Read when first asked: making process.stdin or process.stderr (or loading node:tty) costs 1-2 ms, which a command in a pipe that reads no input and warns of nothing never pays.
    get stdinIsTTY() {
      return Boolean(process.stdin.isTTY);
    },
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    get stderrIsTTY() {
      return Boolean(process.stderr.isTTY);
    },
    get stdin() {
      return process.stdin;
    },
    debug: flags.debug,
  };
  const { contentDirs, ascii, reducedMotion, color, noColor } = flags;
  return contextFor(streams, { env: process.env, cwd: process.cwd(), contentDirs, ascii, reducedMotion, color, noColor });
}
