import { fqdn, isInZone, labelsOf, parentName } from '../names/names.js';
import { nsec3Hash } from '../names/nsec3-hash.js';
import type { RecordType, ResourceRecord } from './world.js';

/** An NSEC3 record of a zone. */
export type Nsec3Record = ResourceRecord & { type: 'NSEC3' };

const ownerHash = (record: Nsec3Record): string => labelsOf(record.name)[0]!.toUpperCase();

/** The NSEC3 whose owner is the hash itself (RFC 5155 section 8.3: it "matches" the name hashed). */
export function matchingNsec3(records: readonly Nsec3Record[], hash: string): Nsec3Record | undefined {
  return records.find((record) => ownerHash(record) === hash);
}

/** The NSEC3 whose owner and next hashed owner lie on either side of the hash, the last one wrapping round to the first (RFC 5155 section 1.3, "covers"). */
export function coveringNsec3(records: readonly Nsec3Record[], hash: string): Nsec3Record | undefined {
  return records.find((record) => {
    const owner = ownerHash(record);
    const next = record.data.nextHashed.toUpperCase();
    return owner < next ? owner < hash && hash < next : hash > owner || hash < next;
  });
}

/** The wildcard name at a closest encloser ("*" at the root). */
export function wildcardAt(name: string): string {
  return name === '' ? '*' : `*.${name}`;
}

/**
 * Checks an NSEC3 denial as a validator does (RFC 5155 section 8): for NODATA an NSEC3 matching the name without the type
 * (or CNAME, or for DS the SOA of a child apex), else the closest encloser proof (an NSEC3 matching an ancestor that is
 * not a delegation, one covering the next closer name) and, for NXDOMAIN, one covering the wildcard at the closest
 * encloser, for NODATA one matching it without the type. Returns what is missing, or undefined when the proof holds.
 */
export function nsec3DenialProblem(zone: string, qname: string, qtype: RecordType, nxdomain: boolean, authority: readonly ResourceRecord[]): string | undefined {
  const all = authority.filter((record): record is Nsec3Record => record.type === 'NSEC3' && record.data.hashAlgorithm === 1 && parentName(record.name) === zone);
  if (all.length === 0) return `no NSEC3 record of ${fqdn(zone)} came with the denial of ${fqdn(qname)} ${qtype}`;
  // Every record of a proof is made with one zone's parameters: the others are not part of it.
  const { iterations, salt } = all[0]!.data;
  const records = all.filter((record) => record.data.iterations === iterations && record.data.salt === salt);
  const hash = (name: string): string => nsec3Hash(name, salt, iterations);
  const lacks = (record: Nsec3Record): boolean => !record.data.types.includes(qtype) && !record.data.types.includes('CNAME') && !(qtype === 'DS' && record.data.types.includes('SOA'));
  if (!nxdomain) {
    const match = matchingNsec3(records, hash(qname));
    if (match) return lacks(match) ? undefined : `the NSEC3 matching ${fqdn(qname)} lists ${qtype} or CNAME: it proves no NODATA`;
  }
  const encloser = closestEncloser(records, zone, qname, hash);
  if (encloser === undefined) return `no NSEC3 proves a closest encloser of ${fqdn(qname)} (a matching ancestor, and the next closer name covered)`;
  const wildcard = wildcardAt(encloser);
  if (nxdomain) return coveringNsec3(records, hash(wildcard)) ? undefined : `no NSEC3 covers ${fqdn(wildcard)}: a wildcard could have answered ${fqdn(qname)}`;
  const match = matchingNsec3(records, hash(wildcard));
  return match && lacks(match) ? undefined : `no NSEC3 proves ${fqdn(qname)} has no ${qtype}: neither it nor ${fqdn(wildcard)} is matched without the type`;
}

// RFC 5155 section 8.3: the closest ancestor with a matching NSEC3 whose next closer name is covered; a delegation point
// (NS without SOA) or a DNAME cannot be one, as the names below it are another zone's.
function closestEncloser(records: readonly Nsec3Record[], zone: string, qname: string, hash: (name: string) => string): string | undefined {
  for (let nextCloser = qname; nextCloser !== zone && isInZone(nextCloser, zone); nextCloser = parentName(nextCloser)) {
    const candidate = parentName(nextCloser);
    const match = matchingNsec3(records, hash(candidate));
    if (!match) continue;
    const types = match.data.types;
    const cut = (types.includes('NS') && !types.includes('SOA')) || (types as string[]).includes('DNAME');
    return !cut && coveringNsec3(records, hash(nextCloser)) ? candidate : undefined;
  }
  return undefined;
}
