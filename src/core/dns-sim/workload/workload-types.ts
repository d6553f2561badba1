import type { LatencyModel } from './latency-model.js';

/** The traffic and the resolver settings of one workload run. */
export interface WorkloadConfig {
  /** Client queries to simulate (N). */
  queries: number;
  /** Distinct names the clients ask for (M). */
  names: number;
  /** Zipf exponent of name popularity. */
  alpha: number;
  /** TTL every answer carries, in whole seconds. */
  ttlSeconds: number;
  /** Mean client query rate of the Poisson stream (R). */
  qps: number;
  /** Refresh an entry when a query hits it in the last tenth of its TTL (Unbound `prefetch: yes`). */
  prefetch: boolean;
  /** Answer from expired data at once while refreshing it (RFC 8767). */
  serveStale: boolean;
  seed: number;
}

/** What happened to the client queries, and what the resolver sent upstream. */
export interface WorkloadCounts {
  queries: number;
  /** Answered from fresh cached data. */
  hits: number;
  /** Answered from expired data (serve-stale only). */
  staleHits: number;
  /** The first query for a name never cached: no cache avoids these. */
  firstTimeMisses: number;
  /** A name cached before whose data had expired (and, with serve-stale, was past the stale limit). */
  expiredMisses: number;
  /** Arrived while a fetch for the same name was in flight, and waited for it (coalesced, no new upstream query). */
  coalesced: number;
  /** Every upstream fetch: for misses, prefetches and stale refreshes. */
  upstreamQueries: number;
  prefetches: number;
  staleRefreshes: number;
}

/** The summary of a finished run. */
export interface WorkloadResult {
  config: WorkloadConfig;
  model: LatencyModel;
  counts: WorkloadCounts;
  /** Virtual time from the start to the last arrival. */
  durationSeconds: number;
  /** Fresh hits over all queries: the figure the closed form predicts. */
  hitRate: number;
  closedFormHitRate: number;
  /** Fresh and stale hits over all queries: answered without waiting for upstream. */
  answeredFromCacheRate: number;
  /** Misses and coalesced queries over all queries: the clients that waited for an upstream fetch. */
  clientWaitRate: number;
  upstreamQps: number;
  latencyMs: { p50: number; p90: number; p99: number; p999: number; mean: number };
}
