import { jsonFlag, type CommandSpec, type FlagSpec } from './command-spec.js';

/** The shells `swelearn completion` writes scripts for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;

export const CONFIG = {
  name: 'config',
  summary: 'the effective settings, and where each one came from',
  flags: [jsonFlag('the settings')],
  details: [
    'Settings come from, strongest first: a command-line flag, an environment variable, the config file, the default. The file is config.yaml in $XDG_CONFIG_HOME/swelearn (or $SWELEARN_HOME); docs/config.md describes it.',
  ],
  examples: [
    ['swelearn config', 'each setting, its value and its source'],
    ['NO_COLOR=1 swelearn config', 'an environment variable wins over the file'],
  ],
} as const satisfies CommandSpec;

export const COMPLETION = {
  name: 'completion',
  summary: 'print a shell completion script for bash, zsh or fish',
  args: '<shell>',
  argsComplete: SHELLS,
  flags: [],
  details: ['Card ids are written into the script: run it again after adding cards.'],
  examples: [
    ['swelearn completion bash > ~/.local/share/bash-completion/completions/swelearn', 'bash, from the next shell on'],
    ['swelearn completion zsh > "${fpath[1]}/_swelearn"', 'zsh'],
    ['swelearn completion fish > ~/.config/fish/completions/swelearn.fish', 'fish'],
  ],
} as const satisfies CommandSpec;

export const HELP = {
  name: 'help',
  summary: 'help for everything, or for one command',
  args: '[COMMAND]',
  argsComplete: 'commands',
  flags: [],
  examples: [
    ['swelearn help search', 'the options and examples of search'],
    ['swelearn search --help', 'the same'],
  ],
} as const satisfies CommandSpec;

/** Flags every command accepts, taken out of the command line before the command parses its own. */
export const GLOBAL_FLAGS = [
  { name: 'content', value: 'DIR', repeatable: true, complete: 'dirs', description: 'also load cards from DIR (repeatable)' },
  { name: 'no-color', aliases: ['no-colour'], description: 'no colour or hyperlinks (also NO_COLOR=1, or colour: never in the config file)' },
  { name: 'color', aliases: ['colour'], description: 'colour even in a pipe (also FORCE_COLOR=1, or colour: always in the config file)' },
  { name: 'ascii', description: 'draw with ASCII only, no box-drawing glyphs (also SWELEARN_ASCII=1, or ascii: true in the config file)' },
  { name: 'reduced-motion', description: 'the app shows simulator steps one by one, no animation (also SWELEARN_REDUCED_MOTION=1)' },
  { name: 'debug', description: 'show stack traces for internal errors' },
  { name: 'help', short: 'h', description: 'show help, for everything or for the command' },
  { name: 'version', short: 'v', description: 'show the version' },
] as const satisfies readonly FlagSpec[];
