import type { ForwarderSpec } from './forwarder.js';
import { SCENARIO_IDS } from './scenario-ids.js';
import { SCENARIOS } from './scenario-list.js';
import { DEFAULT_RESOLVER, defaultResolvConf, repeatedQueries, type SessionQuery, type SimulationOptions } from './simulate.js';
import type { StubQuery } from './stub.js';
import type { HostsEntry, RecordType, ResolvConf, World } from './world.js';
import type { WorldChange } from './world-changes.js';

export { SCENARIOS };

/** One of the fixed scenario ids that cards link to. */
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** A ready-made situation: the question, the client's configuration, what changes in the world, and the card it illustrates. */
export interface Scenario {
  id: ScenarioId;
  title: string;
  /** One paragraph a learner reads before the trace. */
  description: string;
  /** The card (docs/card-plan.md) the scenario shows in motion. */
  cardId: string;
  query: StubQuery;
  /** A seed under which the scenario shows its point (server choice is random, as in real resolvers). */
  seed: number;
  /** resolv.conf settings over the world's (or glibc's defaults). */
  resolvConf?: Partial<ResolvConf>;
  hosts?: HostsEntry[];
  changes?: WorldChange[];
  /** Questions the resolver answered before the scenario starts (negative times). */
  prewarm?: { atMs: number; name: string; type: RecordType }[];
  /** Run the client in a Kubernetes pod whose nameserver is CoreDNS at 10.96.0.10. */
  kubernetes?: boolean;
  repeat?: number;
  afterMs?: number;
}

/** Overrides from the command line that apply on top of a scenario. */
export interface ScenarioOverrides {
  query?: StubQuery;
  seed?: number;
  repeat?: number;
  afterMs?: number;
  resolvConf?: ResolvConf;
  qnameMinimisation?: boolean;
}

/** Finds a scenario by id. */
export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((scenario) => scenario.id === id);
}

// CoreDNS as kubeadm deploys it: the kube-dns Service address, `forward . /etc/resolv.conf`, `cache 30`.
const COREDNS_ADDRESS = '10.96.0.10';

/** Turns a scenario (and command-line overrides) into the arguments of simulateSession. */
export function scenarioRun(scenario: Scenario, world: World, overrides: ScenarioOverrides = {}): { queries: SessionQuery[]; options: SimulationOptions; seed: number } {
  const resolver = world.resolver ?? DEFAULT_RESOLVER;
  const base = world.resolvConf ?? defaultResolvConf(resolver.address);
  const kubernetes = scenario.kubernetes ? { ...defaultResolvConf(COREDNS_ADDRESS), search: [] } : base;
  const resolvConf = overrides.resolvConf ?? { ...kubernetes, ...scenario.resolvConf };
  const options: SimulationOptions = { resolvConf };
  if (scenario.hosts) options.hosts = scenario.hosts;
  if (scenario.changes) options.changes = scenario.changes;
  if (scenario.prewarm) options.prewarm = scenario.prewarm;
  if (overrides.qnameMinimisation !== undefined) options.resolver = { qnameMinimisation: overrides.qnameMinimisation };
  if (scenario.kubernetes) {
    const coredns: ForwarderSpec = { name: 'coredns (kube-dns)', address: COREDNS_ADDRESS, upstreamAddress: resolver.address, localZones: ['cluster.local'], cacheMaxTtlSeconds: 30, rttMs: 1 };
    options.forwarders = [coredns];
    options.client = { name: 'pod orders-7d9f8', address: '10.244.1.23' };
    options.hosts = [{ address: '10.244.1.23', names: ['orders-7d9f8'] }];
  }
  const query = overrides.query ?? scenario.query;
  const queries = repeatedQueries(query, overrides.repeat ?? scenario.repeat ?? 1, overrides.afterMs ?? scenario.afterMs ?? 0);
  return { queries, options, seed: overrides.seed ?? scenario.seed };
}
