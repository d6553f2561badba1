import type { HostsEntry, ResolvConf, ResolverConfig, ResolverSpec, ServerSpec, World, WorldWarning, Zone } from './world.js';
import { indexWorld } from './world-index.js';
import { deriveRootHints } from './root-hints.js';
import { checkZoneData } from './zone-checks.js';
import { checkDelegations } from './delegation-check.js';
import { checkServers } from './server-checks.js';

/** The servers.yaml part a world is built from. */
export interface ServerMapInput {
  resolver?: ResolverSpec;
  servers: ServerSpec[];
  /** The resolver's configuration: its forward and stub zones are reached without a delegation. */
  resolverConfig?: ResolverConfig;
}

/** The optional client-side files of a world. */
export interface WorldExtras {
  resolvConf?: ResolvConf;
  hosts?: HostsEntry[];
}

/** Assembles a world from parsed zones and a server map, deriving the root hints and warning (never throwing) about impossible worlds. */
export function buildWorld(zones: Zone[], serverMap: ServerMapInput, extras: WorldExtras = {}): World {
  const warnings: WorldWarning[] = [];
  const kept: Zone[] = [];
  for (const zone of zones) {
    const first = kept.find((other) => other.origin === zone.origin);
    if (first) {
      warnings.push({ code: 'duplicate-zone', source: zone.file, message: `zone ${zone.origin || '.'} is defined again in ${zone.file ?? 'another file'}; the one in ${first.file ?? 'the first file'} is used` });
    } else kept.push(zone);
  }
  const index = indexWorld(kept);
  const roots = deriveRootHints(index);
  warnings.push(
    ...roots.warnings,
    ...checkZoneData(index),
    ...checkDelegations(index, roots.hints.length > 0, configuredZones(serverMap.resolverConfig)),
    ...checkServers(index, serverMap.servers),
  );
  const world: World = { zones: kept, servers: serverMap.servers, rootHints: roots.hints, warnings };
  if (serverMap.resolver) world.resolver = serverMap.resolver;
  if (extras.resolvConf) world.resolvConf = extras.resolvConf;
  if (extras.hosts) world.hosts = extras.hosts;
  return world;
}

// Zones the resolver is told how to reach (forward and stub zones) need no delegation from their parent: a
// private zone such as cluster.local is never delegated from the root.
function configuredZones(config: ResolverConfig | undefined): string[] {
  return [...(config?.forwardZones ?? []), ...(config?.stubZones ?? [])].map((configured) => configured.zone);
}
