import { adbFetch } from './adb-fetch.js';
import { forwardQuestion, forwardZoneFor } from './forward-zones.js';
import { lookupEntry } from './cache.js';
import { describePoint, findDelegationPoint } from './delegation.js';
import type { CacheOperation } from '../events.js';
import { iterate } from './iterate.js';
import { validating } from './iterate-ask.js';
import { fqdn, parentName } from '../names/names.js';
import { primeRoot } from './priming.js';
import { fromCache } from './recursive-cache.js';
import type { ResolutionOutcome, WalkContext } from './resolver-state.js';
import { emitCheck } from './resolver-events.js';
import { limitWalkForStale, serveStaleAfterFailure, staleAtOnce, staleWithoutTrying } from './serve-stale.js';
import { primingInFlight } from './shared-queries.js';
import type { IterationResult, WalkServices } from './walk-types.js';
import type { ExtendedError } from '../wire/wire.js';
import type { RecordType, ResourceRecord } from '../world/world.js';

/**
 * Resolves one question for a client: the cache first, then the iterative walk, following CNAMEs
 * with a restart limit and loop detection. Always ends: in records, a negative answer, or SERVFAIL.
 */
export function resolveName(ctx: WalkContext, qname: string, qtype: RecordType, startMs: number): { outcome: ResolutionOutcome & { signatures?: ResourceRecord[] }; atMs: number } {
  const { options } = ctx.resolver;
  let t = startMs;
  const chain: ResourceRecord[] = [];
  const visited = [qname];
  let current = qname;
  let secure = true;
  for (let restarts = 0; ; restarts++) {
    const step = fromCacheOrWalk(ctx, current, qtype, t);
    t = step.atMs;
    if (step.kind === 'servfail') return fail(ctx, qname, qtype, chain, step.reason, t, step.ede);
    secure &&= step.secure === true;
    const proven = secure ? { secure: true } : {};
    if (step.kind === 'answer') {
      const staleEde = options.serveStaleProfile.staleAnswerEde ? { ede: { code: 3, text: 'the answer expired; the servers could not be reached (RFC 8767)' } } : {};
      const stale = step.stale ? { stale: true, ...staleEde } : {};
      return { outcome: { kind: 'answer', records: [...chain, ...step.records], ...proven, ...stale, ...(step.signatures ? { signatures: step.signatures } : {}) }, atMs: t };
    }
    if (step.kind !== 'cname') {
      const outcome: ResolutionOutcome = step.soa ? { kind: step.kind, records: [...chain, ...step.records], soa: step.soa, ...proven } : { kind: step.kind, records: [...chain, ...step.records], ...proven };
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

function fail(ctx: WalkContext, qname: string, qtype: RecordType, chain: ResourceRecord[], reason: string, t: number, ede?: ExtendedError): { outcome: ResolutionOutcome; atMs: number } {
  const ttl = ctx.resolver.options.servfailTtlSeconds;
  // Unbound keeps data that failed validation for val-bogus-ttl (60 s) rather than the short SERVFAIL time.
  const holdSeconds = ede && [6, 7, 9, 10].includes(ede.code) ? Math.max(ttl, 60) : ttl;
  if (holdSeconds > 0) ctx.resolver.servfails.push({ name: qname, type: qtype, atMs: t, untilMs: t + holdSeconds * 1000, reason, ...(ede ? { ede } : {}) });
  return { outcome: { kind: 'servfail', records: chain, reason, ...(ede ? { ede } : {}) }, atMs: t };
}

function fromCacheOrWalk(ctx: WalkContext, name: string, qtype: RecordType, t: number): IterationResult {
  const failed = ctx.resolver.servfails.find((entry) => entry.name === name && entry.type === qtype && entry.atMs <= t && t < entry.untilMs);
  if (failed) {
    emitCheck(ctx, t, [], `${fqdn(name)} ${qtype} failed ${t - failed.atMs} ms ago; the cached SERVFAIL is reused (servfail-ttl ${ctx.resolver.options.servfailTtlSeconds} s)`, true);
    return { kind: 'servfail', reason: failed.reason, atMs: t, ...(failed.ede ? { ede: failed.ede } : {}) };
  }
  const cached = fromCache(ctx, name, qtype, t, SERVICES);
  if (cached.result) return cached.result;
  const stale = staleWithoutTrying(ctx, name, qtype, t, cached.expired) ?? staleAtOnce(ctx, name, qtype, t, cached.expired, SERVICES);
  if (stale) return stale;
  const ops: CacheOperation[] = [...cached.ops, { op: 'miss', name, type: qtype, ttlSeconds: 0 }];
  // DS records live in the parent zone (RFC 4035 section 4.2): their walk starts one cut higher.
  const startName = qtype === 'DS' && name !== '' ? parentName(name) : name;
  const forward = forwardZoneFor(ctx.resolver.options, startName);
  if (forward) {
    emitCheck(ctx, t, ops, `${cached.expiredNote || `cache miss for ${fqdn(name)} ${qtype}; `}${fqdn(name)} is in the forward zone ${fqdn(forward.zone)}: forwarded, not iterated`, false);
    const forwarded = forwardQuestion(ctx, forward, name, qtype, t, SERVICES);
    return forwarded.kind === 'servfail' ? serveStaleAfterFailure(ctx, name, qtype, t, forwarded, cached.expired) : forwarded;
  }
  let { point, ops: pointOps } = findDelegationPoint(ctx, startName, t);
  emitCheck(ctx, t, [...ops, ...pointOps], `${cached.expiredNote || `cache miss for ${fqdn(name)} ${qtype}; `}${describePoint(point, pointOps)}`, false);
  const mode = ctx.resolver.options.priming;
  const fromHints = point.zone === '' && !pointOps.some((op) => op.op === 'hit');
  if (fromHints && ctx.resolver.primingStartedMs === undefined && (mode === 'blocking' || mode === 'background')) {
    const primedAt = primeRoot(ctx, t, SERVICES, mode);
    ctx.resolver.primingDoneMs = primedAt;
    if (mode === 'blocking') {
      t = primedAt;
      point = findDelegationPoint(ctx, startName, t).point;
    }
  } else if (fromHints && mode === 'blocking' && primingInFlight(ctx, t)) {
    t = ctx.resolver.primingDoneMs!;
    point = findDelegationPoint(ctx, startName, t).point;
  }
  const deadlineMs = limitWalkForStale(ctx, t, cached.expired);
  const walked = iterate(ctx, name, qtype, t, point, SERVICES);
  ctx.budget.deadlineMs = deadlineMs;
  return walked.kind === 'servfail' ? serveStaleAfterFailure(ctx, name, qtype, t, walked, cached.expired) : walked;
}

/** Finds an address for a name server that came without usable glue, in a nested walk (Unbound's target query). */
const lookupServerAddress: WalkServices['lookupAddress'] = (ctx, nsName, zone, t, failures, opportunistic) => {
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
  const why = opportunistic ? `, fetched in parallel: target-fetch-policy` : '';
  const nested: WalkContext = { ...ctx, depth: ctx.depth + 1, lookup: `A ${fqdn(nsName)} (address of a name server for ${fqdn(zone)}${why})`, stack: [...ctx.stack, key] };
  const result = options.nameServerLookups === 'adb-fetch' ? adbFetch(nested, nsName, zone, t, SERVICES) : resolveName(nested, nsName, 'A', t);
  if (result.outcome.kind !== 'answer') {
    // Keep the root cause, not the whole nested story, so the final reason stays one readable line.
    const nestedReason = result.outcome.kind === 'servfail' ? result.outcome.reason : result.outcome.kind.toUpperCase();
    const cause = /circular dependency/.test(nestedReason) ? `circular dependency: it can only be found through ${fqdn(zone)} itself` : nestedReason.split(': ')[0];
    failures.push(`no address for ${fqdn(nsName)} (${cause})`);
  }
  return result.atMs;
};

/** The callbacks every walk of this resolver uses. */
export const SERVICES: WalkServices = { lookupAddress: lookupServerAddress, resolve: resolveName };

/** Whether a walk context validates DNSSEC (re-exported for the responder). */
export { validating };
