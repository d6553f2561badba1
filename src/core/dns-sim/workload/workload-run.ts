import { DEFAULT_LATENCY_MODEL, drawUpstreamMs, type LatencyModel } from './latency-model.js';
import { createLatencyHistogram, latencyBucket, recordLatency, type LatencyHistogram } from './latency-histogram.js';
import { workloadStream, type RandomStream } from './random-stream.js';
import type { WorkloadConfig, WorkloadCounts } from './workload-types.js';
import { buildAliasTable, zipfProbabilities, type AliasTable } from './zipf.js';

/** RFC 8767 section 5 suggests a stale limit of one to three days; this model keeps expired data one day. */
export const MAX_STALE_SECONDS = 86_400;

/** A workload in progress: everything is sized by the number of names, nothing by the number of queries. */
export interface WorkloadRun {
  config: WorkloadConfig;
  model: LatencyModel;
  sampler: AliasTable;
  /** Per name: virtual second its cached data expires; -Infinity for a name never cached. */
  expiresAt: Float64Array;
  /** Per name: virtual second an upstream fetch in flight answers; 0 when none is. */
  fetchDoneAt: Float64Array;
  histogram: LatencyHistogram;
  arrivals: RandomStream;
  names: RandomStream;
  latency: RandomStream;
  clockSeconds: number;
  counts: WorkloadCounts;
}

/** Sets up a run with a cold cache at virtual time 0. */
export function createWorkloadRun(config: WorkloadConfig, model: LatencyModel = DEFAULT_LATENCY_MODEL): WorkloadRun {
  return {
    config,
    model,
    sampler: buildAliasTable(zipfProbabilities(config.names, config.alpha)),
    expiresAt: new Float64Array(config.names).fill(-Infinity),
    fetchDoneAt: new Float64Array(config.names),
    histogram: createLatencyHistogram(),
    arrivals: workloadStream(config.seed, 'arrivals'),
    names: workloadStream(config.seed, 'names'),
    latency: workloadStream(config.seed, 'latency'),
    clockSeconds: 0,
    counts: { queries: 0, hits: 0, staleHits: 0, firstTimeMisses: 0, expiredMisses: 0, coalesced: 0, upstreamQueries: 0, prefetches: 0, staleRefreshes: 0 },
  };
}

/** Bytes held in the run's typed arrays: a function of the number of names alone. */
export function workloadMemoryBytes(run: WorkloadRun): number {
  const arrays = [run.sampler.threshold, run.sampler.alias, run.expiresAt, run.fetchDoneAt, run.histogram.counts, run.histogram.sums];
  return arrays.reduce((total, array) => total + array.byteLength, 0);
}

/** True once every query of the run has been simulated. */
export function workloadDone(run: WorkloadRun): boolean {
  return run.counts.queries >= run.config.queries;
}

/**
 * Simulates up to `budget` more client queries. Each arrives after an exponential gap, asks for a
 * Zipf-drawn name, and is answered from fresh data, from stale data, by waiting on a fetch already in
 * flight, or by a new upstream fetch whose answer is cached for the TTL from the moment it arrives.
 */
export function advanceWorkload(run: WorkloadRun, budget: number): void {
  const { config, model, sampler, expiresAt, fetchDoneAt, histogram, arrivals, names, latency } = run;
  const counts = { ...run.counts };
  const end = Math.min(config.queries, counts.queries + budget);
  const columns = sampler.threshold.length;
  const ttl = config.ttlSeconds;
  // Unbound prefetches once 90% of the original TTL has passed, in whole seconds:
  // PREFETCH_TTL_CALC(ttl) = ttl - ttl/10 (util/data/msgreply.h), so TTLs under 10 s never prefetch.
  const prefetchWindow = config.prefetch ? Math.floor(ttl / 10) : 0;
  const hitMs = model.cacheHitMs;
  const hitBucket = latencyBucket(hitMs);
  let hitsRecorded = 0;
  let now = run.clockSeconds;
  for (let query = counts.queries; query < end; query++) {
    now += arrivals.exponential(config.qps);
    const column = Math.floor(names.next() * columns);
    const name = names.next() < sampler.threshold[column]! ? column : sampler.alias[column]!;
    let fetchDone = fetchDoneAt[name]!;
    if (fetchDone !== 0 && fetchDone <= now) {
      expiresAt[name] = fetchDone + ttl;
      fetchDoneAt[name] = fetchDone = 0;
    }
    const expires = expiresAt[name]!;
    if (now < expires) {
      counts.hits++;
      hitsRecorded++;
      if (fetchDone === 0 && expires - now < prefetchWindow) {
        fetchDoneAt[name] = now + drawUpstreamMs(model, latency) / 1000;
        counts.prefetches++;
        counts.upstreamQueries++;
      }
    } else if (config.serveStale && now - expires <= MAX_STALE_SECONDS) {
      // RFC 8767 with a client-response timer of 0 (Unbound serve-expired: yes with
      // serve-expired-client-timeout: 0): the expired answer goes out at once, the refresh runs behind it.
      counts.staleHits++;
      hitsRecorded++;
      if (fetchDone === 0) {
        fetchDoneAt[name] = now + drawUpstreamMs(model, latency) / 1000;
        counts.staleRefreshes++;
        counts.upstreamQueries++;
      }
    } else if (fetchDone !== 0) {
      counts.coalesced++;
      recordLatency(histogram, hitMs + (fetchDone - now) * 1000);
    } else {
      const fetchMs = drawUpstreamMs(model, latency);
      fetchDoneAt[name] = now + fetchMs / 1000;
      counts.upstreamQueries++;
      if (expires === -Infinity) counts.firstTimeMisses++;
      else counts.expiredMisses++;
      recordLatency(histogram, hitMs + fetchMs);
    }
  }
  histogram.counts[hitBucket]! += hitsRecorded;
  histogram.sums[hitBucket]! += hitsRecorded * hitMs;
  counts.queries = end;
  run.counts = counts;
  run.clockSeconds = now;
}
