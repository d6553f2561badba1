import type { CacheEntry } from './cache.js';
import type { IterationResult, WalkServices } from './walk-types.js';
import { fqdn } from '../names/names.js';
import { refreshInBackground } from './recursive-cache.js';
import type { WalkContext } from './resolver-state.js';
import { emitCheck } from './resolver-events.js';
import { toRecordView } from '../wire/wire-records.js';
import type { RecordType } from '../world/world.js';

type Expired = CacheEntry & { kind: 'positive' };

function usable(ctx: WalkContext, expired: Expired | undefined, t: number): expired is Expired {
  const { serveStale, serveStaleProfile } = ctx.resolver.options;
  const limitMs = serveStaleProfile.maxStaleSeconds * 1000;
  return serveStale && expired !== undefined && (limitMs === 0 || t - expired.expiresAtMs <= limitMs);
}

function staleAnswer(ctx: WalkContext, expired: Expired, t: number, why: string): IterationResult {
  const ttl = ctx.resolver.options.serveStaleProfile.replyTtlSeconds;
  const records = expired.records.map((record) => ({ ...record, ttlSeconds: ttl }));
  ctx.resolver.stats.staleAnswers++;
  emitCheck(ctx, t, [{ op: 'hit', name: expired.name, type: expired.type, ttlSeconds: ttl, records: records.map(toRecordView) }], `${why}: answers with the expired ${fqdn(expired.name)} ${expired.type} (expired ${Math.round((t - expired.expiresAtMs) / 1000)} s ago) and TTL ${ttl} s (serve-stale, RFC 8767)`, true);
  return { kind: 'answer', records, atMs: t, stale: true };
}

/** RFC 8767 section 4: shortly after a failed refresh, stale data is served at once, without asking the servers again. */
export function staleWithoutTrying(ctx: WalkContext, name: string, qtype: RecordType, t: number, expired: Expired | undefined): IterationResult | undefined {
  const until = ctx.resolver.staleRetry.get(`${name}|${qtype}`);
  if (!usable(ctx, expired, t) || until === undefined || t >= until) return undefined;
  return staleAnswer(ctx, expired, t, `the last refresh failed ${Math.round((t - (until - ctx.resolver.options.serveStaleProfile.refreshRetrySeconds * 1000)) / 1000)} s ago, so the servers are not asked again yet`);
}

/** A client response timer of 0 (Unbound's serve-expired-client-timeout default up to 1.22): expired data is answered at once and refreshed behind it. */
export function staleAtOnce(ctx: WalkContext, name: string, qtype: RecordType, t: number, expired: Expired | undefined, services: WalkServices): IterationResult | undefined {
  if (!usable(ctx, expired, t) || ctx.resolver.options.serveStaleProfile.clientResponseTimerMs !== 0) return undefined;
  refreshInBackground(ctx, name, qtype, t, services, `${qtype} ${fqdn(name)} (serve-expired refresh)`);
  return staleAnswer(ctx, expired, t, 'serve-expired with no client timeout: the expired entry is answered at once and refreshed in the background');
}

/**
 * Knot's serve_stale looks at its deadline only when the walk is about to send another query: the walk's budget is
 * cut to the deadline, so it stops at the first send due after it. Returns the budget's own deadline, to restore.
 */
export function limitWalkForStale(ctx: WalkContext, t: number, expired: Expired | undefined): number {
  const saved = ctx.budget.deadlineMs;
  const { timerChecked, clientResponseTimerMs } = ctx.resolver.options.serveStaleProfile;
  if (usable(ctx, expired, t) && timerChecked === 'at-next-query' && typeof clientResponseTimerMs === 'number') {
    ctx.budget.deadlineMs = Math.min(saved, t + clientResponseTimerMs);
  }
  return saved;
}

/** RFC 8767 section 5: when the refresh fails (or the client has waited the response timer), expired data beats SERVFAIL. */
export function serveStaleAfterFailure(ctx: WalkContext, name: string, qtype: RecordType, startMs: number, walked: IterationResult & { kind: 'servfail' }, expired: Expired | undefined): IterationResult {
  if (!usable(ctx, expired, startMs)) return walked;
  const stale = ctx.resolver.options.serveStaleProfile;
  // Knot's qr_task_step fails a request whose wait ends past KR_RESOLVE_TIME_LIMIT before any layer produces again, so
  // serve_stale, which acts only in the produce layer, never gets to answer.
  if (stale.timerChecked === 'at-next-query' && walked.atMs - startMs >= ctx.resolver.options.queryBudgetMs) return walked;
  const timer = stale.clientResponseTimerMs;
  const answerAt = timer === 'off' || stale.timerChecked === 'at-next-query' ? walked.atMs : Math.min(walked.atMs, startMs + timer);
  const byTimer = answerAt < walked.atMs;
  if (stale.refreshRetrySeconds > 0 && (!byTimer || stale.refreshRetryAfterTimerAnswer)) {
    ctx.resolver.staleRetry.set(`${name}|${qtype}`, walked.atMs + stale.refreshRetrySeconds * 1000);
  }
  const knotDeadline = stale.timerChecked === 'at-next-query' && typeof timer === 'number' && walked.atMs - startMs >= timer;
  const why = byTimer
    ? `the refresh has taken ${timer} ms without an answer (client response timer)`
    : knotDeadline
      ? `the refresh has taken ${walked.atMs - startMs} ms, past serve_stale's ${timer} ms deadline, which is checked when the next query is due`
      : stale.timerChecked === 'at-next-query'
        ? `no server is left to ask after ${walked.atMs - startMs} ms (${walked.reason}), which serve_stale takes before its deadline (lib/resolve.c NO_NS_FOUND)`
        : `the refresh failed (${walked.reason})`;
  return staleAnswer(ctx, expired, answerAt, why);
}
