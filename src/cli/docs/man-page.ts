import { DEFAULT_SETTINGS, SETTINGS, settingValues } from '../../core/config/settings.js';
import type { FlagSpec } from '../table/command-spec.js';
import { COMMAND_TABLE, GLOBAL_FLAGS } from '../table/command-table.js';
import { commandLine, flagDescription } from './flag-text.js';
import { ENVIRONMENT, EXIT_STATUS, FILES } from './reference.js';

/** The man page, swelearn(1), in roff: every command, flag and example of the command table, and the reference tables. */
export function manPage(version: string): string {
  return [
    `.TH SWELEARN 1 "" "swelearn ${roff(version)}" "User Commands"`,
    '.SH NAME',
    'swelearn \\- study system design offline, in the terminal',
    '.SH SYNOPSIS',
    '.B swelearn',
    '.RI [ command ]',
    '.RI [ options ]',
    '.SH DESCRIPTION',
    text(
      'swelearn ships topic cards you can search and read in the terminal, a simulated DNS resolver that shows each step of a lookup, and timed flashcard quizzes scheduled by spaced repetition. It runs without a network, and every command also works in a pipe or a script. Without a command, in a terminal, it opens the interactive app.',
    ),
    '.SH COMMANDS',
    ...COMMAND_TABLE.flatMap((spec) => [
      `.SS "${roff(commandLine(spec))}"`,
      text(`${capitalised(spec.summary)}.`),
      ...(spec.details ?? []).flatMap((line) => ['.PP', text(line)]),
      ...spec.flags.flatMap(flagItem),
      '.PP',
      'Examples:',
      ...spec.examples.flatMap(([command, what]) => ['.PP', '.RS', `.B ${roff(command)}`, '.br', text(what), '.RE']),
    ]),
    '.SH OPTIONS',
    text('These work with every command, anywhere on the line before \\-\\-.'),
    ...GLOBAL_FLAGS.flatMap(flagItem),
    '.SH CONFIGURATION',
    text('The config file is YAML, one "key: value" a line; swelearn config shows each setting and where its value came from. A command-line flag wins over an environment variable, which wins over the file, which wins over the default. An unknown key is reported and ignored; a bad value stops the commands that use the settings, naming the file, the line and the key.'),
    ...SETTINGS.flatMap((spec) => ['.TP', `.B ${roff(spec.key)}`, text(`${capitalised(spec.description)} (${settingValues(spec)}; default ${String(DEFAULT_SETTINGS[spec.field])}). Overridden by ${spec.overriddenBy}.`)]),
    '.SH ENVIRONMENT',
    ...ENVIRONMENT.flatMap(([name, meaning]) => ['.TP', `.B ${roff(name)}`, text(meaning)]),
    '.SH FILES',
    ...FILES.flatMap(([path, meaning]) => ['.TP', `.I ${roff(path)}`, text(meaning)]),
    '.SH EXIT STATUS',
    ...EXIT_STATUS.flatMap(([code, meaning]) => ['.TP', `.B ${code}`, text(`${capitalised(meaning)}.`)]),
    '.SH SEE ALSO',
    text('The card format, the simulator world and the config file are described in the docs folder of the swelearn package.'),
    '',
  ].join('\n');
}

function flagItem(flag: FlagSpec): string[] {
  const names = `${flag.short ? `\\-${flag.short}, ` : ''}\\-\\-${roff(flag.name)}`;
  return ['.TP', flag.value ? `.BI "${names} " ${roff(flag.value)}` : `.B ${names}`, text(`${capitalised(flagDescription(flag))}.`)];
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// A paragraph of text: escaped, and never starting with a character roff reads as a request.
function text(value: string): string {
  return roff(value).replace(/^[.']/, '\\&$&');
}

// Backslashes are roff's escape; every hyphen is written \- so options copy from the page as typed.
function roff(value: string): string {
  return value.replace(/\\/g, '\\e').replace(/-/g, '\\-');
}
