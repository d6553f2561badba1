import type { CliContext } from './context.js';
import type { GlobalFlags } from './global-flags.js';
import { colourEnabled, hyperlinksEnabled, outputWidth } from '../io/terminal-capabilities.js';

/** The real process as a command sees it: its streams, environment and what the terminal can show. */
export function makeContext(flags: GlobalFlags): CliContext {
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
    ascii: flags.ascii,
  };
}
