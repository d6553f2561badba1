import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../app/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's flags strictly, turning node's parse errors into one-line usage errors. */
export function parseFlags<T extends Options>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error as Error & { code?: string }), usage);
  }
}

function describeParseError(error: Error & { code?: string }): string {
  const unknown = /Unknown option '([^']+)'/.exec(error.message);
  if (unknown) return `unknown option ${unknown[1]}`;
  const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(error.message);
  if (missing) return `option ${missing[1]!.replace(/^-\w, /, '')} needs a value`;
  const unexpected = /Option '([^']+)' does not take an argument/.exec(error.message);
  if (unexpected) return `option ${unexpected[1]!.replace(/^-\w, /, '')} does not take a value`;
  return error.message.split('\n')[0]!.replace(/\. To specify.*$/, '');
}

/** Parses a positive whole number flag, or says which flag is wrong. */
export function positiveInteger(value: string | undefined, flag: string, usage: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${flag} takes a whole number of at least 1, got "${value}"`, usage);
  return Number(value);
}

/** Checks a flag against a fixed set of values. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, usage: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got "${value}"`, usage);
  return value as T;
}
