import type { CardLibrary } from '../app/cards/card-library.js';
import type { AppEnvironment } from '../app/environment.js';

/** Everything a command may touch of the outside world, passed in so commands stay testable. */
export interface CliContext {
  /** Writes to standard output; the real one passes the text through guardOutput, so only the program's own colours and links reach the terminal. */
  out(text: string): void;
  /** Writes to standard error, guarded like out. */
  err(text: string): void;
  /** Whether output may carry ANSI colour codes (--no-color, FORCE_COLOR, NO_COLOR, the config file, TTY); read when first used. */
  readonly color: boolean;
  /** Whether OSC 8 hyperlinks may be written. */
  readonly hyperlinks: boolean;
  /** Rows of the terminal, when output goes to one. */
  rows?: number;
  /** Columns available for wrapping text (the terminal width, or 80 when piped). */
  width: number;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  /** Whether standard error is a terminal: progress lines are drawn only there. */
  stderrIsTTY?: boolean;
  /** A monotonic clock in milliseconds for progress (performance.now), injectable so tests need not wait. */
  elapsedMs?: () => number;
  stdin: NodeJS.ReadableStream;
  debug: boolean;
  /** Paths, clock, seed and display preferences, resolved once for the run. */
  environment: AppEnvironment;
  /** The run's cards, loaded on first use; a card that cannot load is reported on stderr and skipped. */
  cards: CardLibrary;
}
