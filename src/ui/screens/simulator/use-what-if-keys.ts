import type { World } from '../../../core/dns-sim/world/world.js';
import { clamp } from '../../components/window.js';
import { useKeys } from '../../hooks/use-keys.js';
import { useNavigator } from '../../nav.js';
import { cachedRun, NO_WHAT_IF, type SimRun, type WhatIf } from './build-run.js';
import { summariseRun } from './run-summary.js';
import type { SimulatorAction, SimulatorState, WhatIfMenu } from './simulator-state.js';
import { CLOCK_STEPS, menuItems, nextSeed, RESOLVER_PROGRAMS, serverChoices, setTtl, stepTtl, toggleServer, ttlChoices } from './what-if-menu.js';

/** The what-if menu's keys: every change re-runs the scenario (or the whole session) and says what changed. */
export function useWhatIfKeys({ world, run, latest, dispatch, isActive }: { world: World; run: SimRun; latest: () => SimulatorState; dispatch: (action: SimulatorAction) => void; isActive: () => boolean }): void {
  const nav = useNavigator();
  // Edits made in a list (servers, TTLs) keep the menu open for the next one; the others close it to watch the run.
  const apply = (whatIf: WhatIf, notice: string, options: { startAtQuestion?: number; close?: boolean; menu?: WhatIfMenu } = {}) => {
    const { startAtQuestion } = options;
    const state = latest();
    let cursor: number | undefined;
    if (startAtQuestion !== undefined && state.source) {
      const next = cachedRun(world, state.source, state.seed, whatIf);
      if (!('error' in next)) cursor = Math.max(0, next.result.events.findIndex((event) => event.queryIndex === startAtQuestion));
    }
    dispatch({ type: 'whatIf', whatIf, before: summariseRun(run.result), notice, closeMenu: options.close === true, ...(cursor === undefined ? {} : { cursor }), ...(options.menu ? { menu: options.menu } : {}) });
  };

  useKeys(
    'whatIf',
    ({ action }) => {
      const state = latest();
      const menu = state.menu ?? { level: 'top' as const, cursor: 0 };
      const items = menuItems(menu, world, run, state.whatIf);
      const item = items[menu.cursor];
      switch (action) {
        case 'up': case 'down':
          return dispatch({ type: 'menu', menu: { ...menu, cursor: clamp(menu.cursor + (action === 'up' ? -1 : 1), 0, Math.max(0, items.length - 1)) } });
        case 'back':
          return dispatch({ type: 'menu', menu: menu.level === 'top' ? undefined : { level: 'top', cursor: 0 } });
        case 'help':
          return nav.showHelp();
        case 'increase': case 'decrease': {
          if (menu.level !== 'ttl') return;
          const choice = ttlChoices(run, state.whatIf)[menu.cursor];
          if (!choice) return;
          const ttlSeconds = stepTtl(choice.ttlSeconds, action === 'increase' ? 1 : -1);
          return apply(setTtl(state.whatIf, { ...choice, ttlSeconds }), `what-if: ${choice.name || '.'} ${choice.type} now has TTL ${ttlSeconds} s; running again`);
        }
        case 'open': {
          if (!item) return;
          if (menu.level === 'top') {
            if (item.key === 'qmin') {
              const on = !(state.whatIf.qnameMinimisation ?? run.result.qnameMinimisation);
              return apply({ ...state.whatIf, qnameMinimisation: on }, `what-if: QNAME minimisation ${on ? 'on' : 'off'}; running again`, { close: true });
            }
            if (item.key === 'reset') return apply(NO_WHAT_IF, 'every what-if undone; running again', { close: true });
            if (item.key === 'seed') {
              // Closed first: closing the menu clears the notice the new seed sets.
              dispatch({ type: 'menu', menu: undefined });
              return dispatch({ type: 'newSeed', seed: nextSeed(run.result.seed), before: summariseRun(run.result) });
            }
            return dispatch({ type: 'menu', menu: { level: item.key as 'servers' | 'ttl' | 'clock' | 'personality', cursor: 0 } });
          }
          if (menu.level === 'servers') {
            const server = serverChoices(world, run).find((choice) => choice.name === item.key);
            if (!server) return;
            const next = toggleServer(state.whatIf, server.name, server.behaviour);
            const down = next.downServers.includes(server.name) || (server.behaviour !== 'up' && !next.upServers.includes(server.name));
            // The list puts the servers the new run asked first, so it can re-sort: the cursor follows the server just switched.
            const after = state.source && cachedRun(world, state.source, state.seed, next);
            const at = after && !('error' in after) ? serverChoices(world, after).findIndex((choice) => choice.name === server.name) : -1;
            return apply(next, `what-if: ${server.name} is ${down ? 'down' : 'up'}; running again`, at >= 0 ? { menu: { level: 'servers', cursor: at } } : {});
          }
          if (menu.level === 'clock') {
            const step = CLOCK_STEPS[menu.cursor]!;
            const question = run.result.outcomes.length;
            return apply({ ...state.whatIf, askAgainAfterMs: [...state.whatIf.askAgainAfterMs, step.ms] }, `what-if: the same question again ${step.label} later; playing from there`, { startAtQuestion: question, close: true });
          }
          if (menu.level === 'personality') {
            const program = RESOLVER_PROGRAMS[menu.cursor];
            if (!program) return;
            return apply({ ...state.whatIf, personality: program.id }, `what-if: the resolver behaves like ${program.name}; running again`, { close: true });
          }
          return dispatch({ type: 'menu', menu: undefined });
        }
      }
    },
    { isActive },
  );
}
