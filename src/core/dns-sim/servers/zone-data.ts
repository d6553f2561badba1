import { isBelow, labelsOf, parentName } from '../names/names.js';
import type { RecordType, ResourceRecord, World, Zone } from '../world/world.js';

/** A zone indexed for answering: records by owner name, and every name that exists (owners and empty non-terminals). */
export interface ZoneData {
  zone: Zone;
  byName: Map<string, ResourceRecord[]>;
  existing: Set<string>;
  soa?: ResourceRecord & { type: 'SOA' };
}

const cache = new WeakMap<Zone, ZoneData>();

/** Indexes a zone once; later calls return the same index. */
export function zoneData(zone: Zone): ZoneData {
  const known = cache.get(zone);
  if (known) return known;
  const byName = new Map<string, ResourceRecord[]>();
  const existing = new Set<string>();
  for (const record of zone.records) {
    const list = byName.get(record.name) ?? [];
    list.push(record);
    byName.set(record.name, list);
    // RFC 8020 and RFC 4592 section 2.2.2: a name with something below it exists even without records (an empty non-terminal).
    for (let name = record.name; isBelow(name, zone.origin) || name === zone.origin; name = parentName(name)) {
      existing.add(name);
      if (name === zone.origin) break;
    }
  }
  const soa = byName.get(zone.origin)?.find((record) => record.type === 'SOA') as ZoneData['soa'];
  const data: ZoneData = soa ? { zone, byName, existing, soa } : { zone, byName, existing };
  cache.set(zone, data);
  return data;
}

/** Records of one type at a name in a zone. */
export function recordsAt(data: ZoneData, name: string, type?: RecordType): ResourceRecord[] {
  const list = data.byName.get(name) ?? [];
  return type === undefined ? list : list.filter((record) => record.type === type);
}

/** The highest zone cut (NS records below the apex) at or above name inside the zone, if any. */
export function delegationFor(data: ZoneData, name: string): string | undefined {
  const origin = data.zone.origin;
  const nameLabels = labelsOf(name);
  const depth = labelsOf(origin).length;
  for (let take = depth + 1; take <= nameLabels.length; take++) {
    const candidate = nameLabels.slice(nameLabels.length - take).join('.');
    if (recordsAt(data, candidate, 'NS').length > 0) return candidate;
  }
  return undefined;
}

/** The deepest zone of the world, among the given origins, that contains name. */
export function deepestZone(world: World, origins: readonly string[], name: string): Zone | undefined {
  let best: Zone | undefined;
  for (const zone of world.zones) {
    if (!origins.includes(zone.origin)) continue;
    if (zone.origin !== '' && name !== zone.origin && !name.endsWith(`.${zone.origin}`)) continue;
    if (!best || labelsOf(zone.origin).length > labelsOf(best.origin).length) best = zone;
  }
  return best;
}
