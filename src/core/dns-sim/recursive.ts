import { lookupEntry, recordsWithRemainingTtl, remainingSeconds } from './cache.js';
import { describePoint, findDelegationPoint } from './delegation.js';
import type { CacheOperation } from './events.js';
import { iterate, type AddressLookup, type IterationResult } from './iterate.js';
import { fqdn } from './names.js';
import type { ResolutionOutcome, WalkContext } from './resolver-state.js';
import { emit } from './sim-state.js';
import { toRecordView } from './wire-records.js';
import type { RecordType, ResourceRecord } from './world.js';

/**
 * Resolves one question for a client: the cache first, then the iterative walk, following CNAMEs
 * with a restart limit and loop detection. Always ends: in records, a negative answer, or SERVFAIL.
 */
export function resolveName(ctx: WalkContext, qname: string, qtype: RecordType, startMs: number): { outcome: ResolutionOutcome; atMs: number } {
  const { options } = ctx.resolver;
  let t = startMs;
  const chain: ResourceRecord[] = [];
  const visited = [qname];
  let current = qname;
  for (let restarts = 0; ; restarts++) {
    const step = fromCacheOrWalk(ctx, current, qtype, t);
    t = step.atMs;
    if (step.kind === 'answer') return { outcome: { kind: 'answer', records: [...chain, ...step.records] }, atMs: t };
    if (step.kind === 'servfail') return fail(ctx, qname, qtype, chain, step.reason, t);
    if (step.kind !== 'cname') {
      const outcome: ResolutionOutcome = step.soa ? { kind: step.kind, records: [...chain, ...step.records], soa: step.soa } : { kind: step.kind, records: [...chain, ...step.records] };
      return { outcome, atMs: t };
    }
    chain.push(...step.records);
    if (visited.includes(step.target)) {
      return fail(ctx, qname, qtype, chain, `CNAME loop: ${[...visited, step.target].map(fqdn).join(' -> ')}`, t);
    }
    if (restarts + 1 > options.maxCnameChain) {
      return fail(ctx, qname, qtype, chain, `CNAME chain longer than ${options.maxCnameChain} restarts (Unbound max-query-restarts)`, t);
    }
    visited.push(step.target);
    current = step.target;
  }
}

function fail(ctx: WalkContext, qname: string, qtype: RecordType, chain: ResourceRecord[], reason: string, t: number): { outcome: ResolutionOutcome; atMs: number } {
  const ttl = ctx.resolver.options.servfailTtlSeconds;
  if (ttl > 0) ctx.resolver.servfails.push({ name: qname, type: qtype, atMs: t, untilMs: t + ttl * 1000, reason });
  return { outcome: { kind: 'servfail', records: chain, reason }, atMs: t };
}

