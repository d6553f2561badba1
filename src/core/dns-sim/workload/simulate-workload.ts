import { closedFormHitRate } from './closed-form.js';
import { DEFAULT_LATENCY_MODEL, type LatencyModel } from './latency-model.js';
import { latencyMean, latencyPercentile } from './latency-histogram.js';
import { advanceWorkload, createWorkloadRun, type WorkloadRun } from './workload-run.js';
import type { WorkloadConfig, WorkloadResult } from './workload-types.js';
import { zipfProbabilities } from './zipf.js';

/** The figures of a run so far (normally a finished one). */
export function summarizeWorkload(run: WorkloadRun): WorkloadResult {
  const { counts, config } = run;
  const queries = Math.max(1, counts.queries);
  const duration = run.clockSeconds;
  return {
    config,
    model: run.model,
    counts,
    durationSeconds: duration,
    hitRate: counts.hits / queries,
    closedFormHitRate: closedFormHitRate(zipfProbabilities(config.names, config.alpha), config.qps, config.ttlSeconds),
    answeredFromCacheRate: (counts.hits + counts.staleHits) / queries,
    clientWaitRate: (counts.firstTimeMisses + counts.expiredMisses + counts.coalesced) / queries,
    upstreamQps: duration > 0 ? counts.upstreamQueries / duration : 0,
    latencyMs: {
      p50: latencyPercentile(run.histogram, 0.5),
      p90: latencyPercentile(run.histogram, 0.9),
      p99: latencyPercentile(run.histogram, 0.99),
      p999: latencyPercentile(run.histogram, 0.999),
      mean: latencyMean(run.histogram),
    },
  };
}

/** Runs N client queries through the cache model and summarises them; the same config and seed give the same result. */
export function simulateWorkload(config: WorkloadConfig, model: LatencyModel = DEFAULT_LATENCY_MODEL): WorkloadResult {
  const run = createWorkloadRun(config, model);
  advanceWorkload(run, config.queries);
  return summarizeWorkload(run);
}

/** One configuration in a comparison: a label and the result. */
export interface WorkloadVariant {
  label: 'baseline' | 'prefetch' | 'serve-stale' | 'prefetch + serve-stale';
  result: WorkloadResult;
}

/**
 * The baseline (neither option) and each option asked for, alone and together, all on the same seed:
 * the arrivals and names are drawn from their own streams, so every variant sees identical traffic.
 */
export function simulateWorkloadVariants(config: WorkloadConfig, model: LatencyModel = DEFAULT_LATENCY_MODEL): WorkloadVariant[] {
  const plans: [WorkloadVariant['label'], boolean, boolean][] = [['baseline', false, false]];
  if (config.prefetch) plans.push(['prefetch', true, false]);
  if (config.serveStale) plans.push(['serve-stale', false, true]);
  if (config.prefetch && config.serveStale) plans.push(['prefetch + serve-stale', true, true]);
  return plans.map(([label, prefetch, serveStale]) => ({ label, result: simulateWorkload({ ...config, prefetch, serveStale }, model) }));
}
