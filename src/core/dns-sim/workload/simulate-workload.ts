import { closedFormHitRate } from './closed-form.js';
import { DEFAULT_LATENCY_MODEL, type LatencyModel } from './latency-model.js';
import { latencyMean, latencyPercentile } from './latency-histogram.js';
import { startProgress, PROGRESS_CHUNK_QUERIES, type ProgressTracker, type WorkloadProgress } from './workload-progress.js';
import { advanceWorkload, createWorkloadRun, workloadDone, type WorkloadRun } from './workload-run.js';
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
  return runInChunks(config, model, () => undefined);
}

// Always in the same chunks, with or without a progress sink, so a terminal and a pipe get the same figures.
function runInChunks(config: WorkloadConfig, model: LatencyModel, afterChunk: (done: number) => void): WorkloadResult {
  const run = createWorkloadRun(config, model);
  while (!workloadDone(run)) {
    advanceWorkload(run, PROGRESS_CHUNK_QUERIES);
    afterChunk(run.counts.queries);
  }
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
export function simulateWorkloadVariants(config: WorkloadConfig, model: LatencyModel = DEFAULT_LATENCY_MODEL, progress?: WorkloadProgress): WorkloadVariant[] {
  const plans: [WorkloadVariant['label'], boolean, boolean][] = [['baseline', false, false]];
  if (config.prefetch) plans.push(['prefetch', true, false]);
  if (config.serveStale) plans.push(['serve-stale', false, true]);
  if (config.prefetch && config.serveStale) plans.push(['prefetch + serve-stale', true, true]);
  const tracker: ProgressTracker = startProgress(progress);
  const total = config.queries * plans.length;
  const variants = plans.map(([label, prefetch, serveStale], index): WorkloadVariant => {
    const before = config.queries * index;
    const result = runInChunks({ ...config, prefetch, serveStale }, model, (done) => tracker.tick({ done: before + done, total, label }));
    return { label, result };
  });
  tracker.finish();
  return variants;
}
