import { isBelow, parentName } from '../names/names.js';
import { hashedOwner, nsec3Hash } from '../names/nsec3-hash.js';
import { typeCode } from '../wire/encode.js';
import { publishesDs, type DnssecModel } from '../world/dnssec-model.js';
import { coveringNsec3, matchingNsec3, wildcardAt, type Nsec3Record } from '../world/nsec3-proof.js';
import type { Nsec3Zone, RecordType, ResourceRecord } from '../world/world.js';
import { delegationFor, recordsAt, type ZoneData } from './zone-data.js';

/** The NSEC3 parameters of a signed zone that denies with NSEC3, or undefined for an NSEC zone. */
export function nsec3Of(model: DnssecModel, zone: string): Nsec3Zone | undefined {
  return model.nsec3Zones?.find((entry) => entry.zone === zone);
}

/** The NSEC3PARAM record at the zone's apex (RFC 5155 section 4): hash 1 (SHA-1), flags 0, the zone's iterations and salt. */
export function nsec3ParamRecord(data: ZoneData, params: Nsec3Zone): ResourceRecord {
  return { name: data.zone.origin, type: 'NSEC3PARAM', ttlSeconds: negativeTtl(data), data: { hashAlgorithm: 1, flags: 0, iterations: params.iterations, salt: params.salt } };
}

// RFC 9077: the TTL of denial records is the smaller of the SOA's TTL and its minimum field, as the negative answer's.
function negativeTtl(data: ZoneData): number {
  return Math.min(data.soa!.ttlSeconds, data.soa!.data.minimum);
}

const chains = new WeakMap<ZoneData, Map<string, Nsec3Record[]>>();

/**
 * The zone's NSEC3 chain (RFC 5155 section 7.1): one record per name of the zone that exists (empty non-terminals with an
 * empty type bitmap, delegations with their NS and DS) but not below a zone cut, ordered by hash, each naming the next
 * hash and wrapping round. Opt-out is not modelled, so insecure delegations have records too.
 */
export function nsec3Chain(model: DnssecModel, data: ZoneData, params: Nsec3Zone): Nsec3Record[] {
  // The chain depends on the parameters and on which children publish a DS (signed, and no missing-DS fault).
  const key = `${params.iterations}|${params.salt}|${model.signedZones.join(',')}|${model.missingDsZones?.join(',') ?? ''}`;
  const known = chains.get(data)?.get(key);
  if (known) return known;
  const origin = data.zone.origin;
  const names = [...data.existing].filter((name) => delegationFor(data, name) === undefined || delegationFor(data, name) === name);
  const entries = names.map((name) => ({ name, hash: nsec3Hash(name, params.salt, params.iterations), types: typesAt(model, data, name) })).sort((a, b) => (a.hash < b.hash ? -1 : 1));
  const ttl = negativeTtl(data);
  const chain = entries.map((entry, index): Nsec3Record => ({
    name: hashedOwner(entry.name, origin, params.salt, params.iterations), type: 'NSEC3', ttlSeconds: ttl,
    data: { hashAlgorithm: 1, flags: 0, iterations: params.iterations, salt: params.salt, nextHashed: entries[(index + 1) % entries.length]!.hash, types: entry.types },
  }));
  chains.set(data, (chains.get(data) ?? new Map<string, Nsec3Record[]>()).set(key, chain));
  return chain;
}

// The types at the original owner name (RFC 5155 section 3.2.1): the apex adds its keys and NSEC3PARAM, a delegation its DS
// when the child's is published; RRSIG when something there is signed (an unsigned delegation's NS set is not).
function typesAt(model: DnssecModel, data: ZoneData, name: string): RecordType[] {
  const types = new Set(recordsAt(data, name).map((record) => record.type));
  if (name === data.zone.origin) for (const type of ['DNSKEY', 'NSEC3PARAM'] as const) types.add(type);
  const delegation = name !== data.zone.origin && types.has('NS');
  if (delegation && publishesDs(model, name)) types.add('DS');
  if (types.size > 0 && (!delegation || types.has('DS'))) types.add('RRSIG');
  return [...types].sort((a, b) => typeCode(a) - typeCode(b));
}

/**
 * The NSEC3 records that deny a name or a type (RFC 5155 section 7.2): for NODATA the one matching the name; otherwise the
 * closest encloser proof (its matching record, the record covering the next closer name) and the record covering the
 * wildcard at the closest encloser, or matching it when the wildcard exists (a wildcard NODATA, section 7.2.5).
 */
export function nsec3Denial(model: DnssecModel, data: ZoneData, params: Nsec3Zone, qname: string, nodata: boolean): ResourceRecord[] {
  const chain = nsec3Chain(model, data, params);
  const hash = (name: string): string => nsec3Hash(name, params.salt, params.iterations);
  const exact = nodata ? matchingNsec3(chain, hash(qname)) : undefined;
  if (exact) return [exact];
  let nextCloser = qname;
  while (isBelow(parentName(nextCloser), data.zone.origin) && !matchingNsec3(chain, hash(parentName(nextCloser)))) nextCloser = parentName(nextCloser);
  const encloser = parentName(nextCloser);
  const wildcard = hash(wildcardAt(encloser));
  const proof = [matchingNsec3(chain, hash(encloser)), coveringNsec3(chain, hash(nextCloser)), matchingNsec3(chain, wildcard) ?? coveringNsec3(chain, wildcard)];
  return [...new Set(proof.filter((record): record is Nsec3Record => record !== undefined))];
}
