import { hitRateCurve, logSpacedTtls, type HitRatePoint } from './closed-form.js';
import { DEFAULT_LATENCY_MODEL, type LatencyModel } from './latency-model.js';
import { simulateWorkloadVariants, type WorkloadVariant } from './simulate-workload.js';
import type { WorkloadProgress } from './workload-progress.js';
import type { WorkloadConfig } from './workload-types.js';
import { zipfProbabilities } from './zipf.js';

/** Everything `swelearn sim --workload` prints: the runs and the hit-rate curve. */
export interface WorkloadReport {
  config: WorkloadConfig;
  /** The baseline first, then each option asked for. */
  variants: WorkloadVariant[];
  /** The closed-form hit rate at log-spaced TTLs from 1 s to a day (or the chosen TTL, if longer). */
  curve: HitRatePoint[];
}

/** Runs the variants and computes a curve of `curvePoints` TTLs, reporting progress to `progress` when given. */
export function buildWorkloadReport(config: WorkloadConfig, curvePoints: number, model: LatencyModel = DEFAULT_LATENCY_MODEL, progress?: WorkloadProgress): WorkloadReport {
  const ttls = logSpacedTtls(1, Math.max(86_400, config.ttlSeconds), curvePoints);
  return {
    config,
    variants: simulateWorkloadVariants(config, model, progress),
    curve: hitRateCurve(zipfProbabilities(config.names, config.alpha), config.qps, ttls),
  };
}
