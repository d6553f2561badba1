/**
 * The steady-state hit rate of a TTL cache under Poisson arrivals: each name is fetched on a miss
 * and then hit by every query in the next T seconds, so a cycle holds one miss and on average
 * lambda_i * T hits; its hit ratio is lambda_i*T / (1 + lambda_i*T), weighted by popularity p_i,
 * with lambda_i = qps * p_i (Jung, Berger and Balakrishnan, "Modeling TTL-based Internet caches", 2003).
 */
export function closedFormHitRate(probabilities: Float64Array, qps: number, ttlSeconds: number): number {
  let rate = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i]!;
    const perCycle = qps * p * ttlSeconds;
    rate += (p * perCycle) / (1 + perCycle);
  }
  return rate;
}

/** A point of the hit-rate curve. */
export interface HitRatePoint {
  ttlSeconds: number;
  hitRate: number;
}

/** `count` TTLs spaced evenly on a log scale from `fromSeconds` to `toSeconds`, both included. */
export function logSpacedTtls(fromSeconds: number, toSeconds: number, count: number): number[] {
  if (count < 2) return [fromSeconds];
  const ratio = Math.log(toSeconds / fromSeconds);
  return Array.from({ length: count }, (_, i) => fromSeconds * Math.exp((ratio * i) / (count - 1)));
}

/** The closed-form hit rate at each TTL. */
export function hitRateCurve(probabilities: Float64Array, qps: number, ttlsSeconds: readonly number[]): HitRatePoint[] {
  return ttlsSeconds.map((ttlSeconds) => ({ ttlSeconds, hitRate: closedFormHitRate(probabilities, qps, ttlSeconds) }));
}
