import { UsageError } from '../app/errors.js';

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

/** Separates the global flags from the command and its own arguments; stops at `--`. */
export function splitGlobalFlags(argv: string[]): GlobalFlags {
  const flags: GlobalFlags = { contentDirs: [], noColor: false, color: false, debug: false, reducedMotion: false, ascii: false, help: false, version: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      flags.rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--content' || arg.startsWith('--content=')) {
      const value = arg === '--content' ? argv[++i] : arg.slice('--content='.length);
      if (!value || value.startsWith('-')) throw new UsageError('option --content needs a folder');
      flags.contentDirs.push(value);
    } else if (arg === '--no-color' || arg === '--no-colour') flags.noColor = true;
    else if (arg === '--color' || arg === '--colour') flags.color = true;
    else if (arg === '--debug') flags.debug = true;
    else if (arg === '--reduced-motion') flags.reducedMotion = true;
    else if (arg === '--ascii') flags.ascii = true;
    else if (arg === '--help' || arg === '-h') flags.help = true;
    else if ((arg === '--version' || arg === '-v') && flags.rest.length === 0) flags.version = true;
    else flags.rest.push(arg);
  }
  return flags;
}
