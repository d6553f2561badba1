import type { BrowserCacheSpec } from '../stub/browser-cache.js';
import type { ForwarderSpec } from '../servers/forwarder.js';
import type { PersonalityId } from '../personalities/index.js';
import { SCENARIOS as PART_ONE } from './scenario-list.js';
import { SECURITY_SCENARIOS } from './scenario-list-security.js';
import { TRAFFIC_SCENARIOS } from './scenario-list-traffic.js';
import { NETWORK_SCENARIOS } from './scenario-list-networks.js';
import { CACHING_QUIZ } from './quiz-caching.js';
import { CLIENT_QUIZ } from './quiz-client.js';
import { DELEGATION_QUIZ } from './quiz-delegation.js';
import { DENIAL_QUIZ } from './quiz-denial.js';
import { NETWORK_QUIZ } from './quiz-networks.js';
import { OUTAGE_QUIZ } from './quiz-outage.js';
import { POISONING_QUIZ } from './quiz-poisoning.js';
import { RESOLUTION_QUIZ } from './quiz-resolution.js';
import { SECURITY_QUIZ } from './quiz-security.js';
import { STEERING_QUIZ } from './quiz-steering.js';
import type { ScenarioQuiz } from './moment-types.js';
import type { Scenario, ScenarioId } from './scenario-types.js';
import { DEFAULT_RESOLVER, defaultResolvConf, repeatedQueries, type SessionQuery, type SimulationOptions } from '../simulate.js';
import type { StubQuery } from '../stub/stub.js';
import type { ResolvConf, World } from '../world/world.js';
import { readScenarioWorld, withScenarioWorld, type ScenarioWorld } from './scenario-world.js';
import { parseSessionFile, type SessionStep } from '../session/session-file.js';
import { sessionPrewarm } from '../session/session-prewarm.js';

/** The scenario types, re-exported so callers find scenarios and their types in one module. */
export type { Scenario, ScenarioId } from './scenario-types.js';

// Typed by id, so a scenario without a quiz does not compile.
const QUIZ: Record<ScenarioId, ScenarioQuiz> = { ...RESOLUTION_QUIZ, ...CACHING_QUIZ, ...CLIENT_QUIZ, ...DELEGATION_QUIZ, ...SECURITY_QUIZ, ...DENIAL_QUIZ, ...POISONING_QUIZ, ...OUTAGE_QUIZ, ...STEERING_QUIZ, ...NETWORK_QUIZ };

/** Every scenario, in the order `swelearn sim --list` shows them, with its quiz. */
export const SCENARIOS: readonly Scenario[] = [...PART_ONE, ...SECURITY_SCENARIOS, ...TRAFFIC_SCENARIOS, ...NETWORK_SCENARIOS].map((scenario) => ({ ...scenario, quiz: QUIZ[scenario.id] }));

/** Command-line choices about the client and the resolver that apply to any run. */
export interface ClientOverrides {
  personality?: PersonalityId;
  browserCache?: BrowserCacheSpec;
  osCache?: boolean;
}

/** The simulation options the client overrides stand for. */
export function clientOptions(client: ClientOverrides): SimulationOptions {
  return {
    ...(client.personality ? { personality: client.personality } : {}),
    ...(client.browserCache ? { browserCache: client.browserCache } : {}),
    ...(client.osCache ? { osCache: true } : {}),
  };
}

/** Overrides from the command line that apply on top of a scenario. */
export interface ScenarioOverrides extends ClientOverrides {
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
  let options: SimulationOptions = { ...scenario.run, resolvConf, ...clientOptions(overrides) };
  if (scenario.hosts) options.hosts = scenario.hosts;
  if (scenario.changes) options.changes = scenario.changes;
  if (scenario.prewarm) options.prewarm = scenario.prewarm;
  if (scenario.session) options.prewarm = sessionPrewarm(scenarioSession(scenario));
  if (scenario.world) options = withScenarioWorld(options, scenarioWorld(scenario), world, scenarioWorldFile(scenario));
  if (overrides.qnameMinimisation !== undefined) options.resolver = { ...options.resolver, qnameMinimisation: overrides.qnameMinimisation };
  if (scenario.kubernetes) {
    const coredns: ForwarderSpec = { name: 'coredns (kube-dns)', address: COREDNS_ADDRESS, upstreamAddress: resolver.address, localZones: ['cluster.local'], cacheMaxTtlSeconds: 30, rttMs: 1 };
    options.forwarders = [coredns];
    options.client = { name: 'pod orders-7d9f8', address: '10.244.1.23' };
    options.hosts = [{ address: '10.244.1.23', names: ['orders-7d9f8'] }];
  }
  const query = overrides.query ?? scenario.query;
  const own = scenario.queries && query.name === scenario.query.name && query.type === scenario.query.type && overrides.repeat === undefined && overrides.afterMs === undefined;
  const queries = own ? scenario.queries! : repeatedQueries(query, overrides.repeat ?? scenario.repeat ?? 1, overrides.afterMs ?? scenario.afterMs ?? 0);
  return { queries, options, seed: overrides.seed ?? scenario.seed };
}

/** The name a scenario's world settings are reported under, as a world file's name is. */
export function scenarioWorldFile(scenario: Pick<Scenario, 'id'>): string {
  return `scenario ${scenario.id}`;
}

const READ_WORLDS = new Map<string, ScenarioWorld>();

/** A scenario's world settings, read once; a bundled scenario whose settings break a rule of the world format is a defect, so it throws. */
export function scenarioWorld(scenario: Pick<Scenario, 'id' | 'world'>): ScenarioWorld {
  const key = `${scenarioWorldFile(scenario)}\n${scenario.world ?? ''}`;
  let read = READ_WORLDS.get(key);
  if (!read) {
    read = readScenarioWorld(scenario.world ?? '{}', scenarioWorldFile(scenario));
    if (read.errors.length > 0) throw new Error(read.errors.map((error) => `${error.file}:${error.line}: ${error.message}`).join('\n'));
    READ_WORLDS.set(key, read);
  }
  return read;
}

const READ_SESSIONS = new Map<string, SessionStep[]>();

/** A scenario's session file (its questions, with the prewarm before them), read once under the session format's rules; a bundled scenario that breaks one is a defect, so it throws. */
export function scenarioSession(scenario: Pick<Scenario, 'id' | 'session'>): SessionStep[] {
  const key = `${scenario.id}\n${scenario.session ?? ''}`;
  let steps = READ_SESSIONS.get(key);
  if (!steps) {
    const read = parseSessionFile(scenario.session ?? '', `scenario ${scenario.id}`);
    if (read.errors.length > 0) throw new Error(read.errors.map((error) => `${error.file}:${error.line}: ${error.message}`).join('\n'));
    steps = read.steps;
    READ_SESSIONS.set(key, steps);
  }
  return steps;
}
