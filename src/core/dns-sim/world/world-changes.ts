import type { World, WorldChange } from './world.js';

export type { WorldChange } from './world.js';

// Keyed by the change list and then the base world, so two sessions never share a changed world.
const memo = new WeakMap<readonly WorldChange[], WeakMap<World, Map<string, World>>>();

/** The world as it is at nowMs: every change with atMs <= nowMs applied in order (memoised, so zone indexes are reused). */
export function worldAt(world: World, changes: readonly WorldChange[], nowMs: number): World {
  const applied = changes.filter((change) => change.atMs <= nowMs);
  if (applied.length === 0) return world;
  const key = applied.map((change) => changes.indexOf(change)).join(',');
  const perList = memo.get(changes) ?? new WeakMap<World, Map<string, World>>();
  memo.set(changes, perList);
  const perWorld = perList.get(world) ?? new Map<string, World>();
  perList.set(world, perWorld);
  const known = perWorld.get(key);
  if (known) return known;
  let current = world;
  for (const change of applied) current = applyChange(current, change);
  perWorld.set(key, current);
  return current;
}

function applyChange(world: World, change: WorldChange): World {
  if (change.kind === 'set-behaviour' || change.kind === 'set-rtt') {
    const edit = change.kind === 'set-behaviour' ? { behaviour: change.behaviour } : { rttMs: change.rttMs };
    return { ...world, servers: world.servers.map((server) => (server.name === change.server || server.address === change.server ? { ...server, ...edit } : server)) };
  }
  if (change.kind === 'replace-zone') {
    const replaced = { origin: change.zone, records: change.records, file: change.file };
    const known = world.zones.some((zone) => zone.origin === change.zone);
    return { ...world, zones: known ? world.zones.map((zone) => (zone.origin === change.zone ? replaced : zone)) : [...world.zones, replaced] };
  }
  return {
    ...world,
    zones: world.zones.map((zone) =>
      zone.origin !== change.zone
        ? zone
        : { ...zone, records: [...zone.records.filter((record) => !(record.name === change.name && record.type === change.type)), ...change.records] },
    ),
  };
}
