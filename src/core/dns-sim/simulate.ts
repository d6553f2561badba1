import { runReflection } from './attacks/amplification.js';
import { runAttackRounds } from './attacks/attack-rounds.js';
import { browserHit, browserStore, type BrowserCache } from './stub/browser-cache.js';
import type { Endpoint, ResolutionEvent } from './events.js';
import type { QueryOutcome } from './outcome.js';
import { forwarderResponder } from './servers/forwarder.js';
import { DEFAULT_NETWORK } from './network.js';
import { DEFAULT_PERSONALITY, findPersonality, type ResolverPersonality } from './personalities/index.js';
import { primeRoot } from './resolver/priming.js';
import { SERVICES } from './resolver/recursive.js';
import { buildReport } from './report/report.js';
import { DEFAULT_RESOLVER_OPTIONS, type ResolverOptions } from './resolver/resolver-options.js';
import { createRecursiveResolver, recursiveResponder, runResolver } from './resolver/resolver-responder.js';
import type { RecursiveResolver } from './resolver/resolver-state.js';
import { rogueResponder } from './servers/rogue-server.js';
import { rrlResponder } from './servers/rrl.js';
import { announceChanges } from './session-changes.js';
import { currentWorld, type SimState } from './sim-state.js';
import type { ExtraResolverSpec, SessionQuery, SimulationOptions, SimulationResult } from './simulation-types.js';
import { markStale } from './stale-check.js';
import { steeringResponder } from './servers/steering.js';
import { configuredOptions } from './world-config/resolver-config-options.js';
import { runStubLookup, type StubQuery } from './stub/stub.js';
import { runDigLookup } from './dig/dig-send.js';
import type { ResolvConf, World } from './world/world.js';

/** The run's types, re-exported so callers of the simulation import it and its types from one module. */
export type { ExtraResolverSpec, ResolverModel, SessionQuery, SimulationOptions, SimulationResult } from './simulation-types.js';

/** The recursive resolver used when the world's servers.yaml names none. */
export const DEFAULT_RESOLVER = { name: 'resolver.isp.net', address: '10.0.0.53' };
const DEFAULT_CLIENT = { name: 'laptop', address: '192.168.1.20' };
/** systemd-resolved's stub listener (resolved.conf(5), DNSStubListener). */
export const SYSTEMD_RESOLVED = { name: 'systemd-resolved', address: '127.0.0.53' };
// Knot Resolver primes when it starts: modelled one second before the first question.
const START_UP_MS = -1000;

/** glibc's resolv.conf defaults (resolv.conf(5)): timeout 5 s, attempts 2, ndots 1. */
export function defaultResolvConf(nameserver: string): ResolvConf {
  return { nameservers: [nameserver], search: [], ndots: 1, timeoutSeconds: 5, attempts: 2, rotate: false, singleRequest: false, edns0: false };
}

/** The options a run's main resolver uses: the shared base, then the personality (Unbound by default), its EDE switch and serve-stale settings, then the run's own settings. */
export function resolverOptionsFor(options: SimulationOptions): ResolverOptions {
  const personality = personalityOf(options);
  const base: ResolverOptions = { ...DEFAULT_RESOLVER_OPTIONS, ...personality.options };
  return { ...base, ...configuredOptions(base, personality.id, options), ...options.resolver };
}

function personalityOf(options: SimulationOptions): ResolverPersonality {
  return (options.personality && findPersonality(options.personality)) || DEFAULT_PERSONALITY;
}

/** Simulates one question: a pure function of (world, query, options, seed). */
export function simulateResolution(world: World, query: SessionQuery, options: SimulationOptions, seed: number): SimulationResult {
  return simulateSession(world, [query], options, seed);
}

