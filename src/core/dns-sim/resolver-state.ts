import type { ResolverCache } from './cache.js';
import type { Endpoint } from './events.js';
import type { InfraCache } from './infra-cache.js';
import type { ResolverOptions } from './resolver-options.js';
import type { SimState } from './sim-state.js';
import type { RecordType, ResourceRecord } from './world.js';

/** How a resolver's work on one question ended: records, a negative answer with its SOA, or SERVFAIL with the reason. */
export type ResolutionOutcome =
  | { kind: 'answer'; records: ResourceRecord[] }
  | { kind: 'nxdomain' | 'nodata'; records: ResourceRecord[]; soa?: ResourceRecord }
  | { kind: 'servfail'; records: ResourceRecord[]; reason: string };

/** A question the resolver is already working on, so a repeated question joins it (Unbound's mesh). */
export interface InflightLookup {
  name: string;
  type: RecordType;
  startMs: number;
  endMs: number;
  outcome: ResolutionOutcome;
}

/** A recursive resolver: its identity, behaviour, cache and memory of servers, kept for a whole session. */
export interface RecursiveResolver {
  endpoint: Endpoint;
  options: ResolverOptions;
  cache: ResolverCache;
  infra: InfraCache;
  inflight: InflightLookup[];
  servfails: { name: string; type: RecordType; atMs: number; untilMs: number; reason: string }[];
  rootHints: { name: string; address: string }[];
}

/** Limits shared by a client question and every lookup nested under it (Unbound shares target_count with subqueries). */
export interface WalkBudget {
  sent: number;
  targets: number;
  deadlineMs: number;
}

/** Everything one walk needs: the run, the resolver, where in the nesting it is, and the shared budget. */
export interface WalkContext {
  sim: SimState;
  resolver: RecursiveResolver;
  depth: number;
  lookup: string;
  /** "name|type" of every lookup the walk is nested in, to detect circular dependencies. */
  stack: string[];
  budget: WalkBudget;
}

/** The delegation a walk is working from: the zone cut and its name servers. */
export interface DelegationPoint {
  zone: string;
  nsNames: string[];
}
