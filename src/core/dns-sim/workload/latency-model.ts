import type { RandomStream } from './random-stream.js';

/** What a client waits for, in milliseconds, on the two paths through a caching resolver. */
export interface LatencyModel {
  /** A cache hit costs one round trip between client and resolver, a resolver on the local network. */
  cacheHitMs: number;
  /** Median time for the resolver to fetch an answer it does not hold (one authoritative exchange, sometimes more). */
  upstreamMedianMs: number;
  /** Spread of the upstream time: a lognormal's sigma, so the tail is long as measured resolution times are. */
  upstreamSigma: number;
  /** Share of upstream fetches that lose a packet and wait for the resolver's timeout before retrying. */
  upstreamLossRate: number;
  /** The wait before that retry: Unbound's timeout for a server it has no RTT for (UNKNOWN_SERVER_NICENESS, 376 ms). */
  retryTimeoutMs: number;
}

/**
 * The default model: hits at 1 ms; misses a lognormal with a 30 ms median (p90 about 95 ms, p99
 * about 240 ms), and one fetch in a hundred paying a 376 ms retransmission on top.
 */
export const DEFAULT_LATENCY_MODEL: LatencyModel = {
  cacheHitMs: 1,
  upstreamMedianMs: 30,
  upstreamSigma: 0.9,
  upstreamLossRate: 0.01,
  retryTimeoutMs: 376,
};

/** Draws how long one upstream fetch takes, in milliseconds (always above zero). */
export function drawUpstreamMs(model: LatencyModel, stream: RandomStream): number {
  const base = model.upstreamMedianMs * Math.exp(model.upstreamSigma * stream.normal());
  return stream.next() < model.upstreamLossRate ? base + model.retryTimeoutMs : base;
}
