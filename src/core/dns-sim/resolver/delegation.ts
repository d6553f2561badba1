import { lookupEntry } from './cache.js';
import type { CacheOperation } from '../events.js';
import { estimateServer, type ServerEstimate, type TimeoutLimits } from './infra-cache.js';
import { fqdn, isInZone, parentName } from '../names/names.js';
import { seededShuffle } from '../prng.js';
import type { DelegationPoint, WalkContext } from './resolver-state.js';

/** A server the walk may query: one address of one NS name, with the resolver's current timeout for it. */
export interface ServerChoice {
  nsName: string;
  address: string;
  rtoMs: number;
}

/** Finds the closest enclosing zone cut whose NS set is cached, else the root hints (RFC 1034 section 5.3.3 step 2). */
export function findDelegationPoint(ctx: WalkContext, qname: string, nowMs: number): { point: DelegationPoint; ops: CacheOperation[] } {
  const ops: CacheOperation[] = [];
  for (let name = qname; ; name = parentName(name)) {
    // A stub zone's own servers stand in for any cached NS set of its apex; cuts cached below it are still used (Unbound stub-zone).
    const stub = ctx.resolver.options.stubZones.find((zone) => zone.zone === name);
    if (stub) return { point: { zone: name, nsNames: [...stub.addresses] }, ops };
    const found = lookupEntry(ctx.resolver.cache, name, 'NS', nowMs);
    if (found.status === 'hit' && found.entry.kind === 'positive') {
      const nsNames = usedNsNames(ctx, found.entry.records.map((record) => record.data as string));
      // Like Unbound's iter_dp_is_useless: a cut whose servers all live inside it and have no known
      // address cannot be used, so the walk starts one level up and asks the parent again.
      const useless = nsNames.every((ns) => isInZone(ns, name) && knownAddresses(ctx, ns, name, nowMs).length === 0);
      if (!useless) {
        ops.push({ op: 'hit', name, type: 'NS', ttlSeconds: found.remainingSeconds });
        return { point: { zone: name, nsNames }, ops };
      }
    }
    if (found.status === 'expired') ops.push({ op: 'expire', name, type: 'NS', ttlSeconds: 0 });
    if (name === '') break;
  }
  const names = [...new Set(ctx.resolver.rootHints.map((hint) => hint.name))];
  return { point: { zone: '', nsNames: names }, ops };
}

/** The NS names of a delegation the resolver uses: all of them, or the first nsChase.namesUsed (BIND's NS_PROCESSING_LIMIT). */
export function usedNsNames(ctx: WalkContext, nsNames: string[]): string[] {
  const limit = ctx.resolver.options.nsChase.namesUsed;
  return limit === undefined ? nsNames : nsNames.slice(0, limit);
}

/** IPv4 addresses known for a name server name: cached A records (glue or answers), the root hints, or a configured zone's own addresses. */
export function knownAddresses(ctx: WalkContext, nsName: string, zone: string, nowMs: number): string[] {
  // A forward or stub zone names its servers by address: the "name" is the address itself.
  const { forwardZones, stubZones } = ctx.resolver.options;
  if ([...forwardZones, ...stubZones].some((configured) => configured.zone === zone && configured.addresses.includes(nsName))) return [nsName];
  const found = lookupEntry(ctx.resolver.cache, nsName, 'A', nowMs);
  const cached = found.status === 'hit' && found.entry.kind === 'positive' ? found.entry.records.map((record) => record.data as string) : [];
  const hints = zone === '' ? ctx.resolver.rootHints.filter((hint) => hint.name === nsName && hint.address.includes('.')).map((hint) => hint.address) : [];
  return [...new Set([...cached, ...hints])];
}

/**
 * Picks the next server like Unbound's iter_server_selection: skip servers known lame for the zone or
 * that failed too often in this walk; among those with the fewest failures (or all of them, with
 * serverSelection "rtt-band"), keep the ones within RTT_BAND of the best timeout and pick one at
 * random (seeded), which also explores unmeasured servers. walkTimeouts is how many waits of this
 * walk have run out, for Knot's back-off of servers it has never measured.
 */
