/** How the recursive resolver behaves; the defaults follow Unbound unless a comment says otherwise. */
export interface ResolverOptions {
  /** RFC 9156 QNAME minimisation (on by default in Unbound since 1.7.2 and in BIND since 9.14). */
  qnameMinimisation: boolean;
  /** EDNS(0) UDP buffer advertised upstream: 1232, the DNS Flag Day 2020 value. */
  ednsBufferBytes: number;
  /** Longest CNAME chain followed: Unbound's max-query-restarts default, 11. */
  maxCnameChain: number;
  /** Queries one client question may send, nested lookups included: Unbound's max-sent-count default, 32. */
  maxQueriesSent: number;
  /** Referrals followed before giving up: Unbound's MAX_REFERRAL_COUNT, 130. */
  maxReferrals: number;
  /** How deep lookups for name server addresses may nest: Unbound's target-fetch-policy "3 2 1 0 0" has 5 levels. */
  maxDependencyDepth: number;
  /** Target (name server address) lookups per client question: Unbound's MAX_TARGET_COUNT, 64. */
  maxTargetLookups: number;
  /** Times one server address is tried for one delegation before it is given up on (a simplification of Unbound's per-target attempt count). */
  attemptsPerServer: number;
  /** Total time a resolver spends on one client question: BIND's resolver-query-timeout default, 10 s. */
  queryBudgetMs: number;
  /** Servers whose timeouts are within this many ms of the best are chosen at random: Unbound's RTT_BAND, 400. */
  rttBandMs: number;
  /** How long the resolver remembers what it learned about a server: Unbound's infra-host-ttl, 900 s. */
  infraHostTtlSeconds: number;
  /** Cap on positive TTLs: Unbound's cache-max-ttl, 86400 s. */
  maxCacheTtlSeconds: number;
  /** Cap on negative TTLs: Unbound's cache-max-negative-ttl, 3600 s. */
  maxNegativeTtlSeconds: number;
  /** How long a SERVFAIL is cached so repeated questions do not restart a failing walk: BIND's servfail-ttl, 1 s. */
  servfailTtlSeconds: number;
}

/** The default resolver behaviour. */
export const DEFAULT_RESOLVER_OPTIONS: ResolverOptions = {
  qnameMinimisation: true,
  ednsBufferBytes: 1232,
  maxCnameChain: 11,
  maxQueriesSent: 32,
  maxReferrals: 130,
  maxDependencyDepth: 4,
  maxTargetLookups: 64,
  attemptsPerServer: 3,
  queryBudgetMs: 10000,
  rttBandMs: 400,
  infraHostTtlSeconds: 900,
  maxCacheTtlSeconds: 86400,
  maxNegativeTtlSeconds: 3600,
  servfailTtlSeconds: 1,
};
