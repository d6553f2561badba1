import { dnskeySet, dsSet, isSigned, publishesDs, rrsetsOf, signRrset, type DnssecModel } from '../world/dnssec-model.js';
import { labelsOf, parentName } from '../names/names.js';
import type { DnsMessage } from '../wire/wire.js';
import type { RecordType, ResourceRecord } from '../world/world.js';
import { delegationFor, recordsAt, type ZoneData } from './zone-data.js';
import { nsec3Chain, nsec3Denial, nsec3Of, nsec3ParamRecord } from './nsec3-denial.js';
import { nsec3Hash } from '../names/nsec3-hash.js';
import { coveringNsec3 } from '../world/nsec3-proof.js';
import { compactNsec, isCompact } from './compact-denial.js';

/** The model and the virtual time an authoritative server signs at. */
export interface SigningContext {
  model: DnssecModel;
  nowMs: number;
}

/** RFC 4034 section 6.1 canonical order: labels compared right to left, a name before the names below it. */
export function compareCanonical(a: string, b: string): number {
  const left = labelsOf(a).reverse();
  const right = labelsOf(b).reverse();
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] !== right[i]) return left[i]! < right[i]! ? -1 : 1;
  }
  return left.length - right.length;
}

/** Whether an NSEC from owner to next covers a name: strictly between them in canonical order, the last NSEC of a zone wrapping to the apex. */
export function nsecCovers(owner: string, next: string, zone: string, name: string): boolean {
  const afterOwner = compareCanonical(owner, name) < 0;
  return next === zone ? afterOwner : afterOwner && compareCanonical(name, next) < 0;
}

/** Answers DNSKEY, and NSEC3PARAM in an NSEC3 zone, at a signed zone's apex; undefined when the question is not a DNSSEC one this zone answers. */
export function answerDnskey(signing: SigningContext, data: ZoneData, base: DnsMessage): DnsMessage | undefined {
  const origin = data.zone.origin;
  if (base.question.name !== origin || !isSigned(signing.model, origin)) return undefined;
  const params = nsec3Of(signing.model, origin);
  if (base.question.type === 'NSEC3PARAM' && params) return { ...base, aa: true, answer: withSignatures(signing, origin, [nsec3ParamRecord(data, params)]) };
  if (base.question.type !== 'DNSKEY') return undefined;
  const keys = dnskeySet(signing.model, origin);
  return { ...base, aa: true, answer: withSignatures(signing, origin, keys) };
}

/** Answers DS at a delegation point from the parent's side (RFC 4035 section 3.1.4.1): the DS RRset, or NODATA with an NSEC. */
export function answerDs(signing: SigningContext | undefined, data: ZoneData, base: DnsMessage): DnsMessage | undefined {
  const name = base.question.name;
  if (base.question.type !== 'DS' || name === data.zone.origin || delegationFor(data, name) !== name) return undefined;
  const origin = data.zone.origin;
  const soa = data.soa!;
  const negativeSoa = { ...soa, ttlSeconds: Math.min(soa.ttlSeconds, soa.data.minimum) };
  if (signing && publishesDs(signing.model, name) && isSigned(signing.model, origin)) return { ...base, aa: true, answer: withSignatures(signing, origin, dsSet(signing.model, name)) };
  const authority = signing && isSigned(signing.model, origin) ? withSignatures(signing, origin, [negativeSoa, ...denialFor(signing, data, name, false)]) : [negativeSoa];
  return { ...base, aa: true, authority };
}

