import { lookupEntry } from './cache.js';
import { keyTag, keyTagOf, rrsetsOf, type DnssecModel } from '../world/dnssec-model.js';
import { signalTrustAnchor } from './key-tag-query.js';
import type { WalkServices } from './walk-types.js';
import { fqdn, parentName } from '../names/names.js';
import { isInZone } from '../names/zone-names.js';
import type { Security, WalkContext } from './resolver-state.js';
import type { ExtendedError } from '../wire/wire.js';
import type { RecordType, ResourceRecord } from '../world/world.js';

/** A validator's verdict on some data, and the virtual time the lookups it needed took it to. */
export interface Verdict {
  security: Security;
  atMs: number;
  reason?: string;
  ede?: ExtendedError;
}

/**
 * Validates RRsets a zone sent (RFC 4035 section 5): the zone's keys must be proven from the trust
 * anchor (the root's key unless the resolver names another zone) through DS and DNSKEY lookups, then each RRset needs an RRSIG by the zone's key that
 * is within its validity period. A zone whose parent has no DS for it is insecure, not bogus.
 */
export function validateResponse(ctx: WalkContext, zone: string, records: readonly ResourceRecord[], signatures: readonly ResourceRecord[], startMs: number, services: WalkServices): Verdict {
  const keys = zoneKeys(ctx, zone, startMs, services);
  if (keys.security !== 'secure') return keys;
  const model = ctx.sim.dnssec!;
  for (const rrset of rrsetsOf(records)) {
    const problem = checkSignature(model, zone, rrset, signatures, keyTagOf(model, zone, false), keys.atMs);
    if (problem) return { security: 'bogus', atMs: keys.atMs, reason: `DNSSEC: ${problem.text}`, ede: problem };
  }
  return { security: 'secure', atMs: keys.atMs };
}

function zoneKeys(ctx: WalkContext, zone: string, t: number, services: WalkServices): Verdict {
  const known = ctx.resolver.keyStatus.get(zone);
  if (known && t < known.untilMs) return { security: known.security, atMs: t, ...(known.reason ? { reason: known.reason } : {}), ...(known.ede ? { ede: known.ede } : {}) };
  const verdict = proveKeys(ctx, zone, t, services);
  // A verdict holds as long as the key set it rests on (DNSKEY TTL 1 hour); Unbound keeps bogus keys for val-bogus-ttl, 60 s.
  const holdMs = verdict.security === 'bogus' ? 60_000 : 3_600_000;
  ctx.resolver.keyStatus.set(zone, { security: verdict.security, untilMs: verdict.atMs + holdMs, ...(verdict.reason ? { reason: verdict.reason } : {}), ...(verdict.ede ? { ede: verdict.ede } : {}) });
  return verdict;
}

function proveKeys(ctx: WalkContext, zone: string, t: number, services: WalkServices): Verdict {
  const model = ctx.sim.dnssec!;
  // The root's KSK is the trust anchor every validator ships (RFC 7958); an operator may configure another zone's key instead.
  const anchor = ctx.resolver.options.trustAnchor ?? '';
  let anchorTag: number;
  if (zone === anchor) {
    // An unsigned anchor zone leaves everything insecure.
    if (!model.signedZones.includes(anchor)) return { security: 'insecure', atMs: t };
    anchorTag = keyTagOf(model, anchor, true);
  } else if (!isInZone(zone, anchor)) {
    // No trust anchor covers the zone: its data is insecure (RFC 4035 section 4.3, indeterminate treated as insecure).
    return { security: 'insecure', atMs: t, reason: `no trust anchor covers ${fqdn(zone)} (the anchor is ${fqdn(anchor)})` };
  } else {
    const closest = parentZone(ctx, zone, t);
    const parent = isInZone(closest, anchor) ? closest : anchor;
    const above = zoneKeys(ctx, parent, t, services);
    if (above.security !== 'secure') return above;
    const ds = fetch(ctx, zone, 'DS', above.atMs, services);
    t = ds.atMs;
    const dsRecords = ds.records.filter((record) => record.type === 'DS');
    if (dsRecords.length === 0) return { security: 'insecure', atMs: t, reason: `${fqdn(parent)} has no DS for ${fqdn(zone)}: an insecure delegation` };
    const dsProblem = checkSignature(model, parent, dsRecords, ds.signatures, keyTagOf(model, parent, false), t);
    if (dsProblem) return { security: 'bogus', atMs: t, reason: `DNSSEC: ${dsProblem.text}`, ede: chainEde(ctx, dsProblem) };
    anchorTag = (dsRecords[0]!.data as { keyTag: number }).keyTag;
  }
  const fromUpstream = lookupEntry(ctx.resolver.cache, zone, 'DNSKEY', t).status !== 'hit';
  const keys = fetch(ctx, zone, 'DNSKEY', t, services);
  if (zone === '' && fromUpstream) signalTrustAnchor(ctx, t, keys.atMs, services);
  t = keys.atMs;
  const dnskeys = keys.records.filter((record): record is ResourceRecord & { type: 'DNSKEY' } => record.type === 'DNSKEY');
  if (!dnskeys.some((key) => key.data.flags === 257 && keyTag(key) === anchorTag)) {
    return { security: 'bogus', atMs: t, reason: `DNSSEC: no DNSKEY of ${fqdn(zone)} matches key tag ${anchorTag}`, ede: { code: 9, text: `no DNSKEY of ${fqdn(zone)} matches key tag ${anchorTag}` } };
  }
  const problem = checkSignature(model, zone, dnskeys, keys.signatures, anchorTag, t);
  if (problem) return { security: 'bogus', atMs: t, reason: `DNSSEC: ${problem.text}`, ede: chainEde(ctx, problem) };
  return { security: 'secure', atMs: t };
}

