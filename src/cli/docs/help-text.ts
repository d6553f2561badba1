import { wrapSegments } from '../../core/markdown/wrap.js';
import type { FlagSpec } from '../table/command-spec.js';
import { COMMAND_TABLE, GLOBAL_FLAGS, specsOf } from '../table/command-table.js';
import { commandLine, flagDescription, flagLabel } from './flag-text.js';
import { EXIT_STATUS } from './reference.js';

declare const __SWELEARN_VERSION__: string | undefined;

/** The version baked in at build time ("dev" when running from source). */
export const VERSION = typeof __SWELEARN_VERSION__ === 'string' ? __SWELEARN_VERSION__ : 'dev';

const WIDTH = 80;

/** `swelearn help`: every command with its summary, the options of every command, and where to read more. */
export function helpText(): string {
  const commands = COMMAND_TABLE.map((spec): [string, string] => [commandLine(spec), spec.summary]);
  return [
    `swelearn ${VERSION}: study system design offline, in the terminal`,
    '',
    'Usage: swelearn <command> [options]',
    '',
    ...columns([['swelearn', 'the interactive app, in a terminal; otherwise this help'], ...commands], 2),
    '',
    'Options for every command:',
    ...flagLines(GLOBAL_FLAGS),
    '',
    'Examples:',
    ...COMMAND_TABLE.slice(0, 4).map((spec) => `  ${spec.examples[0]![0]}`),
    '',
    ...wrap('Run swelearn help COMMAND, or swelearn COMMAND --help, for its options and examples. Settings live in a config file: see swelearn config.', 0),
    ...wrap(`Exit status: ${EXIT_STATUS.map(([code, meaning]) => `${code} ${meaning}`).join('; ')}.`, 0),
    '',
  ].join('\n');
}

/** `swelearn help COMMAND`: the synopsis, what it does, every flag with its description, and examples; a command's modes follow it. */
export function commandHelp(word: string): string {
  const sections = specsOf(word).map((spec) => [
    `${commandLine(spec)}${spec.flags.length > 1 ? ' [options]' : ''}`,
    ...wrap(spec.summary, 2),
    ...(spec.details ?? []).flatMap((line) => ['', ...wrap(line, 2)]),
    ...(spec.flags.length > 0 ? ['', 'Options:', ...flagLines(spec.flags)] : []),
    '',
    'Examples:',
    ...spec.examples.flatMap(([command, what]) => [`  ${command}`, ...wrap(what, 6)]),
  ]);
  const globals = GLOBAL_FLAGS.map((flag) => flagLabel(flag).replace(', ', '/')).join(', ');
  return [...sections.flatMap((lines, index) => [...(index > 0 ? ['', ''] : []), ...lines]), '', ...wrap(`Options for every command: ${globals} (swelearn help describes them).`, 0), ''].join('\n');
}

function flagLines(flags: readonly FlagSpec[]): string[] {
  return columns(flags.map((flag) => [flagLabel(flag), flagDescription(flag)]), 2);
}

// Labels in a column, descriptions wrapped beside them; a label too wide for the column gets its own line.
function columns(rows: [string, string][], indent: number): string[] {
  const labelWidth = Math.min(28, Math.max(...rows.map(([label]) => label.length)));
  const column = indent + labelWidth + 2;
  return rows.flatMap(([label, text]) => {
    const lines = wrap(text, column);
    const head = `${' '.repeat(indent)}${label}`;
    if (label.length > labelWidth) return [head, ...lines];
    return [`${head.padEnd(column)}${lines[0]!.trimStart()}`, ...lines.slice(1)];
  });
}

function wrap(text: string, indent: number, hanging = indent): string[] {
  return wrapSegments([{ text }], WIDTH - hanging).map((line, index) => `${' '.repeat(index === 0 ? indent : hanging)}${line.map((segment) => segment.text).join('')}`);
}
