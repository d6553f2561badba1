import type { ResolverCache } from './cache.js';
import type { Endpoint } from '../events.js';
import type { ExchangeResult } from '../exchange.js';
import type { InfraCache } from './infra-cache.js';
import type { ResolverOptions } from './resolver-options.js';
import type { SimState } from '../sim-state.js';
import type { ExtendedError } from '../wire/wire.js';
import type { RecordType, ResourceRecord } from '../world/world.js';

/** DNSSEC status of data (RFC 4035 section 4.3): proven, provably unsigned, failed, or not checked. */
export type Security = 'secure' | 'insecure' | 'bogus' | 'unchecked';

/** How a resolver's work on one question ended: records, a negative answer with its SOA, or SERVFAIL with the reason. */
export type ResolutionOutcome =
  | { kind: 'answer'; records: ResourceRecord[]; secure?: boolean; stale?: boolean; ede?: ExtendedError }
  | { kind: 'nxdomain' | 'nodata'; records: ResourceRecord[]; soa?: ResourceRecord; secure?: boolean }
  | { kind: 'servfail'; records: ResourceRecord[]; reason: string; ede?: ExtendedError };

/** A question the resolver is already working on, so a repeated question joins it (Unbound's mesh). */
export interface InflightLookup {
  name: string;
  type: RecordType;
  startMs: number;
  endMs: number;
  outcome: ResolutionOutcome;
  /** The question had CD=1; it is not shared with validated questions. */
  cd?: boolean;
}

/** One upstream query of any walk: its question, the zone it was sent for, when it went out and what came back. */
export interface SharedQuery {
  name: string;
  type: RecordType;
  zone: string;
  sentMs: number;
  result: ExchangeResult & { kind: 'response' };
}

/** A recursive resolver: its identity, behaviour, cache and memory of servers, kept for a whole session. */
export interface RecursiveResolver {
  endpoint: Endpoint;
  options: ResolverOptions;
  cache: ResolverCache;
  infra: InfraCache;
  inflight: InflightLookup[];
  servfails: { name: string; type: RecordType; atMs: number; untilMs: number; reason: string; ede?: ExtendedError }[];
  rootHints: { name: string; address: string }[];
  /** When a root priming query was started, so it is sent once. */
  primingStartedMs?: number;
  /** When the root priming answer arrived, so a question that starts meanwhile can wait for it. */
  primingDoneMs?: number;
  /** Upstream queries answered, by question, so a walk can wait on one in flight instead of repeating it (shareInflightQueries). */
  upstreamQueries?: SharedQuery[];
  /** The validator's verdict per zone key set, and until when it holds. */
  keyStatus: Map<string, { security: Security; untilMs: number; reason?: string; ede?: ExtendedError }>;
  /** NSEC ranges of validated zones, for aggressive negative caching (RFC 8198). */
  nsecRanges: { zone: string; owner: string; next: string; storedAtMs: number; expiresAtMs: number }[];
  /** After a failed refresh, until when stale data is served without trying again, by "name|type" (RFC 8767). */
  staleRetry: Map<string, number>;
  /** Background refreshes (prefetch) in flight, by "name|type", and when they end. */
  refreshing: Map<string, number>;
  /** Counters a scenario report reads: prefetches started, stale answers given, queries joined to one in flight. */
  stats: { prefetches: number; staleAnswers: number; joined: number };
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
  /** The address of the client whose question this is, for EDNS Client Subnet. */
  clientAddress?: string;
  /** The client set CD=1: DNSSEC checking is off for this question (RFC 4035 section 3.2.2). */
  checkingDisabled?: boolean;
  /** Set inside the validator's own DNSKEY and DS lookups, so they are not validated recursively. */
  validating?: boolean;
  /** Set inside BIND's name-server address fetches, which are sent with the full name (adb.c fetch_name). */
  unminimised?: boolean;
}

/** The delegation a walk is working from: the zone cut and its name servers. */
export interface DelegationPoint {
  zone: string;
  nsNames: string[];
}
