import type { DeadServerRule, RttEstimator } from './resolver-options.js';

/** One thing a resolver learned about a server: a round trip, a timeout, ICMP unreachable, or a lame answer for a zone. */
export interface InfraObservation {
  atMs: number;
  address: string;
  outcome: 'ok' | 'timeout' | 'unreachable' | 'lame';
  /** The measured round trip for 'ok', the timeout that expired for 'timeout'. */
  ms?: number;
  /** The zone a 'lame' answer was for. */
  zone?: string;
}

/** The resolver's memory of servers, like Unbound's infra cache: observations, each forgotten after hostTtlSeconds. */
export interface InfraCache {
  observations: InfraObservation[];
}

/** What the resolver currently believes about one server. */
export interface ServerEstimate {
  /** Retransmit timeout to use, in ms; also the selection score (lower is better). */
  rtoMs: number;
  known: boolean;
  lameZones: string[];
  unreachable: boolean;
  /** Timeouts since the last answer from this server. */
  consecutiveTimeouts: number;
  /** Until when the server is left out of selection (Knot's dead_since plus cache.ns_tout); absent when it is not dead. */
  deadUntilMs?: number;
}

/** Unbound's constants (util/rtt.h, iterator/iterator.h): the initial timeout for an unknown server and the bounds. */
export const UNKNOWN_SERVER_RTO_MS = 376;
const RTT_MIN_TIMEOUT_MS = 50;
/** Unbound's RTT_MAX_TIMEOUT: a server whose timeout has grown this far is not used while others remain. */
export const RTT_MAX_TIMEOUT_MS = 120000;

/** Creates an empty infra cache. */
export function createInfraCache(): InfraCache {
  return { observations: [] };
}

/** Records an observation. */
export function observe(infra: InfraCache, observation: InfraObservation): void {
  infra.observations.push(observation);
}

/** The wait for a server nobody has measured, the ceiling a doubled wait stops at, and how a timeout grows the wait. */
export interface TimeoutLimits {
  unknownMs: number;
  maxMs: number;
  /** Unbound's rtt_lost doubles the wait that expired; Knot's back_off_timeout shifts the base once per consecutive timeout. */
  backoff?: 'double-expired-wait' | 'per-consecutive-timeout';
  /** Unbound's smoothing by default; 'rfc6298' is Knot's calc_rtt_state and calc_timeout. */
  estimator?: RttEstimator;
  /** When a server that keeps timing out is left alone for a while (Knot). */
  dead?: DeadServerRule;
}

const UNBOUND_LIMITS: TimeoutLimits = { unknownMs: UNKNOWN_SERVER_RTO_MS, maxMs: RTT_MAX_TIMEOUT_MS };
// Knot's lib/selection.c MAX_BACKOFF: the base timeout is shifted left at most 8 times.
const MAX_BACKOFF_SHIFT = 8;
// Knot's lib/selection.c MINIMAL_TIMEOUT_ADDITION: calc_timeout adds at least 20 ms to the smoothed RTT.
const MINIMAL_TIMEOUT_ADDITION_MS = 20;

/** Folds the observations visible at nowMs into an estimate, with Unbound's smoothed RTT arithmetic (util/rtt.c) or Knot's RFC 6298 one. */
export function estimateServer(infra: InfraCache, address: string, nowMs: number, hostTtlSeconds: number, limits: TimeoutLimits = UNBOUND_LIMITS): ServerEstimate {
  const clamp = (ms: number): number => Math.min(limits.maxMs, Math.max(RTT_MIN_TIMEOUT_MS, ms));
  let srtt = 0;
  let rttvar = limits.unknownMs / 4;
  let rto = limits.unknownMs;
  let known = false;
  let unreachable = false;
  let consecutive = 0;
  let deadSinceMs: number | undefined;
  const lameZones: string[] = [];
  for (const obs of infra.observations) {
    if (obs.address !== address || obs.atMs > nowMs || obs.atMs <= nowMs - hostTtlSeconds * 1000) continue;
    known = true;
    if (obs.outcome === 'ok' && obs.ms !== undefined) {
      if (limits.estimator === 'rfc6298') {
        // Knot's calc_rtt_state (RFC 6298 section 2): with no RTT information yet the sample is the estimate.
        [srtt, rttvar] = srtt === 0 && consecutive === 0 ? [obs.ms, Math.trunc(obs.ms / 2)] : [Math.trunc((7 * srtt + obs.ms + 4) / 8), Math.trunc((3 * rttvar + Math.abs(srtt - obs.ms) + 2) / 4)];
        rto = Math.min(limits.maxMs, srtt + Math.max(4 * rttvar, MINIMAL_TIMEOUT_ADDITION_MS));
      } else {
        let delta = obs.ms - srtt;
        srtt += Math.trunc(delta / 8);
        delta = Math.abs(delta);
        rttvar += Math.trunc((delta - rttvar) / 4);
        rto = clamp(srtt + 4 * rttvar);
      }
      unreachable = false;
      consecutive = 0;
      deadSinceMs = undefined;
    } else if (obs.outcome === 'timeout') {
      consecutive++;
      // Knot's server_timeout: KR_NS_TIMEOUT_ROW_DEAD timeouts in a row, the last a long enough wait, make the address dead.
      if (limits.dead && consecutive >= limits.dead.consecutiveTimeouts && (obs.ms ?? 0) >= limits.dead.minWaitMs) deadSinceMs = obs.atMs;
      // rtt_lost(): back off by doubling the timeout that just expired.
      const used = obs.ms ?? rto;
      if (limits.backoff !== 'per-consecutive-timeout' && rto <= used) rto = clamp(used * 2);
    } else if (obs.outcome === 'unreachable') {
      unreachable = true;
      rto = limits.maxMs;
    } else if (obs.outcome === 'lame' && obs.zone !== undefined) {
      lameZones.push(obs.zone);
    }
  }
  // Knot's calc_timeout: (srtt + 4 * variance) << consecutive timeouts, at most MAX_TIMEOUT.
  if (limits.backoff === 'per-consecutive-timeout' && !unreachable) rto = Math.min(limits.maxMs, rto * 2 ** Math.min(consecutive, MAX_BACKOFF_SHIFT));
  const dead = limits.dead && deadSinceMs !== undefined ? { deadUntilMs: deadSinceMs + limits.dead.retryAfterMs } : {};
  return { rtoMs: rto, known, lameZones, unreachable, consecutiveTimeouts: consecutive, ...dead };
}
