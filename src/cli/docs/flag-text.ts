import type { CommandSpec, FlagSpec } from '../table/command-spec.js';
import { findSpec, specsOf } from '../table/command-table.js';

/** How a flag is written in help: `--limit N`, `-h, --help`. */
export function flagLabel(flag: FlagSpec): string {
  return `${flag.short ? `-${flag.short}, ` : ''}--${flag.name}${flag.value ? ` ${flag.value}` : ''}`;
}

/** A flag's description with what it accepts and its default: "show at most N cards (1 to 100; default 10)". */
export function flagDescription(flag: FlagSpec): string {
  const accepts = flag.range ? `${flag.range[0]} to ${flag.range[1]}` : flag.choices ? listed(flag.choices) : flag.accepts;
  const parts = [accepts, flag.default === undefined ? undefined : `default ${flag.default}`].filter((part) => part !== undefined);
  return parts.length > 0 ? `${flag.description} (${parts.join('; ')})` : flag.description;
}

/** A command with its arguments: `swelearn search <query>`, `swelearn sim --workload zipf`. */
export function commandLine(spec: CommandSpec): string {
  const mode = modeFlag(spec);
  return [`swelearn ${spec.name}`, mode && (mode.choices?.join('|') ?? mode.value), spec.args].filter(Boolean).join(' ');
}

/** A command line as a synopsis: `swelearn search <query> [--limit N] [--json]`. */
export function synopsis(spec: CommandSpec): string {
  const mode = modeFlag(spec);
  const flags = spec.flags.filter((flag) => flag !== mode).map((flag) => `[--${flag.name}${flag.value ? ` ${valueHint(flag)}` : ''}]`);
  return [commandLine(spec), ...flags].join(' ');
}

// The flag a mode of a command is named after (`--workload` in `sim --workload`).
function modeFlag(spec: CommandSpec): FlagSpec | undefined {
  return spec.flags.find((flag) => spec.name.endsWith(` --${flag.name}`));
}

/** The usage line printed under a wrong command line. */
export function usageLine(spec: CommandSpec): string {
  return `usage: ${synopsis(spec)}`;
}

/** The usage line of a command by its name, or the general one for anything else. */
export function usageOf(name: string): string {
  const spec = findSpec(name) ?? specsOf(name)[0];
  return spec ? usageLine(spec) : 'usage: swelearn <command> [options]; see swelearn help';
}

function valueHint(flag: FlagSpec): string {
  return flag.choices && flag.choices.length <= 5 ? flag.choices.join('|') : flag.value!;
}

function listed(values: readonly string[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}