/** Simulates several questions on one virtual clock, so caching, expiry and stale data show across them. */
export function simulateSession(world: World, queries: SessionQuery[], options: SimulationOptions, seed: number): SimulationResult {
  const resolverSpec = world.resolver ?? DEFAULT_RESOLVER;
  const endpoint: Endpoint = { name: resolverSpec.name, address: resolverSpec.address, role: 'resolver' };
  const resolverOptions = resolverOptionsFor(options);
  const personality = personalityOf(options);
  const resolver = createRecursiveResolver(endpoint, resolverOptions, world.rootHints);
  // The world's own schedule (servers.yaml) first, so at equal times the run's what-ifs are applied after it.
  const changes = [...(world.schedule ?? []), ...(options.changes ?? [])].sort((a, b) => a.atMs - b.atMs);
  // A run's own model (a scenario's) wins over the zones the world's servers.yaml signs; the zones' keys come from the run's seed.
  const model = options.dnssec ?? world.dnssec;
  const dnssec = model ? { ...model, keySeed: seed } : undefined;
  const sim: SimState = {
    seed, world, changes, network: { ...DEFAULT_NETWORK, ...options.network },
    responders: new Map(), events: [], queryIndex: 0, recording: false, packetCounter: 0, stubCallCounter: 0, forgedAddresses: new Set(), work: { responseEncodes: 0, responses: 0 },
    ...(dnssec ? { dnssec } : {}),
  };
  const main = recursiveResponder(resolver);
  sim.responders.set(endpoint.address, options.rrl ? rrlResponder(main, options.rrl) : main);
  for (const forwarder of options.forwarders ?? []) sim.responders.set(forwarder.address, forwarderResponder(forwarder));
  for (const rogue of options.rogueServers ?? []) sim.responders.set(rogue.address, rogueResponder(rogue));
  for (const steering of options.steering ?? []) sim.responders.set(steering.address, steeringResponder(sim, steering));
  const extras = registerExtraResolvers(sim, options.extraResolvers ?? []);

  for (const warm of options.prewarm ?? []) runResolver(sim, resolver, warm.name, warm.type, warm.atMs, 1);
  for (const { resolver: extra, spec } of extras) for (const warm of spec.prewarm ?? []) runResolver(sim, extra, warm.name, warm.type, warm.atMs, 1);
  sim.recording = true;
  if (resolverOptions.priming === 'start-up') primeRoot(startUpContext(sim, resolver), START_UP_MS, SERVICES, 'start-up');
  if (options.attack) runAttackRounds(sim, endpoint, options.attack);
  if (options.reflection) runReflection(sim, endpoint, options.reflection);

  const baseConf = options.resolvConf ?? world.resolvConf ?? defaultResolvConf(endpoint.address);
  const conf = options.osCache ? { ...baseConf, nameservers: [SYSTEMD_RESOLVED.address] } : baseConf;
  if (options.osCache) {
    // systemd-resolved caches by TTL, never longer than CACHE_TTL_MAX_USEC, 2 hours (src/resolve/resolved-dns-cache.c).
    sim.responders.set(SYSTEMD_RESOLVED.address, forwarderResponder({ ...SYSTEMD_RESOLVED, upstreamAddress: baseConf.nameservers[0] ?? endpoint.address, localZones: [], cacheMaxTtlSeconds: 7200, rttMs: 0 }));
  }
  const hosts = options.hosts ?? world.hosts ?? [];
  const browsers = new Map<string, BrowserCache>();
  const outcomes: QueryOutcome[] = [];
  let clock = 0;
  let announced = 0;
  for (const [index, query] of queries.entries()) {
    sim.queryIndex = index;
    const afterWait = clock + (query.delayMs ?? 0);
    const startMs = query.concurrent ? query.atMs ?? clock : Math.max(afterWait, query.atMs ?? afterWait);
    announced = announceChanges(sim, changes, announced, startMs);
    const host = query.client ?? options.client ?? DEFAULT_CLIENT;
    const client: Endpoint = { name: query.client ? query.client.name : query.dig ? 'dig' : 'application', address: host.address, role: 'client' };
    const stub: Endpoint = { name: `${host.name} (${query.dig ? 'dig 9.18' : query.checkingDisabled ? 'dig +cd' : 'glibc stub'})`, address: host.address, role: 'stub' };
    const ownConf = query.resolvConf ?? conf;
    const queryConf = query.nameserver ? { ...ownConf, nameservers: [query.nameserver] } : ownConf;
    const browser = options.browserCache && query.type === 'A+AAAA' ? browsers.get(host.address) ?? new Map() : undefined;
    if (browser) browsers.set(host.address, browser);
    const cached = browser ? browserHit(sim, browser, client, query.name, startMs, index) : undefined;
    const setup = { sim, client, stub, conf: queryConf, hosts, ...(query.checkingDisabled ? { checkingDisabled: true } : {}) };
    const raw = cached ?? (query.dig && query.type !== 'A+AAAA' ? runDigLookup(setup, { name: query.name, type: query.type }, query.dig, startMs, index) : runStubLookup(setup, query, startMs, index));
    if (browser && !cached) browserStore(sim, browser, options.browserCache!, client, raw);
    const outcome = markOsCache(markStale(raw, currentWorld(sim, raw.finishedAtMs), sim.forgedAddresses), sim);
    outcomes.push(outcome);
    clock = query.concurrent ? Math.max(clock, outcome.finishedAtMs) : outcome.finishedAtMs;
  }
  announceChanges(sim, changes, announced, clock);
  const events = [...sim.events].sort((a, b) => a.timeMs - b.timeMs || a.seq - b.seq).map(orderedEvent);
  const result: SimulationResult = {
    seed, resolver: endpoint, resolverModel: { id: personality.id, name: personality.name, summary: personality.summary }, resolvConf: conf,
    qnameMinimisation: resolverOptions.qnameMinimisation, outcomes, events, warnings: world.warnings, work: { ...sim.work! },
  };
  if (options.report) result.report = buildReport(options.report, result, { world, queries, options, resolver, rerun: (other) => simulateSession(world, queries, other, seed) });
  return result;
}

