import type { WorldWarning, Zone } from './world.js';
import type { WorldIndex } from './world-index.js';
import { isInZone } from '../names/zone-names.js';

/** The NS names a resolver is given for a zone: the parent's delegation, or the apex NS set for the root. */
export function delegationNames(index: WorldIndex, zone: Zone): string[] {
  const holder = zone.origin === '' ? zone : index.parentOf(zone);
  if (!holder) return [];
  return [...new Set(index.recordsAt(holder, zone.origin, 'NS').map((record) => record.data as string))];
}

/**
 * Warns about zones a resolver starting from the root hints cannot reach: missing delegations, missing glue,
 * delegation loops. A zone at or below one of `configuredZones` (the resolver's forward and stub zones) needs no delegation.
 */
export function checkDelegations(index: WorldIndex, hasRootHints: boolean, configuredZones: readonly string[] = []): WorldWarning[] {
  const root = index.byOrigin.get('');
  if (!root) return [{ code: 'no-root-zone', message: 'the world has no root zone (root.zone), so there are no root hints and no resolution can start' }];
  const warnings: WorldWarning[] = [];
  if (!hasRootHints) warnings.push({ code: 'no-root-hints', source: root.file, message: 'the root zone has no apex NS records with addresses, so there are no root hints' });
  warnings.push(...checkNsAddresses(index));
  const reachable = findReachable(index, hasRootHints);
  const reportedLoops = new Set<string>();
  for (const zone of index.zones) {
    if (zone === root) continue;
    const parent = index.parentOf(zone) as Zone;
    const names = delegationNames(index, zone);
    if (names.length === 0) {
      if (configuredZones.some((configured) => isInZone(zone.origin, configured))) continue;
      warnings.push({ code: 'missing-delegation', source: parent.file, message: `zone ${zone.origin} is not delegated: its parent zone ${parent.origin || '.'} has no NS records for it` });
      continue;
    }
    const unglued = names.filter((name) => isInZone(name, zone.origin) && !hasGlue(index, parent, name));
    const unaddressed = names.filter((name) => index.addressesAnywhere(name).length === 0);
    for (const name of unglued.filter((n) => !unaddressed.includes(n))) {
      // RFC 9471 section 2.1 (and RFC 1034 4.2.1): a name server inside the zone it serves needs glue in the referral.
      warnings.push({ code: 'missing-glue', source: parent.file, message: `${parent.origin || '.'} delegates ${zone.origin} to ${name}, a name inside ${zone.origin}, but has no glue address for it (RFC 9471 2.1)` });
    }
    if (reachable.has(zone.origin) || !reachable.has(parent.origin)) continue;
    const cycle = findCycle(index, zone, reachable);
    if (cycle) {
      const key = [...cycle.map((step) => step.zone.origin)].sort().join(' ');
      if (!reportedLoops.has(key)) {
        reportedLoops.add(key);
        warnings.push({ code: 'delegation-loop', source: zone.file, message: describeLoop(cycle) });
      }
    } else if (names.some((name) => !unglued.includes(name) && !unaddressed.includes(name))) {
      warnings.push({ code: 'zone-unreachable', source: zone.file, message: `zone ${zone.origin} cannot be reached: none of its name servers (${names.join(', ')}) has an address a resolver can find` });
    }
  }
  return warnings;
}

/** Every NS record whose target has no A or AAAA record in any zone, glue included. */
function checkNsAddresses(index: WorldIndex): WorldWarning[] {
  const warnings: WorldWarning[] = [];
  const seen = new Set<string>();
  for (const zone of index.zones) {
    for (const record of zone.records) {
      const target = record.data as string;
      if (record.type !== 'NS' || seen.has(`${record.name} ${target}`) || index.addressesAnywhere(target).length > 0) continue;
      seen.add(`${record.name} ${target}`);
      warnings.push({ code: 'ns-no-address', source: record.source, message: `${target}, a name server for ${record.name || '.'}, has no A or AAAA record anywhere in the world, so no resolver can reach it` });
    }
  }
  return warnings;
}

function hasGlue(index: WorldIndex, parent: Zone, name: string): boolean {
  return index.recordsAt(parent, name).some((record) => record.type === 'A' || record.type === 'AAAA');
}

/** Zones a resolver can reach from the root hints, found by repeating until nothing changes (RFC 1034 5.3.3). */
function findReachable(index: WorldIndex, hasRootHints: boolean): Set<string> {
  const reachable = new Set<string>(hasRootHints ? [''] : []);
  for (let changed = true; changed; ) {
    changed = false;
    for (const zone of index.zones) {
      const parent = index.parentOf(zone);
      if (reachable.has(zone.origin) || !parent || !reachable.has(parent.origin)) continue;
      const found = delegationNames(index, zone).some((name) => hasGlue(index, parent, name) || addressKnown(index, name, reachable));
      if (found) {
        reachable.add(zone.origin);
        changed = true;
      }
    }
  }
  return reachable;
}

function addressKnown(index: WorldIndex, name: string, reachable: Set<string>): boolean {
  const zone = index.zoneFor(name);
  return zone !== undefined && reachable.has(zone.origin) && hasGlue(index, zone, name);
}

interface LoopStep {
  zone: Zone;
  /** The NS names that lead to the next zone, or none when the next zone is the parent. */
  via: string[];
}

function dependencies(index: WorldIndex, zone: Zone, reachable: Set<string>): { next: Zone; via: string[] }[] {
  const parent = index.parentOf(zone);
  if (!parent) return [];
  if (!reachable.has(parent.origin)) return [{ next: parent, via: [] }];
  const byZone = new Map<Zone, string[]>();
  for (const name of delegationNames(index, zone)) {
    const next = index.zoneFor(name);
    if (!next || next === zone || reachable.has(next.origin) || hasGlue(index, parent, name)) continue;
    byZone.set(next, [...(byZone.get(next) ?? []), name]);
  }
  return [...byZone].map(([next, via]) => ({ next, via }));
}

function findCycle(index: WorldIndex, start: Zone, reachable: Set<string>): LoopStep[] | undefined {
  const visited = new Set<Zone>();
  const walk = (zone: Zone, path: LoopStep[]): LoopStep[] | undefined => {
    for (const { next, via } of dependencies(index, zone, reachable)) {
      const step = [...path, { zone, via }];
      if (next === start) return step;
      if (visited.has(next)) continue;
      visited.add(next);
      const found = walk(next, step);
      if (found) return found;
    }
    return undefined;
  };
  return walk(start, []);
}

function describeLoop(cycle: LoopStep[]): string {
  const parts = cycle.map((step, i) => {
    const next = (cycle[(i + 1) % cycle.length] as LoopStep).zone.origin || '.';
    return step.via.length === 0 ? `${step.zone.origin} is delegated from ${next}` : `${step.zone.origin}'s name servers (${step.via.join(', ')}) are in ${next}`;
  });
  return `delegation loop: ${parts.join(', and ')}; no glue breaks the cycle, so a resolver can reach none of them`;
}
