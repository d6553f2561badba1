import { PERSONALITIES } from '../../../core/dns-sim/personalities/index.js';
import type { ResolverPersonality } from '../../../core/dns-sim/personalities/types.js';
import type { ServerBehaviour, World } from '../../../core/dns-sim/world/world.js';
import type { PickerItem } from '../../components/picker-view.js';
import type { SimRun, TtlOverride, WhatIf } from './build-run.js';
import { showTtl } from './cache-view.js';
import type { WhatIfMenu } from './simulator-state.js';

/** The resolver programs the simulator imitates, Unbound (the default) first. */
export const RESOLVER_PROGRAMS: readonly ResolverPersonality[] = PERSONALITIES;

/** TTL values the what-if menu steps through with + and -. */
export const TTL_STEPS = [1, 5, 30, 60, 300, 900, 3600, 86400, 172800] as const;

/** Delays "advance the clock" offers before the same question is asked again. */
export const CLOCK_STEPS: readonly { label: string; ms: number }[] = [
  { label: '10 seconds', ms: 10_000 }, { label: '1 minute', ms: 60_000 }, { label: '5 minutes', ms: 300_000 },
  { label: '30 minutes', ms: 1_800_000 }, { label: '1 hour', ms: 3_600_000 }, { label: '1 day', ms: 86_400_000 },
];

/** Servers a learner may take down: those the run talked to first, then the rest of the world. */
export function serverChoices(world: World, run: SimRun): { name: string; behaviour: ServerBehaviour; used: boolean }[] {
  const used = new Set(run.result.events.filter((event) => event.type === 'query-sent').map((event) => event.to.name));
  const servers = world.servers.map((server) => ({ name: server.name, behaviour: server.behaviour, used: used.has(server.name) }));
  return [...servers.filter((server) => server.used), ...servers.filter((server) => !server.used)];
}

/** Records whose TTL is worth changing: those in authoritative answers of the run, with the TTL the zone gives them. */
export function ttlChoices(run: SimRun, whatIf: WhatIf): TtlOverride[] {
  const seen = new Map<string, TtlOverride>();
  for (const event of run.result.events) {
    if (event.type !== 'response-received' || !event.message?.flags.aa) continue;
    for (const record of event.message.answer) {
      const key = `${record.name}|${record.type}`;
      if (!seen.has(key)) seen.set(key, { name: record.name, type: record.type, ttlSeconds: record.ttlSeconds });
    }
  }
  return [...seen.values()].map((choice) => whatIf.ttl.find((override) => override.name === choice.name && override.type === choice.type) ?? choice);
}

/** The seed `r` and the menu's "new seed" draw next: the one after the run's, kept inside the PRNG's range. */
export function nextSeed(seed: number): number {
  return (seed % 2_147_483_646) + 1;
}

/** The menu's rows at its current level. */
export function menuItems(menu: WhatIfMenu, world: World, run: SimRun, whatIf: WhatIf): PickerItem[] {
  switch (menu.level) {
    case 'top': {
      const qmin = whatIf.qnameMinimisation ?? run.result.qnameMinimisation;
      // A session's questions, times and changes are its file's: what it can change is the resolver and the seed, for the whole session.
      if (run.session) {
        return [
          { key: 'qmin', label: `QNAME minimisation: ${qmin ? 'on' : 'off'}`, note: 'Enter switches it, for every question' },
          { key: 'personality', label: `Resolver program: ${run.result.resolverModel.name}`, note: 'Unbound, BIND or Knot' },
          { key: 'seed', label: `New seed (now ${run.result.seed})`, note: 'servers and round-trip times drawn again' },
          { key: 'reset', label: 'Undo every what-if', note: '' },
        ];
      }
      return [
        { key: 'servers', label: 'Take a server down, or bring it back', note: whatIf.downServers.length ? `${whatIf.downServers.length} down` : '' },
        { key: 'ttl', label: 'Change a TTL', note: whatIf.ttl.length ? `${whatIf.ttl.length} changed` : '' },
        { key: 'clock', label: 'Advance the clock: ask the same question again later', note: whatIf.askAgainAfterMs.length ? `${whatIf.askAgainAfterMs.length} more` : '' },
        { key: 'qmin', label: `QNAME minimisation: ${qmin ? 'on' : 'off'}`, note: 'Enter switches it' },
        { key: 'personality', label: `Resolver program: ${run.result.resolverModel.name}`, note: 'Unbound, BIND or Knot' },
        { key: 'reset', label: 'Undo every what-if', note: '' },
      ];
    }
    case 'servers':
      return serverChoices(world, run).map((server) => {
        const down = whatIf.upServers.includes(server.name) ? false : whatIf.downServers.includes(server.name) || server.behaviour !== 'up';
        return { key: server.name, label: `${down ? 'DOWN' : 'up  '}  ${server.name}`, note: server.used ? 'asked in this run' : '' };
      });
    case 'ttl':
      return ttlChoices(run, whatIf).map((choice) => ({ key: `${choice.name}|${choice.type}`, label: `${choice.name || '.'} ${choice.type}`, note: `TTL ${showTtl(choice.ttlSeconds)}  (+ and - change it)` }));
    case 'clock':
      return CLOCK_STEPS.map((step) => ({ key: String(step.ms), label: `Ask again ${step.label} after the last question`, note: '' }));
    case 'personality':
      return RESOLVER_PROGRAMS.map((program) => ({ key: program.id, label: `${program.id === run.result.resolverModel.id ? 'in use  ' : '        '}${program.name}`, note: program.summary }));
  }
}

/** The TTL one step up or down the ladder from the current value; a value past the ladder's end stays where it is. */
export function stepTtl(current: number, direction: 1 | -1): number {
  // The root's NS set (518400 s, the answer to a priming query) is above the top step: + must not lower it.
  if (direction > 0) return TTL_STEPS.find((value) => value > current) ?? Math.max(current, TTL_STEPS[TTL_STEPS.length - 1]!);
  return [...TTL_STEPS].reverse().find((value) => value < current) ?? Math.min(current, TTL_STEPS[0]);
}

/** Takes a server down or brings it back: a server down in the world itself comes back up, and the other way round. */
export function toggleServer(whatIf: WhatIf, name: string, worldBehaviour: ServerBehaviour): WhatIf {
  const toggle = (list: string[]) => (list.includes(name) ? list.filter((server) => server !== name) : [...list, name]);
  return worldBehaviour === 'up' ? { ...whatIf, downServers: toggle(whatIf.downServers) } : { ...whatIf, upServers: toggle(whatIf.upServers) };
}

/** Sets one record's TTL override. */
export function setTtl(whatIf: WhatIf, choice: TtlOverride): WhatIf {
  return { ...whatIf, ttl: [...whatIf.ttl.filter((override) => !(override.name === choice.name && override.type === choice.type)), choice] };
}
