import { answerAsServer } from './authoritative.js';
import type { Endpoint } from '../events.js';
import { seededFloat } from '../prng.js';
import { currentWorld, type Responder, type SimState } from '../sim-state.js';
import { PLAIN_UDP_LIMIT_BYTES, type DnsMessage } from '../wire/wire.js';
import type { ResourceRecord } from '../world/world.js';

/** One answer pool of a traffic-steering authoritative (a data centre or a CDN point of presence). */
export interface Pool {
  name: string;
  addresses: string[];
  weight?: number;
}

/** How the steering server picks an answer (the policies of Route 53, NS1, Cloudflare and the like). */
export type SteeringPolicy =
  | { kind: 'round-robin' }
  | { kind: 'weighted' }
  | { kind: 'geo'; regions: { prefix: string; region: string }[]; poolByRegion: Record<string, string> }
  | { kind: 'latency'; regions: { prefix: string; region: string }[]; rttMsByRegion: Record<string, Record<string, number>> }
  | { kind: 'failover'; primary: string; secondary: string; failsAtMs: number; checkIntervalMs: number; failureThreshold: number };

/** When health checks every intervalMs take the primary out: the threshold-th failed check after it fails (Route 53 style). */
export function failoverAtMs(policy: { failsAtMs: number; checkIntervalMs: number; failureThreshold: number }): number {
  const firstFailedCheck = Math.ceil(policy.failsAtMs / policy.checkIntervalMs) * policy.checkIntervalMs;
  return firstFailedCheck + (policy.failureThreshold - 1) * policy.checkIntervalMs;
}

/** A name server of the world whose answers for one name are chosen per query by a policy. */
export interface SteeringSpec {
  /** The address of the world's server whose behaviour this replaces. */
  address: string;
  name: string;
  ttlSeconds: number;
  pools: Pool[];
  policy: SteeringPolicy;
}

const toNumber = (ip: string): number => ip.split('.').reduce((sum, octet) => sum * 256 + Number(octet), 0) >>> 0;

/** Whether an IPv4 address is inside a prefix such as "203.0.113.0/24". */
export function inPrefix(address: string, prefix: string): boolean {
  const [network, bits] = prefix.split('/') as [string, string];
  const length = Number(bits);
  const mask = length === 0 ? 0 : (0xffffffff << (32 - length)) >>> 0;
  return address.includes('.') && ((toNumber(address) & mask) >>> 0) === ((toNumber(network) & mask) >>> 0);
}

/** Makes the world's server at spec.address answer spec.name by the policy; other questions get its ordinary answers. */
export function steeringResponder(sim: SimState, spec: SteeringSpec): Responder {
  const server = sim.world.servers.find((candidate) => candidate.address === spec.address);
  const endpoint: Endpoint = { name: server?.name ?? spec.address, address: spec.address, role: 'authoritative' };
  let asked = 0;
  return {
    endpoint,
    respond(state, query, arrivalMs, from, transport) {
      const live = currentWorld(state, arrivalMs).servers.find((candidate) => candidate.address === spec.address);
      if (!live) return { kind: 'drop', note: 'no such server' };
      const ordinary = answerAsServer(currentWorld(state, arrivalMs), live, query, transport);
      if (ordinary.kind !== 'message' || query.question.name !== spec.name) return ordinary.kind === 'message' ? { ...ordinary, readyAtMs: arrivalMs } : ordinary;
      // The steered name exists, with A records only: any other type is NODATA, not NXDOMAIN.
      if (query.question.type !== 'A') return { ...ordinary, message: { ...ordinary.message, rcode: 'NOERROR' }, readyAtMs: arrivalMs };
      const picked = pick(state, spec, query, from.address, arrivalMs, asked++);
      const answer: ResourceRecord[] = picked.addresses.map((data) => ({ name: spec.name, type: 'A', ttlSeconds: spec.ttlSeconds, data }));
      const message: DnsMessage = { ...ordinary.message, aa: true, rcode: 'NOERROR', answer, authority: [], ...(picked.ecs ? { ecs: picked.ecs } : {}) };
      if (!message.ecs) delete message.ecs;
      return { kind: 'message', message, readyAtMs: arrivalMs, udpLimitBytes: Math.max(PLAIN_UDP_LIMIT_BYTES, query.ednsUdpPayloadBytes ?? PLAIN_UDP_LIMIT_BYTES), note: picked.why };
    },
  };
}

function pick(sim: SimState, spec: SteeringSpec, query: DnsMessage, source: string, nowMs: number, count: number): { addresses: string[]; why: string; ecs?: DnsMessage['ecs'] } {
  const policy = spec.policy;
  const pool = (name: string): Pool => spec.pools.find((candidate) => candidate.name === name) ?? spec.pools[0]!;
  switch (policy.kind) {
    case 'round-robin': {
      // BIND's rrset-order cyclic: the whole set, rotated one place per answer.
      const all = spec.pools.flatMap((candidate) => candidate.addresses);
      const shift = count % all.length;
      return { addresses: [...all.slice(shift), ...all.slice(0, shift)], why: `round robin: answer ${count + 1} starts at ${all[shift]}` };
    }
    case 'weighted': {
      const total = spec.pools.reduce((sum, candidate) => sum + (candidate.weight ?? 1), 0);
      let draw = seededFloat(sim.seed, 'weighted', spec.name, nowMs) * total;
      const chosen = spec.pools.find((candidate) => (draw -= candidate.weight ?? 1) < 0) ?? spec.pools[0]!;
      return { addresses: chosen.addresses, why: `weighted: ${chosen.name} has weight ${chosen.weight ?? 1} of ${total}` };
    }
    case 'failover': {
      const healthy = nowMs < failoverAtMs(policy);
      const chosen = pool(healthy ? policy.primary : policy.secondary);
      return { addresses: chosen.addresses, why: healthy ? `failover: ${policy.primary} is still marked healthy` : `failover: ${policy.primary} failed ${policy.failureThreshold} health checks in a row, answering with ${policy.secondary}` };
    }
    case 'geo':
    case 'latency': {
      // RFC 7871: with a client subnet the server steers by it and says (scope) how widely the answer applies.
      const subnet = query.ecs;
      const basis = subnet ? subnet.address : source;
      const region = policy.regions.find((entry) => inPrefix(basis, entry.prefix))?.region ?? 'unknown';
      const chosen = policy.kind === 'geo' ? pool(policy.poolByRegion[region] ?? spec.pools[0]!.name) : fastest(policy.rttMsByRegion[region], spec.pools);
      const by = subnet ? `the client subnet ${subnet.address}/${subnet.sourcePrefixLength} (ECS)` : `the resolver's address ${source} (no ECS)`;
      const ecs = subnet ? { address: subnet.address, sourcePrefixLength: subnet.sourcePrefixLength, scopePrefixLength: subnet.sourcePrefixLength } : undefined;
      const rule = policy.kind === 'geo' ? `geo: ${by} is in ${region}, served by ${chosen.name}` : `latency: from ${region} (by ${by}) ${chosen.name} is the fastest`;
      return ecs ? { addresses: chosen.addresses, why: rule, ecs } : { addresses: chosen.addresses, why: rule };
    }
  }
}

function fastest(rtts: Record<string, number> | undefined, pools: Pool[]): Pool {
  if (!rtts) return pools[0]!;
  return [...pools].sort((a, b) => (rtts[a.name] ?? Infinity) - (rtts[b.name] ?? Infinity))[0]!;
}
