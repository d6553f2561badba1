import { labelsOf, parentName } from '../names/names.js';
import { typeCode } from '../wire/encode.js';
import { publishesDs, type DnssecModel } from '../world/dnssec-model.js';
import type { RecordType, ResourceRecord } from '../world/world.js';
import { delegationFor, recordsAt, type ZoneData } from './zone-data.js';

/** Whether a signed zone answers with compact denial of existence (RFC 9824). */
export function isCompact(model: DnssecModel, zone: string): boolean {
  return model.compactZones?.includes(zone) ?? false;
}

/**
 * The one NSEC of a compact answer (RFC 9824 section 3), made when the question comes: owned by the name asked, its next
 * name the name's immediate successor (a first label of one zero byte, "\000."), or at a delegation the first label with a
 * zero byte appended, so that the range stays out of the child (section 3.4). Its types: RRSIG NSEC NXNAME for a name that
 * does not exist (section 3.1); the types there and RRSIG NSEC for one that does, none else for an empty non-terminal
 * (section 3.2); the wildcard's types for a name a wildcard matches (section 3.3).
 */
export function compactNsec(model: DnssecModel, data: ZoneData, name: string): ResourceRecord {
  const origin = data.zone.origin;
  const delegation = name !== origin && recordsAt(data, name, 'NS').length > 0;
  const [first, ...rest] = labelsOf(name);
  const next = delegation ? [`${first}\u0000`, ...rest].join('.') : `\u0000.${name}`;
  const source = data.existing.has(name) ? name : wildcardFor(data, name);
  const present = source === undefined ? ['NXNAME' as const] : typesAt(model, data, source);
  const types = [...present, 'RRSIG', 'NSEC'].sort((a, b) => typeCode(a as RecordType) - typeCode(b as RecordType)) as RecordType[];
  const ttl = Math.min(data.soa!.ttlSeconds, data.soa!.data.minimum);
  return { name, type: 'NSEC', ttlSeconds: ttl, data: { nextDomain: next, types } };
}

// The types at a name that exists: the apex adds its DNSKEY set, a delegation its DS when the child's is published.
function typesAt(model: DnssecModel, data: ZoneData, name: string): RecordType[] {
  const types = new Set(recordsAt(data, name).map((record) => record.type));
  if (name === data.zone.origin) types.add('DNSKEY');
  if (name !== data.zone.origin && types.has('NS') && publishesDs(model, name)) types.add('DS');
  return [...types];
}

// RFC 4592 section 3.3.1: the wildcard at the closest encloser, if the zone has one and no zone cut is in the way.
function wildcardFor(data: ZoneData, name: string): string | undefined {
  let encloser = parentName(name);
  while (!data.existing.has(encloser) && encloser !== data.zone.origin && encloser !== '') encloser = parentName(encloser);
  const wildcard = encloser === '' ? '*' : `*.${encloser}`;
  return data.byName.has(wildcard) && delegationFor(data, wildcard) === undefined ? wildcard : undefined;
}
