import type { Endpoint, QueryOutcome, ResolutionEvent } from './events.js';
import { serverRole } from './exchange.js';
import { forwarderResponder, type ForwarderSpec } from './forwarder.js';
import { DEFAULT_NETWORK, type NetworkOptions } from './network.js';
import { fqdn } from './names.js';
import { DEFAULT_RESOLVER_OPTIONS, type ResolverOptions } from './resolver-options.js';
import { createRecursiveResolver, recursiveResponder, runResolver } from './resolver-responder.js';
import { currentWorld, emit, type SimState } from './sim-state.js';
import { markStale } from './stale-check.js';
import { runStubLookup, type StubQuery } from './stub.js';
import type { HostsEntry, RecordType, ResolvConf, World, WorldWarning } from './world.js';
import type { WorldChange } from './world-changes.js';

/** Everything about a run besides the world, the questions and the seed. */
export interface SimulationOptions {
  resolver?: Partial<ResolverOptions>;
  /** The client's resolv.conf; defaults to the world's, else glibc's defaults pointing at the world's resolver. */
  resolvConf?: ResolvConf;
  /** The client's /etc/hosts; defaults to the world's. */
  hosts?: HostsEntry[];
  /** Scheduled edits to the world (a record changes, a server dies). */
  changes?: WorldChange[];
  network?: Partial<NetworkOptions>;
  /** The machine the application runs on. */
  client?: { name: string; address: string };
  /** Forwarding resolvers (CoreDNS) reachable by address. */
  forwarders?: ForwarderSpec[];
  /** Questions the recursive resolver answered before the session (negative times), to warm its cache; their events are not kept. */
  prewarm?: { atMs: number; name: string; type: RecordType }[];
}

/** One question of a session; atMs is when the application asks (never before the previous question ended). */
export interface SessionQuery extends StubQuery {
  atMs?: number;
}

/** Everything a run produced: the outcome per question and every event on the virtual clock. */
export interface SimulationResult {
  seed: number;
  resolver: Endpoint;
  resolvConf: ResolvConf;
  qnameMinimisation: boolean;
  outcomes: QueryOutcome[];
  events: ResolutionEvent[];
  warnings: WorldWarning[];
}

/** The recursive resolver used when the world's servers.yaml names none. */
export const DEFAULT_RESOLVER = { name: 'resolver.isp.net', address: '10.0.0.53' };
const DEFAULT_CLIENT = { name: 'laptop', address: '192.168.1.20' };

/** glibc's resolv.conf defaults (resolv.conf(5)): timeout 5 s, attempts 2, ndots 1. */
export function defaultResolvConf(nameserver: string): ResolvConf {
  return { nameservers: [nameserver], search: [], ndots: 1, timeoutSeconds: 5, attempts: 2, rotate: false, singleRequest: false, edns0: false };
}

/** Simulates one question: a pure function of (world, query, options, seed). */
export function simulateResolution(world: World, query: SessionQuery, options: SimulationOptions, seed: number): SimulationResult {
  return simulateSession(world, [query], options, seed);
}

/** Simulates several questions on one virtual clock, so caching, expiry and stale data show across them. */
export function simulateSession(world: World, queries: SessionQuery[], options: SimulationOptions, seed: number): SimulationResult {
  const resolverSpec = world.resolver ?? DEFAULT_RESOLVER;
  const endpoint: Endpoint = { name: resolverSpec.name, address: resolverSpec.address, role: 'resolver' };
  const resolverOptions = { ...DEFAULT_RESOLVER_OPTIONS, ...options.resolver };
  const resolver = createRecursiveResolver(endpoint, resolverOptions, world.rootHints);
  const changes = [...(options.changes ?? [])].sort((a, b) => a.atMs - b.atMs);
  const sim: SimState = {
    seed, world, changes, network: { ...DEFAULT_NETWORK, ...options.network },
    responders: new Map(), events: [], queryIndex: 0, recording: false, packetCounter: 0, stubCallCounter: 0,
  };
  sim.responders.set(endpoint.address, recursiveResponder(resolver));
  for (const forwarder of options.forwarders ?? []) sim.responders.set(forwarder.address, forwarderResponder(forwarder));

  for (const warm of options.prewarm ?? []) runResolver(sim, resolver, warm.name, warm.type, warm.atMs, 1);
  sim.recording = true;

  const conf = options.resolvConf ?? world.resolvConf ?? defaultResolvConf(endpoint.address);
  const host = options.client ?? DEFAULT_CLIENT;
  const client: Endpoint = { name: 'application', address: host.address, role: 'client' };
  const stub: Endpoint = { name: `${host.name} (glibc stub)`, address: host.address, role: 'stub' };
  const hosts = options.hosts ?? world.hosts ?? [];
  const outcomes: QueryOutcome[] = [];
  let clock = 0;
  let announced = 0;
  for (const [index, query] of queries.entries()) {
    sim.queryIndex = index;
    const startMs = Math.max(clock, query.atMs ?? clock);
    announced = announceChanges(sim, changes, announced, startMs);
    const raw = runStubLookup({ sim, client, stub, conf, hosts }, query, startMs, index);
    const outcome = markStale(raw, currentWorld(sim, raw.finishedAtMs));
    outcomes.push(outcome);
    clock = outcome.finishedAtMs;
  }
  announceChanges(sim, changes, announced, clock);
  const events = [...sim.events].sort((a, b) => a.timeMs - b.timeMs || a.seq - b.seq).map(orderedEvent);
  return { seed, resolver: endpoint, resolvConf: conf, qnameMinimisation: resolverOptions.qnameMinimisation, outcomes, events, warnings: world.warnings };
}

/** Session questions for `--repeat N --after DURATION`: question k asked at k * afterMs (or right after the previous one ends). */
export function repeatedQueries(query: StubQuery, repeat: number, afterMs: number): SessionQuery[] {
  return Array.from({ length: Math.max(1, repeat) }, (_, k) => ({ ...query, atMs: k * afterMs }));
}

function announceChanges(sim: SimState, changes: WorldChange[], from: number, untilMs: number): number {
  let next = from;
  while (next < changes.length && changes[next]!.atMs <= untilMs) {
    const change = changes[next]!;
    const server = change.kind === 'set-behaviour'
      ? sim.world.servers.find((candidate) => candidate.name === change.server || candidate.address === change.server)
      : sim.world.servers.find((candidate) => candidate.zones.includes(change.zone));
    const party: Endpoint = server ? { name: server.name, address: server.address, role: serverRole(server) } : { name: 'operator', address: '-', role: 'authoritative' };
    const what = change.kind === 'set-records' ? `${fqdn(change.name)} ${change.type} now ${change.records.map((record) => String(record.data)).join(', ') || 'removed'}` : `${change.server} is now ${change.behaviour}`;
    emit(sim, { type: 'world-changed', timeMs: change.atMs, from: party, to: party, transport: 'local', depth: 0, lookup: 'world', explanation: `${change.description} (${what})` });
    next++;
  }
  return next;
}

// One fixed key order for every event, so the JSON reads the same way for every step.
function orderedEvent(event: ResolutionEvent, seq: number): ResolutionEvent {
  return {
    seq, timeMs: event.timeMs, type: event.type, from: event.from, to: event.to, transport: event.transport,
    ...(event.kind ? { kind: event.kind } : {}),
    ...(event.message ? { message: event.message } : {}),
    ...(event.cache ? { cache: event.cache } : {}),
    explanation: event.explanation, depth: event.depth, queryIndex: event.queryIndex, lookup: event.lookup,
    ...(event.late ? { late: true } : {}),
  };
}
