import type { Endpoint, Role } from './events.js';
import { seededFloat, seededInt } from './prng.js';

/** Knobs of the simulated network. */
export interface NetworkOptions {
  /** Probability in [0, 1] that a datagram is lost on the way (each direction drawn separately). */
  lossRate: number;
  /** Fixed round-trip times by the role of the far end, replacing the seeded draw (and its jitter); for worked examples and tests. */
  fixedRttByRole?: Partial<Record<Role, number>>;
}

/** The network with nothing lost. */
export const DEFAULT_NETWORK: NetworkOptions = { lossRate: 0 };

/**
 * Round-trip ranges by the role of the far end, from the querier's point of view: a stub's resolver
 * is on the LAN or at the ISP (a few ms); root servers are anycast and usually near (tens of ms);
 * TLD servers somewhat farther; a zone's own servers anywhere up to a couple of hundred ms.
 */
const RTT_RANGE_MS: Record<Role, [number, number]> = {
  client: [0, 0],
  stub: [0, 0],
  resolver: [2, 12],
  root: [8, 40],
  tld: [15, 60],
  authoritative: [25, 180],
};

/** How long one exchange takes on the wire: the full round trip and the two one-way halves. */
export interface PacketTiming {
  rttMs: number;
  outboundMs: number;
  returnMs: number;
}

/** The base round-trip time of a link, fixed per (seed, from, to) so a link keeps its distance all session. */
export function linkRttMs(seed: number, from: Endpoint, to: Endpoint, fixedRttMs?: number): number {
  if (fixedRttMs !== undefined) return fixedRttMs;
  const [low, high] = RTT_RANGE_MS[to.role];
  return seededInt(low, high, seed, 'rtt', from.address, to.address);
}

/** One packet's timing on a link: the base RTT with up to 10% jitter drawn per packet, unless the RTT is fixed. */
export function packetTiming(seed: number, network: NetworkOptions, from: Endpoint, to: Endpoint, packetKey: string, serverRttMs?: number): PacketTiming {
  const fixedRttMs = serverRttMs ?? network.fixedRttByRole?.[to.role];
  const base = linkRttMs(seed, from, to, fixedRttMs);
  const jitter = fixedRttMs === undefined ? 0.9 + 0.2 * seededFloat(seed, 'jitter', from.address, to.address, packetKey) : 1;
  const rttMs = Math.max(1, Math.round(base * jitter));
  const outboundMs = Math.floor(rttMs / 2);
  return { rttMs, outboundMs, returnMs: rttMs - outboundMs };
}

/** Whether one datagram is lost, drawn from the seed so a replay loses the same packets. */
export function isLost(seed: number, network: NetworkOptions, packetKey: string): boolean {
  return network.lossRate > 0 && seededFloat(seed, 'loss', packetKey) < network.lossRate;
}