// Unbound reports any failure while proving a zone's keys as EDE 9 with the failure as its text (validator.c); Knot as found.
function chainEde(ctx: WalkContext, problem: ExtendedError & { text: string }): ExtendedError {
  return ctx.resolver.options.keyChainEde === 'dnskey-missing' ? { code: 9, text: `${problem.text} while building chain of trust` } : problem;
}

// RFC 4035 section 5.3.1: a usable RRSIG names the zone as signer, has the right key tag, and now lies in [inception, expiration].
function checkSignature(model: DnssecModel, zone: string, rrset: readonly ResourceRecord[], signatures: readonly ResourceRecord[], tag: number, t: number): (ExtendedError & { text: string }) | undefined {
  const first = rrset[0]!;
  const label = `${fqdn(first.name)} ${first.type}`;
  const sigs = signatures.filter((sig): sig is ResourceRecord & { type: 'RRSIG' } => sig.type === 'RRSIG' && sig.name === first.name && sig.data.typeCovered === first.type);
  if (sigs.length === 0) return { code: 10, text: `${label} has no RRSIG although ${fqdn(zone)} is signed` };
  const byKey = sigs.filter((sig) => sig.data.keyTag === tag && sig.data.signersName === zone);
  if (byKey.length === 0) return { code: 9, text: `no RRSIG over ${label} is made with key ${tag} of ${fqdn(zone)}` };
  const now = model.epochSeconds + Math.floor(t / 1000);
  const valid = byKey.find((sig) => sig.data.inception <= now && now <= sig.data.expiration);
  if (valid) return undefined;
  const expiredFor = now - Math.max(...byKey.map((sig) => sig.data.expiration));
  return { code: 7, text: `the RRSIG over ${label} expired ${formatAge(expiredFor)} ago` };
}

function fetch(ctx: WalkContext, name: string, type: RecordType, t: number, services: WalkServices): { records: ResourceRecord[]; signatures: ResourceRecord[]; atMs: number } {
  const nested: WalkContext = { ...ctx, depth: ctx.depth + 1, lookup: `${type} ${fqdn(name)} (DNSSEC chain of trust)`, validating: true, stack: [...ctx.stack, `${name}|${type}`] };
  const { outcome, atMs } = services.resolve(nested, name, type, t);
  return { records: outcome.kind === 'answer' ? outcome.records : [], signatures: outcome.signatures ?? [], atMs };
}

/** The zone above a zone: the closest enclosing name the resolver has an NS set for, else the root. */
function parentZone(ctx: WalkContext, zone: string, t: number): string {
  for (let name = parentName(zone); name !== ''; name = parentName(name)) {
    if (lookupEntry(ctx.resolver.cache, name, 'NS', t).status !== 'miss') return name;
  }
  return '';
}

function formatAge(seconds: number): string {
  if (seconds >= 86400) return `${Math.round(seconds / 86400)} day${Math.round(seconds / 86400) === 1 ? '' : 's'}`;
  if (seconds >= 3600) return `${Math.round(seconds / 3600)} h`;
  return `${seconds} s`;
}