function fromCacheOrWalk(ctx: WalkContext, name: string, qtype: RecordType, t: number): IterationResult {
  const failed = ctx.resolver.servfails.find((entry) => entry.name === name && entry.type === qtype && entry.atMs <= t && t < entry.untilMs);
  if (failed) {
    emitCheck(ctx, t, [], `${fqdn(name)} ${qtype} failed ${t - failed.atMs} ms ago; the cached SERVFAIL is reused (servfail-ttl ${ctx.resolver.options.servfailTtlSeconds} s)`, true);
    return { kind: 'servfail', reason: failed.reason, atMs: t };
  }
  const ops: CacheOperation[] = [];
  const found = lookupEntry(ctx.resolver.cache, name, qtype, t, 'answer');
  if (found.status === 'hit') {
    const entry = found.entry;
    if (entry.kind === 'positive') {
      const records = recordsWithRemainingTtl(entry, t);
      emitCheck(ctx, t, [{ op: 'hit', name, type: qtype, ttlSeconds: found.remainingSeconds, records: records.map(toRecordView) }], `cache hit: ${fqdn(name)} ${qtype}, ${found.remainingSeconds} s of ${entry.ttlSeconds} s left`, true);
      return { kind: 'answer', records, atMs: t };
    }
    const soa = entry.soa ? { ...entry.soa, ttlSeconds: remainingSeconds(entry, t) } : undefined;
    emitCheck(ctx, t, [{ op: 'hit', name, type: qtype, ttlSeconds: found.remainingSeconds, negative: entry.kind }], `negative cache hit: ${fqdn(name)} ${entry.kind === 'nxdomain' ? 'does not exist' : `has no ${qtype}`} (${found.remainingSeconds} s left, RFC 2308)`, true);
    return soa ? { kind: entry.kind, records: [], soa, atMs: t } : { kind: entry.kind, records: [], atMs: t };
  }
  let expiredNote = '';
  if (found.status === 'expired') {
    expiredNote = `${fqdn(name)} ${qtype} expired from the cache ${Math.round((t - found.entry.expiresAtMs) / 1000)} s ago (its TTL was ${found.entry.ttlSeconds} s); `;
    ops.push({ op: 'expire', name, type: qtype, ttlSeconds: 0, ...(found.entry.kind !== 'positive' ? { negative: found.entry.kind } : {}) });
  }
  if (qtype !== 'CNAME') {
    const alias = lookupEntry(ctx.resolver.cache, name, 'CNAME', t, 'answer');
    if (alias.status === 'hit' && alias.entry.kind === 'positive') {
      const records = recordsWithRemainingTtl(alias.entry, t);
      emitCheck(ctx, t, [...ops, { op: 'hit', name, type: 'CNAME', ttlSeconds: alias.remainingSeconds, records: records.map(toRecordView) }], `cache hit: ${fqdn(name)} is a CNAME for ${fqdn(String(records[0]!.data))} (${alias.remainingSeconds} s left)`, true);
      return { kind: 'cname', records, target: records[0]!.data as string, atMs: t };
    }
  }
  ops.push({ op: 'miss', name, type: qtype, ttlSeconds: 0 });
  const { point, ops: pointOps } = findDelegationPoint(ctx, name, t);
  const lead = expiredNote || `cache miss for ${fqdn(name)} ${qtype}; `;
  emitCheck(ctx, t, [...ops, ...pointOps], `${lead}${describePoint(point, pointOps)}`, false);
  return iterate(ctx, name, qtype, t, point, lookupServerAddress);
}

/** Finds an address for a name server that came without usable glue, in a nested walk (Unbound's target query). */
const lookupServerAddress: AddressLookup = (ctx, nsName, zone, t, failures) => {
  const key = `${nsName}|A`;
  const { options } = ctx.resolver;
  if (ctx.stack.includes(key)) {
    failures.push(`${fqdn(nsName)} is already being looked up further out (circular dependency)`);
    return t;
  }
  if (ctx.stack.length > options.maxDependencyDepth) {
    failures.push(`looking up ${fqdn(nsName)} would nest more than ${options.maxDependencyDepth} lookups deep`);
    return t;
  }
  if (ctx.budget.targets >= options.maxTargetLookups) {
    failures.push(`more than ${options.maxTargetLookups} name server lookups (Unbound MAX_TARGET_COUNT)`);
    return t;
  }
  ctx.budget.targets++;
  const nested: WalkContext = { ...ctx, depth: ctx.depth + 1, lookup: `A ${fqdn(nsName)} (address of a name server for ${fqdn(zone)})`, stack: [...ctx.stack, key] };
  const result = resolveName(nested, nsName, 'A', t);
  if (result.outcome.kind !== 'answer') {
    // Keep the root cause, not the whole nested story, so the final reason stays one readable line.
    const nestedReason = result.outcome.kind === 'servfail' ? result.outcome.reason : result.outcome.kind.toUpperCase();
    const cause = /circular dependency/.test(nestedReason) ? `circular dependency: it can only be found through ${fqdn(zone)} itself` : nestedReason.split(': ')[0];
    failures.push(`no address for ${fqdn(nsName)} (${cause})`);
  }
  return result.atMs;
};

function emitCheck(ctx: WalkContext, t: number, cache: CacheOperation[], explanation: string, hit: boolean): void {
  emit(ctx.sim, {
    type: 'cache-checked',
    timeMs: t,
    from: ctx.resolver.endpoint,
    to: ctx.resolver.endpoint,
    transport: 'local',
    cache,
    ...(hit ? { kind: 'cache-hit' as const } : {}),
    depth: ctx.depth,
    lookup: ctx.lookup,
    explanation,
  });
}
