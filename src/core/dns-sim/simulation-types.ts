import type { ReflectionPlan } from './attacks/amplification.js';
import type { AttackPlan } from './attacks/attack-rounds.js';
import type { DigOptions } from './dig/dig-options.js';
import type { BrowserCacheSpec } from './stub/browser-cache.js';
import type { DnssecModel } from './world/dnssec-model.js';
import type { Endpoint, ResolutionEvent } from './events.js';
import type { QueryOutcome } from './outcome.js';
import type { ForwarderSpec } from './servers/forwarder.js';
import type { NetworkOptions } from './network.js';
import type { PersonalityId } from './personalities/index.js';
import type { ReportKind, SimulationReport } from './report/report-types.js';
import type { ResolverOptions } from './resolver/resolver-options.js';
import type { RogueServerSpec } from './servers/rogue-server.js';
import type { SimulationWork } from './sim-state.js';
import type { RrlSpec } from './servers/rrl.js';
import type { SteeringSpec } from './servers/steering.js';
import type { StubQuery } from './stub/stub.js';
import type { HostsEntry, RecordType, ResolvConf, ServeStaleConfig, WorldWarning } from './world/world.js';
import type { WorldChange } from './world/world-changes.js';

/** Another recursive resolver in the run (a public resolver far away, a second ISP), with its own cache and behaviour. */
export interface ExtraResolverSpec {
  name: string;
  address: string;
  /** The program it imitates: Unbound unless given (a public resolver's software is not the client's choice). */
  personality?: PersonalityId;
  resolver?: Partial<ResolverOptions>;
  /** Round trip from clients to it. */
  rttMs?: number;
  prewarm?: { atMs: number; name: string; type: RecordType }[];
}

/** Everything about a run besides the world, the questions and the seed. */
export interface SimulationOptions {
  /** Which resolver program the main resolver imitates (unbound, bind, knot); Unbound by default. */
  personality?: PersonalityId;
  /** Options over the personality's (a scenario's settings, command-line switches). */
  resolver?: Partial<ResolverOptions>;
  /** Extended DNS Errors on every failure (true) or none at all (false); the personality's own choice when absent. */
  ede?: boolean;
  /** Serve-stale settings written for one program (servers.yaml), applied only when the run imitates that program. */
  serveStaleSettings?: ServeStaleConfig;
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
  extraResolvers?: ExtraResolverSpec[];
  /** DNSSEC as a model: which zones the world signs. */
  dnssec?: DnssecModel;
  /** An off-path attacker's rounds of forged answers before the questions. */
  attack?: AttackPlan;
  rogueServers?: RogueServerSpec[];
  steering?: SteeringSpec[];
  /** Response rate limiting on the main resolver (BIND's rate-limit). */
  rrl?: RrlSpec;
  /** Spoofed queries an attacker reflects off the main resolver before the questions. */
  reflection?: ReflectionPlan;
  /** A browser host cache in front of getaddrinfo (Chrome's rule by default). */
  browserCache?: BrowserCacheSpec;
  /** systemd-resolved on 127.0.0.53 between the stub and the resolver: TTLs honoured, capped at 2 hours. */
  osCache?: boolean;
  /** Which summary the run ends with. */
  report?: ReportKind;
}

/** One question of a session; atMs is when the application asks (never before the previous question ended, unless concurrent). */
export interface SessionQuery extends StubQuery {
  atMs?: number;
  /** Another machine asks this question (many clients of one resolver). */
  client?: { name: string; address: string };
  /** Starts exactly at atMs even if an earlier question is still running (another client's question). */
  concurrent?: boolean;
  /** The resolver this client's resolv.conf names, when it is not the main one. */
  nameserver?: string;
  /** Set CD=1, as `dig +cd` does. */
  checkingDisabled?: boolean;
  /** dig asks instead of the glibc stub: one query of this type, with these options (the type cannot be A+AAAA). */
  dig?: DigOptions;
  /** The question starts this long after the previous one ended (a session's wait), unless atMs is later. */
  delayMs?: number;
  /** The client's resolv.conf from this question on, in place of the run's (a session's change of resolv.conf). */
  resolvConf?: ResolvConf;
}

/** The resolver program a run imitated. */
export interface ResolverModel {
  id: PersonalityId;
  name: string;
  summary: string;
}

/** Everything a run produced: the outcome per question and every event on the virtual clock. */
export interface SimulationResult {
  seed: number;
  resolver: Endpoint;
  resolverModel: ResolverModel;
  resolvConf: ResolvConf;
  qnameMinimisation: boolean;
  outcomes: QueryOutcome[];
  events: ResolutionEvent[];
  warnings: WorldWarning[];
  /** The work the run did (messages encoded), for tests that bound it. */
  work: SimulationWork;
  report?: SimulationReport;
}
