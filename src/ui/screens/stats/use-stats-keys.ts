import { useInput } from 'ink';
import { resolveStatsKey } from './stats-keys.js';
import type { StatsAction } from './stats-state.js';

/** Maps keys to scroll and help actions; q and Esc go to the owner unless they are closing the key help. */
export function useStatsKeys(isHelpOpen: () => boolean, dispatch: (action: StatsAction) => void, onExit: (() => void) | undefined, isActive: boolean): void {
  useInput(
    (input, key) => {
      const command = resolveStatsKey(input, key, isHelpOpen());
      if (!command) return;
      if (command.type === 'exit') onExit?.();
      else dispatch(command);
    },
    { isActive },
  );
}
