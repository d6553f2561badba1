import { labelsOf } from '../names/names.js';
import { hashSeed, nextRandom } from '../prng.js';
import type { DnssecModel, RecordType, ResourceRecord, RrsigData } from './world.js';

export type { DnssecModel } from './world.js';

/** ECDSAP256SHA256 (RFC 6605), the algorithm of the root zone and most signed zones today. */
export const ALGORITHM = 13;
const DAY = 86400;
/** TTLs of the DNSSEC records the model makes: DNSKEY 1 hour, DS 1 day (as in com). */
export const DNSKEY_TTL_SECONDS = 3600;
export const DS_TTL_SECONDS = 86400;

/** Whether the model signs a zone. */
export function isSigned(model: DnssecModel | undefined, zone: string): boolean {
  return model !== undefined && model.signedZones.includes(zone);
}

/** RFC 4034 Appendix B: the key tag, a checksum over the DNSKEY RDATA (flags, protocol 3, algorithm, key). */
export function keyTag(record: ResourceRecord & { type: 'DNSKEY' }): number {
  const key = Buffer.from(record.data.key, 'base64');
  const rdata = Buffer.concat([Buffer.from([record.data.flags >> 8, record.data.flags & 0xff, 3, record.data.algorithm]), key]);
  let sum = 0;
  for (let i = 0; i < rdata.length; i++) sum += i & 1 ? rdata[i]! : rdata[i]! << 8;
  sum += (sum >> 16) & 0xffff;
  return sum & 0xffff;
}

/** The key tag of a zone's key signing key (flags 257) or zone signing key (flags 256), in the run the model belongs to. */
export function keyTagOf(model: DnssecModel, zone: string, ksk: boolean): number {
  return keyTag(dnskeySet(model, zone).find((record) => (record.data as { flags: number }).flags === (ksk ? 257 : 256)) as ResourceRecord & { type: 'DNSKEY' });
}

// Made-up key, digest and signature bytes: a pure function of the run's seed and what they belong to, so one seed always
// gives one key set and another seed another, as two signers generating keys would.
function bytes(model: DnssecModel | undefined, length: number, ...keys: string[]): Buffer {
  const out = Buffer.alloc(length);
  let state = hashSeed(model?.keySeed ?? 0, ...keys);
  for (let i = 0; i < length; i++) {
    const step = nextRandom(state);
    state = step.state;
    out[i] = Math.floor(step.value * 256);
  }
  return out;
}

/** The zone's DNSKEY RRset: a KSK and a ZSK with 64-byte public keys drawn from the run's seed and the zone's name. */
export function dnskeySet(model: DnssecModel, zone: string): ResourceRecord[] {
  return [true, false].map((ksk) => ({ name: zone, type: 'DNSKEY' as const, ttlSeconds: DNSKEY_TTL_SECONDS, data: { flags: ksk ? 257 : 256, algorithm: ALGORITHM, key: bytes(model, 64, 'key', zone, String(ksk)).toString('base64') } }));
}

/** Whether the parent of a signed child publishes a DS for it (its parent signed, and no missing-DS fault). */
export function publishesDs(model: DnssecModel, child: string): boolean {
  return isSigned(model, child) && !(model.missingDsZones?.includes(child) ?? false);
}

/** The DS record the parent publishes for a signed child: the child's KSK tag and a 32-byte SHA-256 digest, or for a mismatched DS those of a key the child does not have. */
export function dsSet(model: DnssecModel, child: string): ResourceRecord[] {
  const mismatched = model.mismatchedDsZones?.includes(child) ?? false;
  const tag = mismatched ? keyTag({ name: child, type: 'DNSKEY', ttlSeconds: DNSKEY_TTL_SECONDS, data: { flags: 257, algorithm: ALGORITHM, key: bytes(model, 64, 'old-key', child).toString('base64') } }) : keyTagOf(model, child, true);
  return [{ name: child, type: 'DS', ttlSeconds: DS_TTL_SECONDS, data: { keyTag: tag, algorithm: ALGORITHM, digestType: 2, digest: bytes(model, 32, mismatched ? 'old-ds' : 'ds', child).toString('hex') } }];
}

/** Signs one RRset of a zone at a virtual time: valid for two weeks around now, or expired a day ago for a broken signer. */
export function signRrset(model: DnssecModel, zone: string, rrset: ResourceRecord[], nowMs: number): ResourceRecord {
  const first = rrset[0]!;
  const now = model.epochSeconds + Math.floor(nowMs / 1000);
  const expired = model.expiredZones?.includes(zone) ?? false;
  const ksk = first.type === 'DNSKEY';
  // The owner's label count, not counting a leading wildcard (RFC 4034 section 3.1.3): for a record a wildcard
  // synthesised, the wildcard's, so the labels field is shorter than the owner's (RFC 4035 section 3.1.3.3).
  const labels = labelsOf(first.expandedFrom ?? first.name).filter((label, index) => !(index === 0 && label === '*')).length;
  const data: RrsigData = {
    typeCovered: first.type as RecordType, algorithm: ALGORITHM, labels, originalTtl: first.ttlSeconds,
    expiration: expired ? now - DAY : now + 14 * DAY, inception: expired ? now - 15 * DAY : now - 7 * DAY,
    keyTag: keyTagOf(model, zone, ksk), signersName: zone, signature: bytes(model, 64, 'sig', zone, first.name, first.type).toString('base64'),
  };
  return { name: first.name, type: 'RRSIG', ttlSeconds: first.ttlSeconds, data };
}

/** Groups records into RRsets (owner and type), in order of first appearance. */
export function rrsetsOf(records: readonly ResourceRecord[]): ResourceRecord[][] {
  const sets = new Map<string, ResourceRecord[]>();
  for (const record of records) {
    const key = `${record.name}|${record.type}`;
    sets.set(key, [...(sets.get(key) ?? []), record]);
  }
  return [...sets.values()];
}
