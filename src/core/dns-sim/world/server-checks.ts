import type { ServerSpec, WorldWarning } from './world.js';
import type { WorldIndex } from './world-index.js';
import { delegationNames } from './delegation-check.js';

/** Warns where servers.yaml and the zone files disagree: zones nobody serves, servers for zones nobody wrote, NS addresses that are no server, lame servers. */
export function checkServers(index: WorldIndex, servers: ServerSpec[]): WorldWarning[] {
  const warnings: WorldWarning[] = [];
  for (const server of servers) {
    for (const origin of server.zones) {
      if (!index.byOrigin.has(origin)) {
        warnings.push({ code: 'server-zone-undefined', message: `server ${server.name} serves zone ${origin || '.'}, but no zone file defines it` });
      }
    }
  }
  const reportedNames = new Set<string>();
  for (const zone of index.zones) {
    const shown = zone.origin || '.';
    if (!servers.some((server) => server.zones.includes(zone.origin))) {
      warnings.push({ code: 'zone-unserved', source: zone.file, message: `zone ${shown} is served by no server in servers.yaml` });
    }
    const apex = index.recordsAt(zone, zone.origin, 'NS').map((record) => record.data as string);
    for (const name of new Set([...delegationNames(index, zone), ...apex])) {
      const addresses = [...new Set(index.addressesAnywhere(name).map((record) => record.data as string))];
      if (addresses.length === 0) continue;
      const hosts = servers.filter((server) => addresses.includes(server.address));
      if (hosts.length === 0) {
        if (!reportedNames.has(name)) {
          warnings.push({ code: 'ns-address-no-server', message: `${name} has address ${addresses.join(', ')}, but no server in servers.yaml has it; queries sent there go unanswered` });
        }
        reportedNames.add(name);
      } else if (!hosts.some((server) => server.zones.includes(zone.origin))) {
        warnings.push({ code: 'lame-delegation', source: zone.file, message: `${name} is a name server for ${shown}, but server ${hosts[0]?.name} at ${hosts[0]?.address} does not serve that zone (a lame delegation)` });
      }
    }
  }
  return warnings;
}