/** Adds what a signed zone adds for a DO=1 query: RRSIGs on its RRsets, DS (or nothing) in referrals, NSEC in negative answers. */
export function signResponse(signing: SigningContext, data: ZoneData, message: DnsMessage): DnsMessage {
  const origin = data.zone.origin;
  if (!isSigned(signing.model, origin)) return message;
  const own = (record: ResourceRecord): boolean => record.name === origin || record.name.endsWith(`.${origin}`) || origin === '';
  const compact = isCompact(signing.model, origin);
  // RFC 9824 section 3.3: an online signer signs a wildcard's answer as the name's own (its labels field counts every label).
  const answered = message.answer.filter(own).map((record) => (compact && record.expandedFrom ? { ...record, expandedFrom: undefined } : record));
  const answer = withSignatures(signing, origin, answered);
  const isReferral = !message.aa && message.authority.some((record) => record.type === 'NS');
  if (isReferral) {
    const cut = message.authority.find((record) => record.type === 'NS')!.name;
    // Delegation NS records are not signed in the parent (RFC 4035 section 2.2); the DS RRset is, if the child is signed.
    const ds = publishesDs(signing.model, cut) ? withSignatures(signing, origin, dsSet(signing.model, cut)) : [];
    return { ...message, authority: [...message.authority, ...ds] };
  }
  let authority = [...message.authority, ...(compact ? [] : expansionProof(signing, data, answered))];
  let rcode = message.rcode;
  if (message.aa && message.answer.length === 0 && message.authority.some((record) => record.type === 'SOA')) {
    authority = [...authority, ...denialFor(signing, data, message.question.name, message.rcode === 'NXDOMAIN')];
    // RFC 9824 section 3.1: a compact answer says a name that does not exist has no data, NOERROR rather than NXDOMAIN.
    if (rcode === 'NXDOMAIN' && compact) rcode = 'NOERROR';
  }
  return { ...message, rcode, answer: [...answer, ...message.answer.filter((record) => !own(record))], authority: withSignatures(signing, origin, authority) };
}

// RFC 4035 section 3.1.3.3 and RFC 5155 section 7.2.6: an answer a wildcard synthesised comes with the proof that no closer
// name matched: the NSEC covering the name asked, or the NSEC3 covering the next closer name.
function expansionProof(signing: SigningContext, data: ZoneData, answer: readonly ResourceRecord[]): ResourceRecord[] {
  const expanded = answer.find((record) => record.expandedFrom !== undefined);
  if (!expanded) return [];
  const params = nsec3Of(signing.model, data.zone.origin);
  if (!params) return [nsecFor(data, expanded.name, true)];
  const encloser = parentName(expanded.expandedFrom!);
  const nextCloser = labelsOf(expanded.name).slice(-(labelsOf(encloser).length + 1)).join('.');
  const chain = nsec3Chain(signing.model, data, params);
  const covering = coveringNsec3(chain, nsec3Hash(nextCloser, params.salt, params.iterations));
  return covering ? [covering] : [];
}

function withSignatures(signing: SigningContext, zone: string, records: ResourceRecord[]): ResourceRecord[] {
  return rrsetsOf(records).flatMap((rrset) => [...rrset, signRrset(signing.model, zone, rrset, signing.nowMs)]);
}

// The records that prove a name or a type does not exist: a compact answer's NSEC, the zone's NSEC3 proof, or one NSEC.
function denialFor(signing: SigningContext, data: ZoneData, name: string, nxdomain: boolean): ResourceRecord[] {
  if (isCompact(signing.model, data.zone.origin)) return [compactNsec(signing.model, data, name)];
  const params = nsec3Of(signing.model, data.zone.origin);
  return params ? nsec3Denial(signing.model, data, params, name, !nxdomain) : [nsecFor(data, name, nxdomain)];
}

// The NSEC that proves a name does not exist (owned by the name before it) or has no such type (owned by the name itself).
function nsecFor(data: ZoneData, name: string, nxdomain: boolean): ResourceRecord {
  const names = [...data.existing].filter((candidate) => delegationFor(data, candidate) === undefined || delegationFor(data, candidate) === candidate).sort(compareCanonical);
  const owner = nxdomain ? [...names].reverse().find((candidate) => compareCanonical(candidate, name) < 0) ?? data.zone.origin : name;
  const after = names.find((candidate) => compareCanonical(candidate, owner) > 0) ?? data.zone.origin;
  const types = [...new Set(recordsAt(data, owner).map((record) => record.type))];
  const ttl = Math.min(data.soa!.ttlSeconds, data.soa!.data.minimum);
  return { name: owner, type: 'NSEC', ttlSeconds: ttl, data: { nextDomain: after, types: [...types, 'RRSIG', 'NSEC'] as RecordType[] } };
}
