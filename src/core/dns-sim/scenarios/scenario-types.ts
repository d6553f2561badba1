import type { PersonalityId } from '../personalities/types.js';
import type { SCENARIO_IDS } from './scenario-ids.js';
import type { SessionQuery, SimulationOptions } from '../simulation-types.js';
import type { StubQuery } from '../stub/stub.js';
import type { HostsEntry, RecordType, ResolvConf } from '../world/world.js';
import type { WorldChange } from '../world/world-changes.js';
import type { ScenarioQuiz } from './moment-types.js';

/** One of the fixed scenario ids that cards link to. */
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** A ready-made situation: the question, the client's configuration, what changes in the world, and the card it illustrates. */
export interface ScenarioSetup {
  id: ScenarioId;
  title: string;
  /** One paragraph a learner reads before the trace. */
  description: string;
  /** The card (docs/card-plan.md) the scenario shows in motion. */
  cardId: string;
  /** What each program's walk does differently here, one or two sentences each, for the programs that differ (as measured). */
  resolverNotes?: Partial<Record<PersonalityId, string>>;
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
  /** Several questions (other clients, other times) instead of query repeated. */
  queries?: SessionQuery[];
  /**
   * The scenario's resolver configuration, schedule of server changes and signed zones, written as the keys of a
   * world's servers.yaml (docs/world-format.md, "Bundled scenarios as worlds") and laid over the world it runs in.
   */
  world?: string;
  /**
   * The scenario as a session file (docs/session-format.md) a user can run with `sim --session`: its prewarm steps are the
   * questions answered before the run, and its ask steps are the scenario's query (a test keeps them equal).
   */
  session?: string;
  /** Everything else the run needs: resolver settings, DNSSEC, attackers, steering, caches, the report. */
  run?: Omit<SimulationOptions, 'resolvConf' | 'hosts' | 'changes' | 'prewarm' | 'personality'>;
}

/** A scenario with how the quiz asks about it: a neutral name and its key moments. */
export interface Scenario extends ScenarioSetup {
  quiz: ScenarioQuiz;
}
