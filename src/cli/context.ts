/** Everything a command may touch of the outside world, passed in so commands stay testable. */
export interface CliContext {
  /** Writes to standard output; the text is printed as given. */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Whether output may carry ANSI colour codes (NO_COLOR, FORCE_COLOR, --no-color, TTY). */
  color: boolean;
  /** Whether OSC 8 hyperlinks may be written. */
  hyperlinks: boolean;
  /** Columns available for wrapping text (the terminal width, or 80 when piped). */
  width: number;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  stdin: NodeJS.ReadableStream;
  /** Extra card folders from the global --content flag, in order. */
  contentDirs: string[];
  debug: boolean;
  /** The global --ascii flag: draw with ASCII only (SWELEARN_ASCII and TERM=dumb ask for it too). */
  ascii?: boolean;
}
