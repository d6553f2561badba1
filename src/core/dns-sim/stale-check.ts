import type { QueryOutcome } from './outcome.js';
import { fqdn } from './names/names.js';
import { rdataText } from './wire/wire-records.js';
import type { World } from './world/world.js';
import { deepestZone, recordsAt, zoneData } from './servers/zone-data.js';

/** Marks an answer as stale when the zone that owns the final name now holds different data (a cache served an old answer), or as poisoned when it carries a forged address. */
export function markStale(outcome: QueryOutcome, world: World, forgedAddresses: ReadonlySet<string> = new Set()): QueryOutcome {
  if (outcome.status !== 'answer' || outcome.records.length === 0) return outcome;
  const forged = outcome.addresses.filter((address) => forgedAddresses.has(address));
  if (forged.length > 0) return { ...outcome, poisoned: true, explanation: `${outcome.explanation}; poisoned: ${forged.join(', ')} came from a forged packet, not from the zone's servers` };
  const last = outcome.records[outcome.records.length - 1]!;
  const zone = deepestZone(world, world.zones.map((candidate) => candidate.origin), last.name);
  if (!zone) return outcome;
  const truth = recordsAt(zoneData(zone), last.name, last.type).map(rdataText).sort();
  const given = outcome.records.filter((record) => record.name === last.name && record.type === last.type).map((record) => record.data).sort();
  if (truth.length === 0 || truth.join(' ') === given.join(' ')) return outcome;
  return { ...outcome, stale: true, explanation: `${outcome.explanation}; stale: the zone now says ${fqdn(last.name)} ${last.type} ${truth.join(', ')}` };
}
