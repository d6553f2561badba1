import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where swelearn keeps the user's own cards, progress, caches and config file. */
export interface DataPaths {
  /** The base: $SWELEARN_HOME, or $XDG_DATA_HOME/swelearn, or ~/.local/share/swelearn. */
  home: string;
  userCards: string;
  progress: string;
  cache: string;
  /** $SWELEARN_HOME/config.yaml, or $XDG_CONFIG_HOME/swelearn/config.yaml (~/.config). */
  config: string;
}

/** Resolves the data folders and the config file from the environment (XDG base directories; SWELEARN_HOME overrides). */
export function resolveDataPaths(env: NodeJS.ProcessEnv): DataPaths {
  // Taken as given: app/environment.ts refuses a relative value or one with surrounding spaces.
  const override = env.SWELEARN_HOME;
  if (override) {
    return { home: override, userCards: join(override, 'cards'), progress: join(override, 'progress'), cache: join(override, 'cache'), config: join(override, 'config.yaml') };
  }
  const dataHome = absoluteOr(env.XDG_DATA_HOME, join(homedir(), '.local', 'share'));
  const cacheHome = absoluteOr(env.XDG_CACHE_HOME, join(homedir(), '.cache'));
  const configHome = absoluteOr(env.XDG_CONFIG_HOME, join(homedir(), '.config'));
  const home = join(dataHome, 'swelearn');
  return { home, userCards: join(home, 'cards'), progress: join(home, 'progress'), cache: join(cacheHome, 'swelearn'), config: join(configHome, 'swelearn', 'config.yaml') };
}

// The XDG spec says relative paths in these variables are invalid and must be ignored.
function absoluteOr(value: string | undefined, fallback: string): string {
  return value && value.startsWith('/') ? value : fallback;
}
