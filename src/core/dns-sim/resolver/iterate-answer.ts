import { validateResponse, type Verdict } from './dnssec-validate.js';
import { coveringNsec3, nsec3DenialProblem, type Nsec3Record } from '../world/nsec3-proof.js';
import { nsec3Hash } from '../names/nsec3-hash.js';
import { nsecCovers } from '../servers/dnssec-authoritative.js';
import type { IterationResult, WalkServices } from './walk-types.js';
import { validating } from './iterate-ask.js';
import { fqdn, isInZone, labelsOf } from '../names/names.js';
import { emitStores, storeNegative, storeRrsets } from './resolver-cache-writes.js';
import type { DelegationPoint, Security, WalkContext } from './resolver-state.js';
import type { DnsMessage } from '../wire/wire.js';
import type { RecordType, ResourceRecord } from '../world/world.js';

/**
 * Reads an answer that is not a referral: the CNAME chain, the records asked for, or a negative answer,
 * after bailiwick scrubbing (records outside the zone asked are thrown away, as Unbound's scrubber and
 * BIND do) and, when the resolver validates, DNSSEC validation of what will be cached.
 */
export function readFinalAnswer(ctx: WalkContext, message: DnsMessage, point: DelegationPoint, qname: string, qtype: RecordType, startMs: number, services: WalkServices, forged: boolean): IterationResult | undefined {
  let t = startMs;
  const answers = message.answer.filter((record) => isInZone(record.name, point.zone) && record.type !== 'RRSIG');
  const signatures = [...message.answer, ...message.authority].filter((record) => record.type === 'RRSIG' && isInZone(record.name, point.zone));
  const scrubbed = [...message.answer, ...message.authority, ...message.additional].filter((record) => !isInZone(record.name, point.zone));
  const notes = scrubbed.length > 0 ? [`discarded ${scrubbed.map((record) => `${fqdn(record.name)} ${record.type}`).join(', ')}: outside ${fqdn(point.zone)}, the zone this server was asked about (bailiwick)`] : [];
  const chain: ResourceRecord[] = [];
  let current = qname;
  // restartAtCnameTarget: only the first CNAME is taken; its target is resolved again from the top (measured in all three).
  const restart = ctx.resolver.options.restartAtCnameTarget;
  for (;;) {
    const cname = qtype === 'CNAME' ? undefined : answers.find((record) => record.name === current && record.type === 'CNAME');
    if (!cname || chain.includes(cname)) break;
    chain.push(cname);
    current = cname.data as string;
    if (restart) break;
  }
  const restarting = restart && chain.length > 0;
  if (restarting) notes.push(`the answer's records after the CNAME are not used: the walk restarts at ${fqdn(current)}`);
  const final = restarting ? [] : answers.filter((record) => record.name === current && record.type === qtype);
  const soa = message.authority.find((record) => record.type === 'SOA');
  const negativeProof = message.authority.filter((record) => (record.type === 'SOA' || record.type === 'NSEC' || record.type === 'NSEC3') && isInZone(record.name, point.zone));

  let security: Security = 'unchecked';
  if (validating(ctx) && !ctx.checkingDisabled && !ctx.validating) {
    const checked = final.length > 0 || chain.length > 0 ? [...chain, ...final] : negativeProof;
    const signed = validateResponse(ctx, point.zone, checked, signatures, t, services);
    const verdict = signed.security !== 'secure' ? signed : checked === negativeProof ? denialVerdict(point.zone, current, qtype, message, signed) : expansionVerdict(point.zone, checked, signatures, message, signed);
    t = verdict.atMs;
    if (verdict.security === 'bogus') return { kind: 'servfail', reason: verdict.reason ?? 'DNSSEC validation failed', atMs: t, ...(verdict.ede ? { ede: verdict.ede } : {}) };
    security = verdict.security;
  }
  const secure = security === 'secure' ? { secure: true } : {};
  const keepSigs = ctx.validating ? signatures : undefined;
  const negative = (kind: 'nxdomain' | 'nodata'): IterationResult => {
    const op = storeNegative(ctx, current, qtype, kind, soa, t, security === 'secure');
    if (kind === 'nxdomain' && security === 'secure') rememberNsec(ctx, point.zone, message, t);
    emitStores(ctx, [...storeRrsets(ctx, chain, 'answer', t), ...(op ? [op] : [])], t, notes.join('; '));
    return soa ? { kind, records: chain, soa, atMs: t, ...secure } : { kind, records: chain, atMs: t, ...secure };
  };
  if (message.rcode === 'NXDOMAIN' && !restarting) return negative('nxdomain');
  if (final.length > 0) {
    if (forged) for (const record of final) if (record.type === 'A' || record.type === 'AAAA') ctx.sim.forgedAddresses.add(record.data);
    const authority = authorityData(ctx, message, point, forged, t);
    const subnet = message.ecs && message.ecs.scopePrefixLength > 0 ? `${message.ecs.address}/${message.ecs.scopePrefixLength}` : undefined;
    if (subnet) notes.push(`ECS scope /${message.ecs!.scopePrefixLength}: cached for clients in ${subnet} only (RFC 7871 section 7.3)`);
    emitStores(ctx, [...storeRrsets(ctx, [...chain, ...final], 'answer', t, { signatures: keepSigs ?? signatures, secure: security === 'secure', subnet }), ...authority], t, notes.join('; '));
    return { kind: 'answer', records: answeredRecords(ctx, [...chain, ...final]), atMs: t, ...secure, ...(keepSigs ? { signatures: keepSigs } : {}) };
  }
  if (chain.length > 0) {
    // A chain that ends in NODATA inside the same zone is complete; otherwise the target is chased.
    if (soa && message.aa && isInZone(current, point.zone) && !restarting) return negative('nodata');
    emitStores(ctx, storeRrsets(ctx, chain, 'answer', t), t, notes.join('; '));
    return { kind: 'cname', records: chain, target: current, atMs: t, ...secure };
  }
  if (message.aa || soa) return negative('nodata');
  return undefined;
}

