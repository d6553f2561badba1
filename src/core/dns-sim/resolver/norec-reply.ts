import { lookupEntry, recordsWithRemainingTtl, remainingSeconds } from './cache.js';
import type { CacheOperation } from '../events.js';
import { lookupLabel } from '../exchange.js';
import { fqdn, parentName } from '../names/names.js';
import type { RecursiveResolver } from './resolver-state.js';
import { emit, type SimState } from '../sim-state.js';
import type { DnsMessage } from '../wire/wire.js';
import { toRecordView } from '../wire/wire-records.js';
import type { ResourceRecord } from '../world/world.js';

// Root hints carry no TTL of their own; Unbound gives hint NS records this one (iter_hints.c, 3600000 s).
const HINT_TTL_SECONDS = 3_600_000;

/**
 * A resolver's reply to a query with RD=0 (`dig +norec`): the cached answer (or the CNAME alone), else a
 * referral to the closest delegation it has cached, without sending anything (Unbound's
 * answer_norec_from_cache, then the iterator's "no RD requested, using delegation msg").
 */
export function cacheOnlyReply(sim: SimState, resolver: RecursiveResolver, query: DnsMessage, arrivalMs: number, depth: number): DnsMessage {
  const { name, type } = query.question;
  const base: DnsMessage = { id: query.id, qr: true, aa: false, rd: false, ra: true, cd: query.cd ?? false, rcode: 'NOERROR', question: query.question, answer: [], authority: [], additional: [] };
  if (query.ednsUdpPayloadBytes !== undefined) base.ednsUdpPayloadBytes = resolver.options.ednsBufferBytes;
  if (query.ednsUdpPayloadBytes !== undefined && query.dnssecOk) base.dnssecOk = true;
  const event = (cache: CacheOperation[], hit: boolean, explanation: string): void =>
    emit(sim, { type: 'cache-checked', timeMs: arrivalMs, from: resolver.endpoint, to: resolver.endpoint, transport: 'local', cache, ...(hit ? { kind: 'cache-hit' as const } : {}), depth, lookup: lookupLabel(type, name), explanation: `RD=0: ${explanation}` });

  for (const asked of [type, 'CNAME'] as const) {
    const found = lookupEntry(resolver.cache, name, asked, arrivalMs, 'answer');
    if (found.status !== 'hit' || (asked === 'CNAME' && found.entry.kind !== 'positive')) continue;
    const entry = found.entry;
    if (entry.kind === 'positive') {
      const records = recordsWithRemainingTtl(entry, arrivalMs);
      event([{ op: 'hit', name, type: asked, ttlSeconds: found.remainingSeconds, records: records.map(toRecordView) }], true, `answered from the cache only: ${fqdn(name)} ${asked}, ${found.remainingSeconds} s left${asked === 'CNAME' && type !== 'CNAME' ? ' (the CNAME alone: its target is not looked up without recursion)' : ''}`);
      return { ...base, answer: records };
    }
    const soa = entry.soa ? [{ ...entry.soa, ttlSeconds: remainingSeconds(entry, arrivalMs) }] : [];
    event([{ op: 'hit', name, type, ttlSeconds: found.remainingSeconds, negative: entry.kind }], true, `the cached negative answer (${entry.kind}) is sent, nothing is asked`);
    return { ...base, rcode: entry.kind === 'nxdomain' ? 'NXDOMAIN' : 'NOERROR', authority: soa };
  }
  const referral = closestDelegation(resolver, name, arrivalMs);
  const glue = referral.ns.flatMap((ns) => addressesOf(resolver, String(ns.data), arrivalMs));
  event([{ op: 'miss', name, type, ttlSeconds: 0 }], false, `${fqdn(name)} ${type} is not cached and recursion was not desired: a referral to the closest cached delegation, ${fqdn(referral.zone)}${referral.fromHints ? ' (the root hints: nothing closer is cached)' : ''}, and nothing is sent`);
  return { ...base, authority: referral.ns, additional: glue };
}

function closestDelegation(resolver: RecursiveResolver, qname: string, nowMs: number): { zone: string; ns: ResourceRecord[]; fromHints: boolean } {
  for (let name = qname; ; name = parentName(name)) {
    const found = lookupEntry(resolver.cache, name, 'NS', nowMs);
    if (found.status === 'hit' && found.entry.kind === 'positive') return { zone: name, ns: recordsWithRemainingTtl(found.entry, nowMs), fromHints: false };
    if (name === '') break;
  }
  const names = [...new Set(resolver.rootHints.map((hint) => hint.name))];
  return { zone: '', ns: names.map((ns) => ({ name: '', type: 'NS', ttlSeconds: HINT_TTL_SECONDS, data: ns }) as ResourceRecord), fromHints: true };
}

function addressesOf(resolver: RecursiveResolver, nsName: string, nowMs: number): ResourceRecord[] {
  const cached = (['A', 'AAAA'] as const).flatMap((type) => {
    const found = lookupEntry(resolver.cache, nsName, type, nowMs);
    return found.status === 'hit' && found.entry.kind === 'positive' ? recordsWithRemainingTtl(found.entry, nowMs) : [];
  });
  if (cached.length > 0) return cached;
  return resolver.rootHints.filter((hint) => hint.name === nsName).map((hint) => ({ name: nsName, type: hint.address.includes(':') ? 'AAAA' : 'A', ttlSeconds: HINT_TTL_SECONDS, data: hint.address }) as ResourceRecord);
}
