import { useInput } from 'ink';
import { splitKeys } from '../../key-bus.js';
import { resolveStatsKey } from './stats-keys.js';
import type { StatsAction } from './stats-state.js';

/** Maps keys to scroll and help actions; q and Esc go to the owner unless they are closing the key help. */
export function useStatsKeys(isHelpOpen: () => boolean, dispatch: (action: StatsAction) => void, onExit: (() => void) | undefined, isActive: boolean): void {
  useInput(
    (input, key) => {
      // One read can hold several keys ("jjj" typed quickly): each acts alone, in order.
      for (const [piece, pieceKey] of splitKeys(input, key)) {
        const command = resolveStatsKey(piece, pieceKey, isHelpOpen());
        if (!command) continue;
        if (command.type === 'exit') return onExit?.();
        dispatch(command);
      }
    },
    { isActive },
  );
}