export function chooseServer(ctx: WalkContext, point: DelegationPoint, failuresByAddress: Map<string, number>, nowMs: number, walkTimeouts = 0): ServerChoice | undefined {
  const { options, infra } = ctx.resolver;
  const candidates: (ServerChoice & { attempts: number; measured: boolean })[] = [];
  // Each address once, looked up in a set: a delegation of thousands of names must not cost their square.
  const seen = new Set<string>();
  const limits = timeoutLimits(ctx);
  for (const nsName of point.nsNames) {
    for (const address of knownAddresses(ctx, nsName, point.zone, nowMs)) {
      if (seen.has(address)) continue;
      seen.add(address);
      const estimate = estimateServer(infra, address, nowMs, options.infraHostTtlSeconds, limits);
      const attempts = failuresByAddress.get(address) ?? 0;
      if (estimate.lameZones.includes(point.zone) || attempts >= options.attemptsPerServer || isDead(estimate, nowMs)) continue;
      // Knot's select_transport: an address with no RTT data waits back_off_timeout(DEFAULT_TIMEOUT, timeouts so far).
      const rtoMs = options.unknownServerBackoff && !estimate.known ? Math.min(options.maxServerTimeoutMs, estimate.rtoMs * 2 ** walkTimeouts) : estimate.rtoMs;
      candidates.push({ nsName, address, rtoMs, attempts, measured: estimate.known });
    }
  }
  if (candidates.length === 0) return undefined;
  const fewest = Math.min(...candidates.map((candidate) => candidate.attempts));
  let pool = options.serverSelection === 'rtt-band' ? candidates : candidates.filter((candidate) => candidate.attempts === fewest);
  const unmeasured = pool.filter((candidate) => !candidate.measured);
  if (options.preferUnmeasuredServers && unmeasured.length > 0) pool = unmeasured;
  const useful = pool.filter((candidate) => candidate.rtoMs < options.maxServerTimeoutMs);
  if (useful.length > 0) pool = useful;
  const best = Math.min(...pool.map((candidate) => candidate.rtoMs));
  const band = pool.filter((candidate) => candidate.rtoMs <= best + options.rttBandMs);
  const drawKey = options.serverSelection === 'rtt-band' ? candidates.reduce((sum, candidate) => sum + candidate.attempts, 0) : fewest;
  const pick = seededShuffle(band, ctx.sim.seed, 'select', ctx.resolver.endpoint.address, point.zone, nowMs, drawKey)[0]!;
  return { nsName: pick.nsName, address: pick.address, rtoMs: pick.rtoMs };
}

function timeoutLimits(ctx: WalkContext): TimeoutLimits {
  const { options } = ctx.resolver;
  const dead = options.deadServer ? { dead: options.deadServer } : {};
  return { unknownMs: options.unknownServerTimeoutMs, maxMs: options.maxServerTimeoutMs, backoff: options.timeoutBackoff, estimator: options.rttEstimator, ...dead };
}

// Knot's invalidate_dead_upstream: a dead address is not offered to select_transport until cache.ns_tout has passed.
const isDead = (estimate: ServerEstimate, nowMs: number): boolean => estimate.deadUntilMs !== undefined && nowMs < estimate.deadUntilMs;

/** The delegation's addresses the resolver leaves out because they timed out too often in a row (Knot's dead servers), for a trace line. */
export function describeDeadServers(ctx: WalkContext, point: DelegationPoint, nowMs: number): string {
  const { options, infra } = ctx.resolver;
  const dead = point.nsNames.flatMap((nsName) => knownAddresses(ctx, nsName, point.zone, nowMs).flatMap((address) => {
    const estimate = estimateServer(infra, address, nowMs, options.infraHostTtlSeconds, timeoutLimits(ctx));
    return isDead(estimate, nowMs) ? [`${nsName} (${address}) is dead after ${estimate.consecutiveTimeouts} timeouts in a row, not asked for ${estimate.deadUntilMs! - nowMs} ms more (Knot cache.ns_tout)`] : [];
  }));
  return dead.join('; ');
}

/** NS names of the delegation that have no known address yet and have not been looked up in this walk. */
export function namesNeedingAddresses(ctx: WalkContext, point: DelegationPoint, lookedUp: Set<string>, nowMs: number): string[] {
  return point.nsNames.filter((nsName) => !lookedUp.has(nsName) && knownAddresses(ctx, nsName, point.zone, nowMs).length === 0);
}

/** A short description of the delegation for a trace line. */
export function describePoint(point: DelegationPoint, ops: CacheOperation[]): string {
  const hit = ops.find((op) => op.op === 'hit');
  if (!hit) return 'no delegation cached: start at the root hints';
  return `closest cached delegation: ${fqdn(point.zone)} (${point.nsNames.length} NS, ${hit.ttlSeconds} s left)`;
}
