// Buckets 1% wide on a log scale from 10 microseconds to 10 minutes: about 1,800 buckets, a fixed
// 29 KB however many queries are recorded, and every percentile within 1% of the exact one.
const MIN_MS = 0.01;
const MAX_MS = 600_000;
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
const BUCKETS = Math.ceil(Math.log(MAX_MS / MIN_MS) / LOG_GROWTH) + 1;

/** A fixed-size log-bucketed latency histogram; memory does not depend on how many values it holds. */
export interface LatencyHistogram {
  counts: Float64Array;
  /** The sum of the values in each bucket, so a percentile reports the bucket's mean, exact when all are equal. */
  sums: Float64Array;
}

/** An empty histogram. */
export function createLatencyHistogram(): LatencyHistogram {
  return { counts: new Float64Array(BUCKETS), sums: new Float64Array(BUCKETS) };
}

/** The bucket a latency falls in (values outside the range go to the first or last bucket). */
export function latencyBucket(ms: number): number {
  if (!(ms > MIN_MS)) return 0;
  return Math.min(BUCKETS - 1, Math.floor(Math.log(ms / MIN_MS) / LOG_GROWTH));
}

/** Adds one latency. */
export function recordLatency(histogram: LatencyHistogram, ms: number): void {
  const bucket = latencyBucket(ms);
  histogram.counts[bucket]! += 1;
  histogram.sums[bucket]! += ms;
}

/** The latency at quantile q (0.5 for the median), as the mean of its bucket; 0 when empty. */
export function latencyPercentile(histogram: LatencyHistogram, q: number): number {
  let total = 0;
  for (let i = 0; i < BUCKETS; i++) total += histogram.counts[i]!;
  if (total === 0) return 0;
  // The smallest value with at least q of the values at or below it (nearest-rank).
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = 0; i < BUCKETS; i++) {
    const count = histogram.counts[i]!;
    seen += count;
    if (count > 0 && seen >= rank) return histogram.sums[i]! / count;
  }
  return 0;
}

/** The mean of all recorded latencies; 0 when empty. */
export function latencyMean(histogram: LatencyHistogram): number {
  let count = 0;
  let sum = 0;
  for (let i = 0; i < BUCKETS; i++) {
    count += histogram.counts[i]!;
    sum += histogram.sums[i]!;
  }
  return count === 0 ? 0 : sum / count;
}
