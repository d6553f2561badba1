import { lookupEntry, recordsWithRemainingTtl, remainingSeconds, type CacheEntry } from './cache.js';
import { findDelegationPoint } from './delegation.js';
import { nsecCovers as covers } from '../servers/dnssec-authoritative.js';
import type { CacheOperation } from '../events.js';
import { iterate } from './iterate.js';
import { validating } from './iterate-ask.js';
import { fqdn, isInZone } from '../names/names.js';
import type { WalkContext } from './resolver-state.js';
import { emitCheck } from './resolver-events.js';
import type { IterationResult, WalkServices } from './walk-types.js';
import { toRecordView } from '../wire/wire-records.js';
import type { RecordType } from '../world/world.js';

/** What the cache said about a question: an answer it gave, and otherwise the operations so far and any expired entry. */
export interface CacheReading {
  result?: IterationResult;
  ops: CacheOperation[];
  expiredNote: string;
  expired?: CacheEntry & { kind: 'positive' };
}

/** Answers from the cache if it can: a live entry, a CNAME to follow, or (RFC 8198) an NXDOMAIN an NSEC range proves. */
export function fromCache(ctx: WalkContext, name: string, qtype: RecordType, t: number, services: WalkServices): CacheReading {
  const ops: CacheOperation[] = [];
  const found = lookupEntry(ctx.resolver.cache, name, qtype, t, 'answer', ctx.clientAddress);
  if (found.status === 'hit') {
    const entry = found.entry;
    const secure = entry.secure ? { secure: true } : {};
    if (entry.kind === 'positive') {
      const records = recordsWithRemainingTtl(entry, t);
      const prefetching = maybePrefetch(ctx, name, qtype, entry, t, services);
      emitCheck(ctx, t, [{ op: 'hit', name, type: qtype, ttlSeconds: found.remainingSeconds, records: records.map(toRecordView) }], `cache hit: ${fqdn(name)} ${qtype}, ${found.remainingSeconds} s of ${entry.ttlSeconds} s left${prefetching}`, true);
      const signatures = ctx.validating && entry.signatures ? { signatures: entry.signatures } : {};
      return { result: { kind: 'answer', records, atMs: t, ...secure, ...signatures }, ops, expiredNote: '' };
    }
    const left = negativeTtlLeft(ctx, entry, t);
    const soa = entry.soa ? { ...entry.soa, ttlSeconds: left } : undefined;
    emitCheck(ctx, t, [{ op: 'hit', name, type: qtype, ttlSeconds: left, negative: entry.kind }], `negative cache hit: ${fqdn(name)} ${entry.kind === 'nxdomain' ? 'does not exist' : `has no ${qtype}`} (${left} s left, RFC 2308)`, true);
    return { result: soa ? { kind: entry.kind, records: [], soa, atMs: t, ...secure } : { kind: entry.kind, records: [], atMs: t, ...secure }, ops, expiredNote: '' };
  }
  let expiredNote = '';
  let expired: CacheReading['expired'];
  if (found.status === 'expired') {
    expiredNote = `${fqdn(name)} ${qtype} expired from the cache ${Math.round((t - found.entry.expiresAtMs) / 1000)} s ago (its TTL was ${found.entry.ttlSeconds} s); `;
    ops.push({ op: 'expire', name, type: qtype, ttlSeconds: 0, ...(found.entry.kind !== 'positive' ? { negative: found.entry.kind } : {}) });
    if (found.entry.kind === 'positive') expired = found.entry;
  }
  if (qtype !== 'CNAME') {
    const alias = lookupEntry(ctx.resolver.cache, name, 'CNAME', t, 'answer');
    if (alias.status === 'hit' && alias.entry.kind === 'positive') {
      const records = recordsWithRemainingTtl(alias.entry, t);
      emitCheck(ctx, t, [...ops, { op: 'hit', name, type: 'CNAME', ttlSeconds: alias.remainingSeconds, records: records.map(toRecordView) }], `cache hit: ${fqdn(name)} is a CNAME for ${fqdn(String(records[0]!.data))} (${alias.remainingSeconds} s left)`, true);
      return { result: { kind: 'cname', records, target: records[0]!.data as string, atMs: t, ...(alias.entry.secure ? { secure: true } : {}) }, ops, expiredNote };
    }
  }
  const proof = ctx.resolver.options.aggressiveNsec && validating(ctx) && !ctx.checkingDisabled
    ? ctx.resolver.nsecRanges.find((range) => range.storedAtMs <= t && t < range.expiresAtMs && isInZone(name, range.zone) && covers(range.owner, range.next, range.zone, name))
    : undefined;
  if (proof) {
    const left = Math.ceil((proof.expiresAtMs - t) / 1000);
    emitCheck(ctx, t, [...ops, { op: 'hit', name, type: qtype, ttlSeconds: left, negative: 'nxdomain' }], `no entry for ${fqdn(name)}, but a cached, validated NSEC says no name exists between ${fqdn(proof.owner)} and ${fqdn(proof.next)}: NXDOMAIN synthesised without a query (aggressive NSEC, RFC 8198)`, true);
    return { result: { kind: 'nxdomain', records: [], atMs: t, secure: true }, ops, expiredNote };
  }
  return expired ? { ops, expiredNote, expired } : { ops, expiredNote };
}


// Unbound's prefetch: a hit in the last 10% of the original TTL answers from the cache and refreshes the entry in the background.
function maybePrefetch(ctx: WalkContext, name: string, qtype: RecordType, entry: CacheEntry, t: number, services: WalkServices): string {
  const resolver = ctx.resolver;
  if (!resolver.options.prefetch || ctx.depth !== 1 || entry.ttlSeconds <= 0) return '';
  const key = `${name}|${qtype}`;
  if ((resolver.refreshing.get(key) ?? -1) > t) return '; a prefetch is already refreshing it';
  if ((entry.expiresAtMs - t) > entry.ttlSeconds * 100) return '';
  resolver.stats.prefetches++;
  refreshInBackground(ctx, name, qtype, t, services, `${qtype} ${fqdn(name)} (prefetch)`);
  return `; less than 10% of the TTL is left, so it is refreshed in the background (prefetch) while this client gets the cached answer`;
}

/** Walks for a name in the background, on a budget of its own, while the client is answered from the cache (prefetch, serve-expired). */
export function refreshInBackground(ctx: WalkContext, name: string, qtype: RecordType, t: number, services: WalkServices, lookup: string): void {
  const resolver = ctx.resolver;
  const key = `${name}|${qtype}`;
  const background: WalkContext = { ...ctx, lookup, stack: [key], budget: { sent: 0, targets: 0, deadlineMs: t + resolver.options.queryBudgetMs } };
  const { point } = findDelegationPoint(background, name, t);
  const done = iterate(background, name, qtype, t, point, services);
  resolver.refreshing.set(key, done.atMs);
}

// Unbound keeps expiry times in whole seconds (time_t, *env->now): the TTL left is the expiry second minus the
// current second, so a 300 s SOA cached at 5.1 s answers 297 s at 8.0 s, as measured (Unbound 1.17.1).
function negativeTtlLeft(ctx: WalkContext, entry: CacheEntry, t: number): number {
  if (!ctx.resolver.options.wholeSecondNegativeTtl) return remainingSeconds(entry, t);
  return Math.max(0, Math.floor(entry.storedAtMs / 1000) + entry.ttlSeconds - Math.floor(t / 1000));
}
