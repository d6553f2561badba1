import type { CacheOperation } from '../events.js';
import { fqdn, isBelow, isInZone } from '../names/names.js';
import { storeRrsets } from './resolver-cache-writes.js';
import { usedNsNames } from './delegation.js';
import type { DelegationPoint, WalkContext } from './resolver-state.js';
import type { DnsMessage } from '../wire/wire.js';
import type { ResourceRecord } from '../world/world.js';

/** A response read as a referral: none, one that leads down towards the name, or a bogus one (upward or sideways). */
export type ReferralReading =
  | { kind: 'none' }
  | { kind: 'bogus'; zone: string }
  | { kind: 'valid'; zone: string; ns: ResourceRecord[] };

/** Reads a response as a referral: NOERROR, AA=0, empty answer, NS records in the authority section (RFC 1034 section 4.3.1). */
export function readReferral(message: DnsMessage, point: DelegationPoint, outName: string): ReferralReading {
  if (message.rcode !== 'NOERROR' || message.aa || message.answer.length > 0) return { kind: 'none' };
  const ns = message.authority.filter((record) => record.type === 'NS');
  const zone = ns[0]?.name;
  if (zone === undefined) return { kind: 'none' };
  // A referral must lead strictly below the zone we asked and towards the name we asked about.
  if (!isBelow(zone, point.zone) || !isInZone(outName, zone)) return { kind: 'bogus', zone };
  return { kind: 'valid', zone, ns: ns.filter((record) => record.name === zone) };
}

/**
 * Caches a referral's NS set and its glue, keeping only glue inside the zone of the server that sent
 * it (the bailiwick check of Unbound's harden-glue, and Knot's "in-bailiwick glue") or, with
 * referralGlueScope "delegated-zone", only inside the zone delegated (BIND 9.18): glue for any other
 * name could be a poisoning attempt, so such names must be looked up separately.
 */
export function acceptReferral(ctx: WalkContext, message: DnsMessage, point: DelegationPoint, referral: { zone: string; ns: ResourceRecord[] }, nowMs: number): { point: DelegationPoint; ops: CacheOperation[]; note: string } {
  const allNames = [...new Set(referral.ns.map((record) => record.data as string))];
  const nsNames = usedNsNames(ctx, allNames);
  const used = new Set(nsNames);
  const glue = message.additional.filter((record) => (record.type === 'A' || record.type === 'AAAA') && used.has(record.name));
  // BIND 9.18 lib/dns/resolver.c name_external(): the apex is the referral's own zone (rctx->ns_name), and
  // "external" glue is not cached, so the root's glue for a.gtld-servers.net in the com referral is dropped.
  const scope = ctx.resolver.options.referralGlueScope === 'delegated-zone' ? referral.zone : point.zone;
  const accepted = glue.filter((record) => isInZone(record.name, scope));
  const acceptedSet = new Set(accepted);
  const rejected = [...new Set(glue.filter((record) => !acceptedSet.has(record)).map((record) => fqdn(record.name)))];
  // A signed parent puts the child's DS RRset (and its RRSIG) in the referral (RFC 4035 section 3.1.4): a validator keeps it.
  const ds = message.authority.filter((record) => record.type === 'DS' && record.name === referral.zone);
  const dsSigs = message.authority.filter((record) => record.type === 'RRSIG' && record.name === referral.zone);
  const ops = [...storeRrsets(ctx, referral.ns, 'referral', nowMs), ...storeRrsets(ctx, accepted, 'glue', nowMs), ...storeRrsets(ctx, ds, 'answer', nowMs, { signatures: dsSigs })];
  const withGlue = new Set(accepted.map((record) => record.name));
  const missing = nsNames.filter((name) => !withGlue.has(name));
  const notes: string[] = [];
  if (nsNames.length < allNames.length) notes.push(`uses the first ${nsNames.length} of ${allNames.length} NS names (${ctx.resolver.options.nsChase.source})`);
  if (rejected.length > 0) notes.push(`ignored ${scope === point.zone ? 'out-of-bailiwick ' : ''}glue for ${rejected.join(', ')} (not inside ${fqdn(scope)}${scope === point.zone ? '' : ', the zone delegated'})`);
  if (missing.length === nsNames.length) notes.push(`no usable glue: the name server addresses must be looked up separately`);
  return { point: { zone: referral.zone, nsNames }, ops, note: notes.join('; ') };
}