// Knot Resolver answers from what it cached, so a fresh answer already carries cache.min_ttl (measured: 4 s answered as 5 s);
// later answers count down from there like any cached entry.
function answeredRecords(ctx: WalkContext, records: ResourceRecord[]): ResourceRecord[] {
  const { minTtlInAnswers, minCacheTtlSeconds } = ctx.resolver.options;
  return minTtlInAnswers ? records.map((record) => ({ ...record, ttlSeconds: Math.max(minCacheTtlSeconds, record.ttlSeconds) })) : records;
}

// RFC 2181 section 5.4.1: NS records in the authority section of an authoritative answer, and their
// in-bailiwick addresses, are cached too (above referral glue) - the data a Kaminsky forgery aims at.
function authorityData(ctx: WalkContext, message: DnsMessage, point: DelegationPoint, forged: boolean, t: number) {
  if (!message.aa) return [];
  const ns = message.authority.filter((record) => record.type === 'NS' && isInZone(record.name, point.zone));
  if (ns.length === 0) return [];
  const names = ns.map((record) => record.data as string);
  const glue = message.additional.filter((record) => (record.type === 'A' || record.type === 'AAAA') && names.includes(record.name) && isInZone(record.name, point.zone));
  if (forged) for (const record of glue) ctx.sim.forgedAddresses.add(record.data as string);
  return [...storeRrsets(ctx, ns, 'referral', t), ...storeRrsets(ctx, glue, 'glue', t)];
}

// RFC 5155 section 8: NSEC3 records, signed or not, must also prove what they are sent to deny.
function denialVerdict(zone: string, qname: string, qtype: RecordType, message: DnsMessage, signed: Verdict): Verdict {
  if (!message.authority.some((record) => record.type === 'NSEC3')) return signed;
  const problem = nsec3DenialProblem(zone, qname, qtype, message.rcode === 'NXDOMAIN', message.authority);
  return problem ? { security: 'bogus', atMs: signed.atMs, reason: `DNSSEC: ${problem}`, ede: { code: 12, text: problem } } : signed;
}

// RFC 4035 section 5.3.4, RFC 5155 section 8.8: an RRSIG whose labels field is shorter than its owner's says a wildcard
// made the answer; it is secure only with the proof that the name asked does not exist itself (no closer match).
function expansionVerdict(zone: string, records: readonly ResourceRecord[], signatures: readonly ResourceRecord[], message: DnsMessage, signed: Verdict): Verdict {
  for (const sig of signatures) {
    if (sig.type !== 'RRSIG' || !records.some((record) => record.name === sig.name && record.type === sig.data.typeCovered)) continue;
    const owner = labelsOf(sig.name);
    // The wildcard's own name, asked for as such, counts its labels without the * (RFC 4034 section 3.1.3): no expansion.
    if (sig.data.labels >= owner.length || owner[0] === '*') continue;
    const nsecProof = message.authority.some((record) => record.type === 'NSEC' && nsecCovers(record.name, record.data.nextDomain, zone, sig.name));
    const nsec3s = message.authority.filter((record): record is Nsec3Record => record.type === 'NSEC3');
    const nextCloser = owner.slice(-(sig.data.labels + 1)).join('.');
    const nsec3Proof = nsec3s.length > 0 && coveringNsec3(nsec3s, nsec3Hash(nextCloser, nsec3s[0]!.data.salt, nsec3s[0]!.data.iterations)) !== undefined;
    if (nsecProof || nsec3Proof) continue;
    const problem = `${fqdn(sig.name)} ${sig.data.typeCovered} was made by a wildcard (RRSIG labels ${sig.data.labels}), but nothing proves ${fqdn(sig.name)} itself does not exist`;
    return { security: 'bogus', atMs: signed.atMs, reason: `DNSSEC: ${problem}`, ede: { code: 12, text: problem } };
  }
  return signed;
}

function rememberNsec(ctx: WalkContext, zone: string, message: DnsMessage, t: number): void {
  for (const record of message.authority) {
    if (record.type !== 'NSEC') continue;
    ctx.resolver.nsecRanges.push({ zone, owner: record.name, next: record.data.nextDomain, storedAtMs: t, expiresAtMs: t + record.ttlSeconds * 1000 });
  }
}
