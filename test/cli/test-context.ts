import type { CliContext } from '../../src/cli/context.js';
import { contextFor, type ContextStreams } from '../../src/cli/make-context.js';

/** A command context for in-process tests: plain output to a pipe, with the environment and folder given. */
export function testContext(streams: Partial<ContextStreams> & Pick<ContextStreams, 'out' | 'err'>, env: NodeJS.ProcessEnv, cwd = process.cwd()): CliContext {
  return contextFor(
    { color: false, hyperlinks: false, width: 80, stdinIsTTY: false, stdoutIsTTY: false, stdin: process.stdin, debug: false, ...streams },
    { env, cwd },
  );
}
