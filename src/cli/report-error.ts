import type { CliContext } from './context.js';
import { guardOutput } from '../core/text/sanitize.js';
import { UsageError, UserError } from '../app/errors.js';
import type { GlobalFlags } from './global-flags.js';
import { usageOf } from './docs/flag-text.js';

/** Prints an error the way every command does and returns the exit code: 2 for usage, the error's own for a user error, 1 for a bug. */
export function reportError(error: unknown, flags: GlobalFlags | undefined, ctx: CliContext | undefined): number {
  // An error message quotes what it was given (a path, a flag value, a world token): guarded on both paths.
  const write = (text: string) => (ctx ? ctx.err(guardOutput(text)) : void process.stderr.write(guardOutput(text)));
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
