import type { Completion, CommandSpec, FlagSpec } from '../table/command-spec.js';
import { COMMAND_NAMES, commandWord, GLOBAL_FLAGS, specsOf } from '../table/command-table.js';

/** Everything a completion script offers, taken from the command table plus the ids known when it is written. */
export interface CompletionWords {
  commands: { name: string; summary: string }[];
  globalFlags: readonly FlagSpec[];
  /** Each command word with its flags (its modes' included) and what its arguments complete to. */
  perCommand: { name: string; flags: FlagSpec[]; args?: Completion }[];
  cards: string[];
  tags: string[];
  topics: string[];
  scenarios: string[];
}

/** The ids a script completes besides the table's own words. */
export interface KnownIds {
  cards: readonly { id: string; tags: readonly string[]; topic: string }[];
  scenarios: readonly string[];
}

// Only ids that are safe unquoted in every shell's word list reach a script.
const SAFE_WORD = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;

/** The words of the completion scripts, from the table and the cards and scenarios known now. */
export function completionWords(known: KnownIds): CompletionWords {
  const safe = (words: Iterable<string>) => [...new Set(words)].filter((word) => SAFE_WORD.test(word));
  const firsts = COMMAND_NAMES.map((name) => specsOf(name)[0]!);
  return {
    commands: firsts.map((spec) => ({ name: commandWord(spec), summary: spec.summary })),
    globalFlags: GLOBAL_FLAGS,
    perCommand: COMMAND_NAMES.map((name) => ({ name, flags: ownFlags(specsOf(name)), ...argsOf(specsOf(name)) })),
    cards: safe(known.cards.map((card) => card.id)),
    tags: safe(known.cards.flatMap((card) => card.tags)).sort(),
    topics: safe(known.cards.map((card) => card.topic)).sort(),
    scenarios: safe(known.scenarios),
  };
}

/** The words a completion stands for, given the ids: a fixed list, or the commands, cards or scenarios. */
export function completionList(completion: Completion | undefined, words: CompletionWords): readonly string[] | undefined {
  if (completion === undefined || completion === 'dirs' || completion === 'files') return undefined;
  if (completion === 'commands') return words.commands.map((command) => command.name);
  if (typeof completion !== 'string') return completion;
  return words[completion];
}

/** What a flag's value completes to: its choices, else what the table says. */
export function valueCompletion(flag: FlagSpec): Completion | undefined {
  return flag.choices ?? flag.complete;
}

function ownFlags(specs: CommandSpec[]): FlagSpec[] {
  const byName = new Map<string, FlagSpec>();
  for (const flag of specs.flatMap((spec) => spec.flags)) if (!byName.has(flag.name)) byName.set(flag.name, flag);
  return [...byName.values()];
}

function argsOf(specs: CommandSpec[]): { args?: Completion } {
  const args = specs.find((spec) => spec.argsComplete !== undefined)?.argsComplete;
  return args === undefined ? {} : { args };
}
