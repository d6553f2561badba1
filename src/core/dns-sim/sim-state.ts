import type { Endpoint, ResolutionEvent } from './events.js';
import type { DnssecModel } from './world/dnssec-model.js';
import type { NetworkOptions } from './network.js';
import type { PoisoningAttack } from './attacks/poisoning-attack.js';
import type { DnsMessage } from './wire/wire.js';
import type { ResourceRecord, World } from './world/world.js';
import { worldAt, type WorldChange } from './world/world-changes.js';

/** Response rate limiting's token buckets by (client network, question), kept for the run when a responder is made afresh per packet. */
export type RrlAccounts = Map<string, { balance: number; lastMs: number; limited: number }>;

/** What a party at an address does with a query that reaches it. */
export type ResponderReply =
  | { kind: 'message'; message: DnsMessage; readyAtMs: number; udpLimitBytes: number; isRequiredAdditional?: (record: ResourceRecord) => boolean; note: string }
  | { kind: 'drop'; note: string }
  | { kind: 'unreachable'; note: string };

/** A party that answers queries: a recursive resolver, a forwarder, or (looked up from the world) a name server. */
export interface Responder {
  endpoint: Endpoint;
  /** Fixed round-trip time to this responder from whoever asks, when it is known (a node-local CoreDNS). */
  rttMs?: number;
  respond(sim: SimState, query: DnsMessage, arrivalMs: number, from: Endpoint, transport: 'udp' | 'tcp', depth: number): ResponderReply;
}

/** Omit applied to each member of a union, so the union stays discriminated. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event before its sequence number and query index are assigned. */
export type PendingEvent = DistributiveOmit<ResolutionEvent, 'seq' | 'queryIndex'>;

/** Work a run did, counted so tests can hold it to a bound without timing it. */
export interface SimulationWork {
  /** Times a response was written to bytes, summed over every response sent: one per response unless optional glue had to be left out. */
  responseEncodes: number;
  /** Responses written. */
  responses: number;
}

/** The mutable state of one simulation run; created and consumed inside simulateSession, never shared. */
export interface SimState {
  seed: number;
  world: World;
  changes: WorldChange[];
  network: NetworkOptions;
  /** Resolvers and forwarders by address; name servers come from the world at the time a packet arrives. */
  responders: Map<string, Responder>;
  events: ResolutionEvent[];
  queryIndex: number;
  /** False while prewarming: events are not kept. */
  recording: boolean;
  /** Counts packets, so message ids and jitter draws differ per packet. */
  packetCounter: number;
  /** glibc's process-wide nameserver_offset counter, advanced per res_send call when rotate is on. */
  stubCallCounter: number;
  /** Which zones the world signs, when the run models DNSSEC. */
  dnssec?: DnssecModel;
  /** An off-path attacker racing forged answers against the resolver's upstream queries. */
  attack?: PoisoningAttack;
  /** Addresses that reached a cache only through forged packets, so outcomes that carry them can say so. */
  forgedAddresses: Set<string>;
  /** Response rate limiting's buckets per world server address (servers.yaml `rrl`), made when a limited server first gets a query. */
  rrlAccounts?: Map<string, RrlAccounts>;
  /** What the run has done so far (see SimulationWork); absent in hand-built states, which then count nothing. */
  work?: SimulationWork;
}

/** The world as the simulation sees it at nowMs (scheduled changes applied). */
export function currentWorld(sim: SimState, nowMs: number): World {
  return worldAt(sim.world, sim.changes, nowMs);
}

/** Appends an event (its sequence number is assigned when the run is sorted). */
export function emit(sim: SimState, event: PendingEvent): void {
  if (!sim.recording) return;
  sim.events.push({ ...event, seq: sim.events.length, queryIndex: sim.queryIndex });
}
