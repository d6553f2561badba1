import { embedIpv4 } from './dns64-prefix.js';
import { fqdn } from '../names/names.js';
import { resolveName } from '../resolver/recursive.js';
import type { ResolutionOutcome, WalkContext } from '../resolver/resolver-state.js';
import { emitCheck } from '../resolver/resolver-events.js';
import type { ResourceRecord } from '../world/world.js';

/** BIND's and Knot's TTL cap for synthesised records when the AAAA answer carried no SOA (query.c: ISC_MIN(ttl, 600); dns64.lua: max_ttl = 600). */
const BIND_DEFAULT_DNS64_TTL_SECONDS = 600;

/**
 * DNS64 (RFC 6147 section 5.1): an AAAA question answered with NODATA (or SERVFAIL, where the program treats it so) is
 * asked again for A, and each A record becomes an AAAA under the NAT64 prefix. A real AAAA answer, NXDOMAIN and a CD=1
 * question (section 5.5) pass unchanged.
 */
export function withDns64(ctx: WalkContext, name: string, aaaa: { outcome: ResolutionOutcome; atMs: number }): { outcome: ResolutionOutcome; atMs: number } {
  const { dns64, dns64Ttl, dns64AfterServfail } = ctx.resolver.options;
  const failed = aaaa.outcome.kind === 'servfail' && dns64AfterServfail;
  if (!dns64 || (aaaa.outcome.kind !== 'nodata' && !failed) || ctx.checkingDisabled) return aaaa;
  const negativeTtl = aaaa.outcome.kind === 'nodata' ? aaaa.outcome.soa?.ttlSeconds : undefined;
  const why = failed ? 'its AAAA lookup failed (SERVFAIL), which RFC 6147 section 5.1.2 treats as an empty answer' : 'has no AAAA records (NODATA)';
  emitCheck(ctx, aaaa.atMs, [], `dns64: ${fqdn(name)}${failed ? ': ' : ' '}${why}, so the resolver asks for its A records to synthesise AAAA under ${dns64.text} (RFC 6147 section 5.1.6)`, false);
  const a = resolveName({ ...ctx, lookup: `A ${fqdn(name)} (for DNS64)`, stack: [...ctx.stack, `${name}|A`] }, name, 'A', aaaa.atMs);
  if (a.outcome.kind !== 'answer') {
    emitCheck(ctx, a.atMs, [], `dns64: ${fqdn(name)} has no A records either; the client gets the AAAA answer as it came (RFC 6147 section 5.1.6)`, false);
    return { outcome: aaaa.outcome, atMs: a.atMs };
  }
  const lesser = (ttl: number): number => Math.min(ttl, negativeTtl ?? BIND_DEFAULT_DNS64_TTL_SECONDS);
  const records: ResourceRecord[] = a.outcome.records.map((record) => {
    if (record.type !== 'A') return record;
    const ttlSeconds = dns64Ttl === 'lesser-of-a-and-negative' ? lesser(record.ttlSeconds) : record.ttlSeconds;
    return { ...record, type: 'AAAA', ttlSeconds, data: embedIpv4(dns64, record.data) };
  });
  const synthesised = records.filter((record) => record.type === 'AAAA');
  const ttlRule = dns64Ttl === 'lesser-of-a-and-negative'
    ? `the lesser of the A record's TTL and the AAAA NODATA's negative TTL${negativeTtl === undefined ? ` (none: ${BIND_DEFAULT_DNS64_TTL_SECONDS} s)` : ` (${negativeTtl} s)`}, as BIND and Knot Resolver do`
    : `the A record's own, as Unbound does`;
  emitCheck(ctx, a.atMs, [], `dns64: synthesised ${synthesised.map((record) => record.data).join(', ')} from ${a.outcome.records.filter((record) => record.type === 'A').map((record) => record.data).join(', ')}; TTL ${synthesised[0]?.ttlSeconds ?? 0} s, ${ttlRule} (RFC 6147 section 5.1.7)`, false);
  // A client cannot validate an address the resolver made up; RFC 6147 section 5.5 lets a validating DNS64 still set AD,
  // which the simulator does not model: a synthesised answer is never marked secure.
  return { outcome: { kind: 'answer', records }, atMs: a.atMs };
}
