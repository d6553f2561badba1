import type { RecordType, ResourceRecord, ServerBehaviour, World } from './world.js';

/** A change to the world at a virtual time: an operator edits records, or a server changes behaviour. */
export type WorldChange =
  | { atMs: number; kind: 'set-records'; zone: string; name: string; type: RecordType; records: ResourceRecord[]; description: string }
  | { atMs: number; kind: 'set-behaviour'; server: string; behaviour: ServerBehaviour; description: string };

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
  if (change.kind === 'set-behaviour') {
    return { ...world, servers: world.servers.map((server) => (server.name === change.server || server.address === change.server ? { ...server, behaviour: change.behaviour } : server)) };
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
