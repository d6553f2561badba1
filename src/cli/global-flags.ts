import { UsageError } from '../app/errors.js';
import { stripControl } from '../core/text/sanitize.js';
import { GLOBAL_FLAGS } from './table/command-table.js';

/** Flags every command accepts, pulled out before the command parses its own. */
export interface GlobalFlags {
  contentDirs: string[];
  noColor: boolean;
  color: boolean;
  debug: boolean;
  /** The interactive app shows steps one at a time instead of animating them (also SWELEARN_REDUCED_MOTION=1). */
  reducedMotion: boolean;
  /** The interactive app draws with ASCII only (also SWELEARN_ASCII=1). */
  ascii: boolean;
  help: boolean;
  version: boolean;
  rest: string[];
}

type GlobalName = (typeof GLOBAL_FLAGS)[number]['name'];

// Every spelling of a global flag, from the table: --name, its aliases, -x.
const BY_TOKEN = new Map<string, GlobalName>(
  GLOBAL_FLAGS.flatMap((flag) => [`--${flag.name}`, ...('aliases' in flag ? flag.aliases.map((alias) => `--${alias}`) : []), ...('short' in flag ? [`-${flag.short}`] : [])].map((token) => [token, flag.name])),
);

/** Separates the global flags, wherever they are, from the command and its own arguments; stops at `--`. */
export function splitGlobalFlags(argv: string[]): GlobalFlags {
  const flags: GlobalFlags = { contentDirs: [], noColor: false, color: false, debug: false, reducedMotion: false, ascii: false, help: false, version: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      flags.rest.push(...argv.slice(i));
      break;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = BY_TOKEN.get(equals > 0 ? arg.slice(0, equals) : arg);
    if (name === undefined) {
      flags.rest.push(arg);
    } else if (name === 'content') {
      const value = equals > 0 ? arg.slice(equals + 1) : argv[++i];
      if (!value || value.startsWith('-')) throw new UsageError('option --content needs a folder');
      flags.contentDirs.push(value);
    } else if (equals > 0) {
      throw new UsageError(`option ${stripControl(arg.slice(0, equals))} does not take a value`);
    } else setSwitch(flags, name);
  }
  return flags;
}

function setSwitch(flags: GlobalFlags, name: Exclude<GlobalName, 'content'>): void {
  const field = ({ 'no-color': 'noColor', color: 'color', ascii: 'ascii', 'reduced-motion': 'reducedMotion', debug: 'debug', help: 'help', version: 'version' } as const)[name];
  flags[field] = true;
}
