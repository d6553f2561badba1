import type { ResourceRecord, Zone } from './world.js';

/** Lookups over a world's zones that the load-time checks share, precomputed so big zones stay fast. */
export interface WorldIndex {
  zones: Zone[];
  byOrigin: Map<string, Zone>;
  /** The closest enclosing zone of a zone, if the world defines one. */
  parentOf(zone: Zone): Zone | undefined;
  /** The deepest zone whose origin contains name: the zone that answers for it. */
  zoneFor(name: string): Zone | undefined;
  /** Records at a name in one zone, of one type when given. */
  recordsAt(zone: Zone, name: string, type?: ResourceRecord['type']): ResourceRecord[];
  /** A and AAAA records for name in any zone, glue included. */
  addressesAnywhere(name: string): ResourceRecord[];
}

/** Builds the shared lookups; zones with a repeated origin must already be removed. */
export function indexWorld(zones: Zone[]): WorldIndex {
  const byOrigin = new Map(zones.map((zone) => [zone.origin, zone]));
  const byZone = new Map<Zone, Map<string, ResourceRecord[]>>();
  const addresses = new Map<string, ResourceRecord[]>();
  for (const zone of zones) {
    const names = new Map<string, ResourceRecord[]>();
    for (const record of zone.records) {
      append(names, record.name, record);
      if (record.type === 'A' || record.type === 'AAAA') append(addresses, record.name, record);
    }
    byZone.set(zone, names);
  }
  const zoneFor = (name: string, except?: string): Zone | undefined => {
    // Walk up the name one label at a time: the first origin found is the deepest zone.
    let candidate = name;
    for (;;) {
      const zone = byOrigin.get(candidate);
      if (zone && candidate !== except) return zone;
      if (candidate === '') return undefined;
      const dot = candidate.indexOf('.');
      candidate = dot < 0 ? '' : candidate.slice(dot + 1);
    }
  };
  return {
    zones,
    byOrigin,
    parentOf: (zone) => (zone.origin === '' ? undefined : zoneFor(zone.origin, zone.origin)),
    zoneFor: (name) => zoneFor(name),
    recordsAt: (zone, name, type) => (byZone.get(zone)?.get(name) ?? []).filter((record) => type === undefined || record.type === type),
    addressesAnywhere: (name) => addresses.get(name) ?? [],
  };
}

function append(map: Map<string, ResourceRecord[]>, key: string, record: ResourceRecord): void {
  const list = map.get(key);
  if (list) list.push(record);
  else map.set(key, [record]);
}
