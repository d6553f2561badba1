import type { CacheEntry } from './cache.js';
import type { IterationResult } from './walk-types.js';
import { fqdn } from '../names/names.js';
import type { WalkContext } from './resolver-state.js';
import { emitCheck } from './resolver-events.js';
import { toRecordView } from '../wire/wire-records.js';
import type { RecordType } from '../world/world.js';

type Expired = CacheEntry & { kind: 'positive' };

function usable(ctx: WalkContext, expired: Expired | undefined, t: number): expired is Expired {
  const stale = ctx.resolver.options.serveStale;
  return stale !== undefined && expired !== undefined && t - expired.expiresAtMs <= stale.maxStaleSeconds * 1000;
}

function staleAnswer(ctx: WalkContext, expired: Expired, t: number, why: string): IterationResult {
  const ttl = ctx.resolver.options.serveStale!.replyTtlSeconds;
  const records = expired.records.map((record) => ({ ...record, ttlSeconds: ttl }));
  ctx.resolver.stats.staleAnswers++;
  emitCheck(ctx, t, [{ op: 'hit', name: expired.name, type: expired.type, ttlSeconds: ttl, records: records.map(toRecordView) }], `${why}: answers with the expired ${fqdn(expired.name)} ${expired.type} (expired ${Math.round((t - expired.expiresAtMs) / 1000)} s ago) and TTL ${ttl} s (serve-stale, RFC 8767)`, true);
  return { kind: 'answer', records, atMs: t, stale: true };
}

/** RFC 8767 section 4: shortly after a failed refresh, stale data is served at once, without asking the servers again. */
export function staleWithoutTrying(ctx: WalkContext, name: string, qtype: RecordType, t: number, expired: Expired | undefined): IterationResult | undefined {
  const until = ctx.resolver.staleRetry.get(`${name}|${qtype}`);
  if (!usable(ctx, expired, t) || until === undefined || t >= until) return undefined;
  return staleAnswer(ctx, expired, t, `the last refresh failed ${Math.round((t - (until - ctx.resolver.options.serveStale!.refreshRetrySeconds * 1000)) / 1000)} s ago, so the servers are not asked again yet`);
}

/** RFC 8767 section 5: when the refresh fails (or the client has waited the response timer), expired data beats SERVFAIL. */
export function serveStaleAfterFailure(ctx: WalkContext, name: string, qtype: RecordType, startMs: number, walked: IterationResult & { kind: 'servfail' }, expired: Expired | undefined): IterationResult {
  if (!usable(ctx, expired, startMs)) return walked;
  const stale = ctx.resolver.options.serveStale!;
  ctx.resolver.staleRetry.set(`${name}|${qtype}`, walked.atMs + stale.refreshRetrySeconds * 1000);
  const answerAt = Math.min(walked.atMs, startMs + stale.clientResponseTimerMs);
  const why = answerAt < walked.atMs ? `the refresh has taken ${stale.clientResponseTimerMs} ms without an answer (client response timer)` : `the refresh failed (${walked.reason})`;
  return staleAnswer(ctx, expired, answerAt, why);
}
