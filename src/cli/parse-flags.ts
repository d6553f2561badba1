import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../app/errors.js';
import { stripControl } from '../core/text/sanitize.js';
import { closestMatch } from '../core/text/suggest.js';
import { usageLine } from './docs/flag-text.js';
import type { ChoiceOf, CommandSpec, FlagName, FlagSpec } from './table/command-spec.js';
import { GLOBAL_FLAGS } from './table/command-table.js';

/** A command line parsed against its command's row of the table: every value already checked. */
export interface ParsedCommand<S extends CommandSpec> {
  positionals: string[];
  /** The usage line, for the command's own errors. */
  usage: string;
  /** Whether a switch was given. */
  has(name: FlagName<S>): boolean;
  /** A flag's value as typed (the last one, when given twice). */
  text(name: FlagName<S>): string | undefined;
  /** Every value of a repeatable flag. */
  texts(name: FlagName<S>): string[];
  /** A whole-number flag's value, checked against its range. */
  integer(name: FlagName<S>): number | undefined;
  /** A choice flag's value, checked against its choices. */
  choice<N extends FlagName<S>>(name: N): ChoiceOf<S, N> | undefined;
}

type Value = string | boolean | (string | boolean)[];

/** Parses a command's flags strictly from its spec, so no flag can be parsed that help does not describe. */
export function parseCommand<S extends CommandSpec>(spec: S, argv: string[]): ParsedCommand<S> {
  const usage = usageLine(spec);
  const options: NonNullable<ParseArgsConfig['options']> = {};
  const canonical = new Map<string, FlagSpec>();
  for (const flag of spec.flags) {
    for (const name of [flag.name, ...(flag.aliases ?? [])]) {
      options[name] = { type: flag.value ? 'string' : 'boolean', ...(flag.repeatable ? { multiple: true } : {}) };
      canonical.set(name, flag);
    }
  }
  let parsed: { values: Record<string, Value | undefined>; positionals: string[] };
  try {
    // Nothing to parse is parsed without parseArgs, whose code Node loads at its first call (`swelearn quiz` in a terminal).
    parsed = argv.length === 0 ? { values: {}, positionals: [] } : parseArgs({ args: joinNegativeValues(argv, canonical), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error as Error, spec), usage);
  }
  const values = new Map<string, Value>();
  for (const [name, value] of Object.entries(parsed.values)) if (value !== undefined) values.set(canonical.get(name)!.name, value);
  const integers = new Map<string, number>();
  for (const flag of spec.flags) {
    const value = values.get(flag.name);
    if (typeof value !== 'string') continue;
    if (flag.choices) checkChoice(flag, value, usage);
    if (flag.range) integers.set(flag.name, wholeNumber(flag, value, usage));
  }
  const last = (name: string) => {
    const value = values.get(name);
    return Array.isArray(value) ? value[value.length - 1] : value;
  };
  return {
    positionals: parsed.positionals,
    usage,
    has: (name) => last(name) === true,
    text: (name) => (typeof last(name) === 'string' ? (last(name) as string) : undefined),
    texts: (name) => [values.get(name) ?? []].flat().filter((value): value is string => typeof value === 'string'),
    integer: (name) => integers.get(name),
    choice: (name) => last(name) as never,
  };
}

function checkChoice(flag: FlagSpec, value: string, usage: string): void {
  if (flag.choices!.includes(value)) return;
  const shown = stripControl(value);
  const near = closestMatch(shown, flag.choices!);
  throw new UsageError(`--${flag.name} must be one of ${flag.choices!.join(', ')}, got "${shown}"${near ? ` (did you mean ${near}?)` : ''}`, usage);
}

function wholeNumber(flag: FlagSpec, value: string, usage: string): number {
  const [min, max] = flag.range!;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= min && number <= max)) throw new UsageError(`--${flag.name} takes a whole number from ${min} to ${max}, got "${stripControl(value)}"`, usage);
  return number;
}

/** Writes `--seed -3` as `--seed=-3`, so a negative number meets the flag's own message instead of node's "ambiguous". */
function joinNegativeValues(argv: string[], flags: Map<string, FlagSpec>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (arg.startsWith('--') && flags.get(arg.slice(2))?.value && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function describeParseError(error: Error, spec: CommandSpec): string {
  const unknown = /Unknown option '([^']+)'/.exec(error.message);
  if (unknown) {
    const typed = stripControl(unknown[1]!);
    const near = typed.startsWith('--') ? closestMatch(typed.slice(2), [...spec.flags, ...GLOBAL_FLAGS].map((flag) => flag.name)) : undefined;
    return `unknown option ${typed}${near ? ` (did you mean --${near}?)` : ''}`;
  }
  const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(error.message);
  if (missing) return `option ${missing[1]!.replace(/^-\w, /, '')} needs a value`;
  const unexpected = /Option '([^']+)' does not take an argument/.exec(error.message);
  if (unexpected) return `option ${unexpected[1]!.replace(/^-\w, /, '')} does not take a value`;
  return stripControl(error.message.split('\n')[0]!.replace(/\. To specify.*$/, ''));
}