/** Session questions for `--repeat N --after DURATION`: question k asked at k * afterMs (or right after the previous one ends). */
export function repeatedQueries(query: StubQuery, repeat: number, afterMs: number): SessionQuery[] {
  return Array.from({ length: Math.max(1, repeat) }, (_, k) => ({ ...query, atMs: k * afterMs }));
}

function registerExtraResolvers(sim: SimState, specs: ExtraResolverSpec[]): { resolver: RecursiveResolver; spec: ExtraResolverSpec }[] {
  return specs.map((spec) => {
    const endpoint: Endpoint = { name: spec.name, address: spec.address, role: 'resolver' };
    const resolver = createRecursiveResolver(endpoint, resolverOptionsFor({ ...(spec.personality ? { personality: spec.personality } : {}), ...(spec.resolver ? { resolver: spec.resolver } : {}) }), sim.world.rootHints);
    const responder = recursiveResponder(resolver);
    if (spec.rttMs !== undefined) responder.rttMs = spec.rttMs;
    sim.responders.set(spec.address, responder);
    return { resolver, spec };
  });
}

function startUpContext(sim: SimState, resolver: RecursiveResolver) {
  return { sim, resolver, depth: 1, lookup: 'NS . (root priming, RFC 8109)', stack: [], budget: { sent: 0, targets: 0, deadlineMs: START_UP_MS + resolver.options.queryBudgetMs } };
}

// An answer the stub got from systemd-resolved's cache, without a query leaving the machine.
function markOsCache(outcome: QueryOutcome, sim: SimState): QueryOutcome {
  if (outcome.cacheLayer || outcome.status !== 'answer') return outcome;
  const mine = sim.events.filter((event) => event.queryIndex === sim.queryIndex && event.from.address === SYSTEMD_RESOLVED.address);
  if (mine.length === 0) return outcome;
  const forwarded = mine.some((event) => event.type === 'query-sent');
  return forwarded ? outcome : { ...outcome, cacheLayer: 'os', explanation: `${outcome.explanation} (from systemd-resolved's cache)` };
}

// One fixed key order for every event (docs/trace-format.md), so the JSON reads the same way for every step;
// the cast is there because TypeScript cannot see that each optional field follows the event's type.
function orderedEvent(event: ResolutionEvent, seq: number): ResolutionEvent {
  return {
    seq, timeMs: event.timeMs, type: event.type, from: event.from, to: event.to, transport: event.transport,
    ...('kind' in event && event.kind ? { kind: event.kind } : {}),
    ...('message' in event ? { message: event.message } : {}),
    ...('cache' in event && event.cache ? { cache: event.cache } : {}),
    explanation: event.explanation, depth: event.depth, queryIndex: event.queryIndex, lookup: event.lookup,
    ...('late' in event && event.late ? { late: true } : {}),
    ...('forged' in event && event.forged ? { forged: event.forged } : {}),
  } as ResolutionEvent;
}
