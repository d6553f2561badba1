import type { World } from '../../../core/dns-sim/world/world.js';

/** A few names worth resolving in a world: host records in second-level zones, name servers left out. */
export function suggestedNames(world: World, limit = 6): string[] {
  const names: string[] = [];
  for (const zone of world.zones) {
    if (zone.origin.split('.').length < 2 || zone.origin.endsWith('cluster.local')) continue;
    for (const record of zone.records) {
      if (!['A', 'AAAA', 'CNAME', 'TXT'].includes(record.type) || /^ns\d*\./.test(record.name) || names.includes(record.name)) continue;
      names.push(record.name);
    }
  }
  return names.slice(0, limit);
}
