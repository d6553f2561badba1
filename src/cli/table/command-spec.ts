/** What a shell can complete for a value: a fixed list, or one of the things swelearn knows. */
export type Completion = 'cards' | 'tags' | 'topics' | 'scenarios' | 'commands' | 'dirs' | 'files' | readonly string[];

/** One flag of a command: how it is parsed, checked, described in help and completed by shells. */
export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  /** Other spellings the parser accepts, not shown in help (--colour for --color). */
  readonly aliases?: readonly string[];
  /** The value's placeholder in help (N, DIR); a flag without one is a switch. */
  readonly value?: string;
  readonly description: string;
  /** A whole-number flag's range, enforced by the parser. */
  readonly range?: readonly [min: number, max: number];
  /** The only values the parser accepts. */
  readonly choices?: readonly string[];
  /** For values the command checks itself (a duration, a date): what help says it accepts. */
  readonly accepts?: string;
  readonly default?: string;
  readonly repeatable?: boolean;
  /** What a shell offers for the value, when it is not `choices`. */
  readonly complete?: Completion;
}

/** One command: its summary, arguments, flags and examples, the one source for parsing, help, completion and the man page. */
export interface CommandSpec {
  /** The word typed after swelearn; a mode of a command is written as the command and its flag (`sim --workload`). */
  readonly name: string;
  readonly summary: string;
  /** The positional arguments as help shows them (`<query>`, `[DIR...]`). */
  readonly args?: string;
  readonly argsComplete?: Completion;
  readonly flags: readonly FlagSpec[];
  /** A few lines of detail for `swelearn help COMMAND` and the man page. */
  readonly details?: readonly string[];
  /** Command lines to try, each with what it does. */
  readonly examples: readonly (readonly [command: string, what: string])[];
}

/** The names of a command's flags, for typed access to what was parsed. */
export type FlagName<S extends CommandSpec> = S['flags'][number]['name'];

/** The values a choice flag accepts, as a type. */
export type ChoiceOf<S extends CommandSpec, N extends string> =
  Extract<S['flags'][number], { name: N }> extends { choices: readonly (infer C extends string)[] } ? C : string;

/** --json, worded for what the command prints. */
export const jsonFlag = (what: string) => ({ name: 'json', description: `print ${what} as JSON` }) as const;

/** --width, for every command that lays text out. */
export const WIDTH_FLAG = {
  name: 'width',
  value: 'N',
  range: [20, 400],
  description: "lay the text out for N columns instead of the terminal's width; in a pipe the default is 80, and nothing is cut",
} as const;

export const TAG_FLAG = { name: 'tag', value: 'TAG', complete: 'tags', description: 'only cards with this tag' } as const;
export const TOPIC_FLAG = { name: 'topic', value: 'TOPIC', complete: 'topics', description: 'only cards of this topic (the folder they are in)' } as const;
export const DIFFICULTY_FLAG = { name: 'difficulty', value: 'LEVEL', choices: ['easy', 'medium', 'hard'], description: 'only cards of this difficulty' } as const;
