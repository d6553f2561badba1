import { stripControl } from '../../core/text/sanitize.js';
import { useEffect, useState } from 'react';
import type { World } from '../../core/dns-sim/world/world.js';
import { useServices } from '../services.js';

type WorldState = { world?: World; error?: string };

// Remembers each loader's result, so reopening the simulator paints the world at once, with no "loading" frame.
const loaded = new WeakMap<() => Promise<World>, WorldState>();

/** The simulator's world: undefined while it loads, or the one-line reason it could not be loaded. */
export function useWorld(): WorldState {
  const { loadWorld } = useServices();
  const [state, setState] = useState<WorldState>(() => loaded.get(loadWorld) ?? {});
  useEffect(() => {
    if (state.world || state.error) return;
    let live = true;
    loadWorld().then(
      (world) => {
        loaded.set(loadWorld, { world });
        if (live) setState({ world });
      },
      (error: unknown) => {
        // A loader error quotes the world's own text: shown through the one rule for outside text.
        const failed = { error: stripControl(error instanceof Error ? error.message.split('\n')[0]! : String(error)) };
        loaded.set(loadWorld, failed);
        if (live) setState(failed);
      },
    );
    return () => {
      live = false;
    };
  }, [loadWorld, state.world, state.error]);
  return state;
}
