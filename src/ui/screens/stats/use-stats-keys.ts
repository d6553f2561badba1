import { useInput } from 'ink';
import { resolveStatsKey } from './stats-keys.js';
import type { StatsAction } from './stats-state.js';

/** Maps keys to scroll actions; q and Esc go to the owner. */
export function useStatsKeys(dispatch: (action: StatsAction) => void, onExit: (() => void) | undefined, isActive: boolean): void {
  useInput(
    (input, key) => {
      const command = resolveStatsKey(input, key);
      if (!command) return;
      if (command.type === 'exit') onExit?.();
      else dispatch(command);
    },
    { isActive },
  );
}
