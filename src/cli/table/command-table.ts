import { LINT, LIST, PATHS, SEARCH, SHOW } from './card-commands.js';
import type { CommandSpec, FlagSpec } from './command-spec.js';
import { SIM, SIM_WORKLOAD } from './sim-commands.js';
import { EXPORT, IMPORT, PLAN, QUIZ, STATS } from './study-commands.js';
import { COMPLETION, CONFIG, GLOBAL_FLAGS, HELP } from './tool-commands.js';

/** Every command, in the order a newcomer needs them: the one table help, parsing, completion and the man page read. */
export const COMMAND_TABLE: readonly CommandSpec[] = [LIST, SEARCH, SHOW, SIM, SIM_WORKLOAD, QUIZ, PLAN, STATS, EXPORT, IMPORT, LINT, PATHS, CONFIG, COMPLETION, HELP];

/** The words that name a command (`sim --workload` is a mode of `sim`). */
export const COMMAND_NAMES: readonly string[] = [...new Set(COMMAND_TABLE.map((spec) => commandWord(spec)))];

/** The first word of a command's name. */
export function commandWord(spec: CommandSpec): string {
  return spec.name.split(' ')[0]!;
}

/** The table's entries for a command word: the command and its modes. */
export function specsOf(word: string): CommandSpec[] {
  return COMMAND_TABLE.filter((spec) => commandWord(spec) === word);
}

/** The spec named exactly so (`sim --workload`), if any. */
export function findSpec(name: string): CommandSpec | undefined {
  return COMMAND_TABLE.find((spec) => spec.name === name);
}

/** Every flag a command word accepts, its modes' and the global ones included, each once. */
export function flagsOf(word: string): FlagSpec[] {
  const byName = new Map<string, FlagSpec>();
  for (const flag of [...specsOf(word).flatMap((spec) => spec.flags), ...GLOBAL_FLAGS]) if (!byName.has(flag.name)) byName.set(flag.name, flag);
  return [...byName.values()];
}

export { GLOBAL_FLAGS };
