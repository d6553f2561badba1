import type { WorkloadReport } from './workload-report.js';
import { MAX_STALE_SECONDS } from './workload-run.js';

const round = (value: number, places: number): number => Number(value.toFixed(places));

/** The report as a stable JSON document (rates as fractions, times in ms or seconds as named). */
export function toWorkloadJson(report: WorkloadReport): object {
  const first = report.variants[0]!.result;
  return {
    workload: 'zipf',
    config: report.config,
    // Prefetch fires on a hit with less than this left of the TTL (Unbound: ttl/10 in whole seconds).
    model: { ...first.model, prefetchWindowSeconds: Math.floor(report.config.ttlSeconds / 10), maxStaleSeconds: MAX_STALE_SECONDS },
    results: report.variants.map(({ label, result }) => ({
      variant: label,
      prefetch: result.config.prefetch,
      serveStale: result.config.serveStale,
      durationSeconds: round(result.durationSeconds, 3),
      counts: result.counts,
      hitRate: round(result.hitRate, 6),
      closedFormHitRate: round(result.closedFormHitRate, 6),
      answeredFromCacheRate: round(result.answeredFromCacheRate, 6),
      clientWaitRate: round(result.clientWaitRate, 6),
      upstreamQps: round(result.upstreamQps, 3),
      latencyMs: {
        p50: round(result.latencyMs.p50, 2),
        p90: round(result.latencyMs.p90, 2),
        p99: round(result.latencyMs.p99, 2),
        p999: round(result.latencyMs.p999, 2),
        mean: round(result.latencyMs.mean, 2),
      },
    })),
    curve: report.curve.map((point) => ({ ttlSeconds: round(point.ttlSeconds, 3), closedFormHitRate: round(point.hitRate, 6) })),
  };
}
