import type { Dns64Prefix } from '../dns64/dns64-prefix.js';
/** How a resolver primes its root NS set (RFC 8109): not at all, before the first walk, beside it, or when it starts. */
export type PrimingMode = 'none' | 'blocking' | 'background' | 'start-up';

/** What a minimised query that gets NXDOMAIN does: stop there (RFC 8020), or ask the full name instead. */
export type MinimisedNxdomain = 'stop' | 'full-query' | 'full-query-unless-signed';

/** Which failures carry an Extended DNS Error (RFC 8914) to the client. */
export type ExtendedErrors = 'none' | 'dnssec' | 'all';

/** Serving expired data when a refresh fails (RFC 8767): the values a program uses once serve-stale is switched on. */
export interface ServeStale {
  /** TTL given to stale answers: RFC 8767 section 4 recommends 30 s (Unbound serve-expired-reply-ttl, BIND stale-answer-ttl); Knot's serve_stale answers with 1 s. */
  replyTtlSeconds: number;
  /** How long after expiry data may still be served: RFC 8767 suggests 1 to 3 days; 0 sets no limit (Unbound 1.17's serve-expired-ttl 0). */
  maxStaleSeconds: number;
  /** After a failed refresh, stale data is answered at once for this long without trying again (RFC 8767 section 4, BIND's stale-refresh-time 30 s); 0 never skips the servers. */
  refreshRetrySeconds: number;
  /** Whether a refresh that fails after the client was already answered by the client response timer starts that window (no in BIND 9.18: only a client's own failed lookup does, lib/ns/query.c). */
  refreshRetryAfterTimerAnswer: boolean;
  /** A client waiting this long while a refresh goes on gets the stale answer (RFC 8767 section 5 suggests 1.8 s); 0 answers stale at once and refreshes behind it; 'off' answers stale only when the refresh has failed. */
  clientResponseTimerMs: number | 'off';
  /** When that timer is looked at: when it runs out, or only when the walk is about to send its next query (Knot's serve_stale checks its deadline in the produce layer). */
  timerChecked: 'on-time' | 'at-next-query';
  /** Whether a stale answer carries EDE 3, Stale Answer (RFC 8914 section 4.4). */
  staleAnswerEde: boolean;
}

/** What an overall time limit on one client question does to a wait in progress (see ResolverOptions.budgetEnforcement). */
export type BudgetEnforcement = 'before-send' | 'cut-wait' | 'none';

/** Knot Resolver's switch to TCP for a server that keeps timing out over UDP (lib/selection.c select_transport). */
export interface TcpAfterTimeouts {
  /** Timeouts of one address in this question after which it is asked over TCP: TCP_TIMEOUT_THRESHOLD, 2. */
  timeoutsOfServer: number;
  /** A wait longer than this goes over TCP as well: TCP_RTT_THRESHOLD, 2000 ms. */
  aboveTimeoutMs: number;
  /** How long a TCP connection attempt may take: KR_CONN_RTT_MAX, 2000 ms; after one fails the question goes back to UDP (force_udp). */
  connectTimeoutMs: number;
}

/** Knot Resolver's "dead" upstream (lib/selection.h, lib/selection.c server_timeout and invalidate_dead_upstream). */
export interface DeadServerRule {
  /** Timeouts in a row, kept across questions, that can make an address dead: KR_NS_TIMEOUT_ROW_DEAD, 4. */
  consecutiveTimeouts: number;
  /** Only a timeout whose wait was at least this long marks it dead, so many short tries cannot: KR_NS_TIMEOUT_MIN_DEAD_TIMEOUT, 800 ms. */
  minWaitMs: number;
  /** How long a dead address is not chosen: cache.ns_tout, KR_NS_TIMEOUT_RETRY_INTERVAL 1000 ms. */
  retryAfterMs: number;
}

/** How round trips become a server's timeout: Unbound's util/rtt.c, or RFC 6298 section 2 as Knot's calc_rtt_state and calc_timeout do it. */
export type RttEstimator = 'unbound' | 'rfc6298';

/** A resolver's zone sent elsewhere: a forward zone asks the addresses with RD=1 and caches their answer; a stub zone iterates from them. */
export interface ConfiguredZone {
  /** The zone, absolute, lowercase, without the trailing dot. */
  zone: string;
  addresses: string[];
}

/** How the recursive resolver behaves: the base below, overlaid with one personality's values (docs/resolvers.md). */
export interface ResolverOptions {
  /** RFC 9156 QNAME minimisation (on by default in Unbound since 1.7.2 and in BIND since 9.14). */
  qnameMinimisation: boolean;
  /** The query type of a minimised query: A (Unbound) or NS (BIND 9.18.17 and later, Knot Resolver). */
  minimisedQueryType: 'A' | 'NS';
  minimisedNxdomain: MinimisedNxdomain;
  priming: PrimingMode;
  /** Name server addresses fetched in parallel per dependency depth when glue is missing (Unbound's target-fetch-policy); 0 fetches on demand. */
  targetFetchPolicy: readonly number[];
  /** 0x20: random upper and lower case in query names, checked in the reply (draft-vixie-dnsext-dns0x20). */
  caseRandomisation: boolean;
  /** Random source ports for upstream queries (RFC 5452 section 9.2); off only in the poisoning scenarios. */
  sourcePortRandomisation: boolean;
  /** EDNS(0) UDP buffer advertised upstream: 1232, the DNS Flag Day 2020 value. */
  ednsBufferBytes: number;
  /** Largest UDP reply to a client, whatever buffer it offers (Unbound's max-udp-size, 4096 up to 1.17 and 1232 from 1.18.0; BIND's max-udp-size 1232; Knot's net.bufsize 1232); 'edns-buffer' uses ednsBufferBytes. */
  maxUdpSizeBytes: number | 'edns-buffer';
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
  /** How many NS names of one delegation the resolver chases, its NXNSAttack mitigation (CVE-2020-12662, -8616, -12667). */
  nsChase: NsChaseLimit;
  /** Times one server address is tried for one delegation before it is given up on (a simplification of Unbound's per-target attempt count). */
  attemptsPerServer: number;
  /** Wait for a server the resolver has never measured: Unbound's unknown-server-time-limit, 376 ms. */
  unknownServerTimeoutMs: number;
  /** Ceiling of the doubled-on-timeout wait for one server: Unbound's infra-cache-max-rtt, 120000 ms. */
  maxServerTimeoutMs: number;
  /** Total time a resolver spends on one client question: BIND's resolver-query-timeout default, 10 s. */
  queryBudgetMs: number;
  /** How queryBudgetMs is enforced: checked before each send (a wait may overrun it), each wait cut at the deadline (BIND), or not at all (Unbound 1.17 has no such limit). */
  budgetEnforcement: BudgetEnforcement;
  /** A UDP query that timed out is sent once more to the same server, at the same timeout, while that timeout is below this many ms (Unbound's EDNS fragmentation fallback, 5000); 0 never. */
  udpRetrySameServerBelowMs: number;
  /** What ICMP port unreachable does: move on to the next server at once and shun this one, or nothing, so the wait runs out as for silence (Unbound ignores the error on its UDP socket). */
  icmpUnreachable: 'fail-over' | 'wait-timeout';
  /** Which servers may be chosen next: those with the fewest failures in this walk, then the RTT band; or every server not used up, by the RTT band alone (Unbound's iter_server_selection). */
  serverSelection: 'fewest-failures' | 'rtt-band';
  /** How a timeout grows a server's wait: double the wait that expired (Unbound's rtt_lost), or the base timeout shifted left once per consecutive timeout (Knot's back_off_timeout). */
  timeoutBackoff: 'double-expired-wait' | 'per-consecutive-timeout';
  /** Unbound's estimator starts from its unknown-server state (smoothed RTT 0, variance a quarter of the unknown timeout) and blends the first round trip in; RFC 6298 (Knot) takes the first round trip as the smoothed RTT with half of it as the variance, and Knot adds at least 20 ms (MINIMAL_TIMEOUT_ADDITION). */
  rttEstimator: RttEstimator;
  /** An address that keeps timing out is left out of selection for a while (Knot Resolver); absent: never. */
  deadServer?: DeadServerRule;
  /** Servers never measured are asked before any measured one (BIND's ADB gives a new address a random RTT of a few µs; Knot's cmp_choices puts "no RTT info" first). */
  preferUnmeasuredServers: boolean;
  /** A server never measured waits unknownServerTimeoutMs doubled once per timeout this walk has had (Knot's back_off_timeout(DEFAULT_TIMEOUT, timeouts)). */
  unknownServerBackoff: boolean;
  /** Switch a server that keeps timing out to TCP (Knot Resolver); absent: UDP only. */
  tcpAfterTimeouts?: TcpAfterTimeouts;
  /** How long a lame answer (REFUSED, a bad referral) keeps a server away: infraHostTtlSeconds for its zone, or only for the rest of this question. */
  lameServerMemory: 'infra-host-ttl' | 'question';
  /** SERVFAIL after every server timed out carries EDE 22 (No Reachable Authority) even when extendedErrors is "dnssec" (Knot's kr_query_inform_timeout). */
  unreachableAuthorityEde: boolean;
  /** A client whose question has waited this long gets no reply at all (Unbound's discard-timeout); 0 never drops. */
  discardTimeoutMs: number;
  /** Which failures carry an Extended DNS Error to the client: Unbound only with `ede: yes` ('all'), Knot Resolver its DNSSEC codes, BIND 9.18 none for a bogus answer (measured). */
  extendedErrors: ExtendedErrors;
  /** How a failure while proving a zone's keys is reported: as found (Knot: EDE 7 for an expired RRSIG over the DNSKEY set), or as EDE 9, DNSKEY Missing, with the failure as its text (Unbound's "while building chain of trust", validator/validator.c). */
  keyChainEde: 'as-found' | 'dnskey-missing';
  /** RFC 8145 section 5 key-tag query (`_ta-xxxx. NULL` to the root) sent beside the trust anchor's DNSKEY query (Unbound, validator.c prime_trust_anchor), after its answer (Knot's ta_signal_query), or not during a walk (BIND sends it from a timer). */
  keyTagQuery: 'none' | 'with-root-dnskey' | 'after-root-dnskey';
  /** Servers whose timeouts are within this many ms of the best are chosen at random: Unbound's RTT_BAND, 400. */
  rttBandMs: number;
  /** How long the resolver remembers what it learned about a server: Unbound's infra-host-ttl, 900 s. */
  infraHostTtlSeconds: number;
  /** Floor on cached TTLs: Unbound's cache-min-ttl, 0. */
  minCacheTtlSeconds: number;
  /** Cap on positive TTLs: Unbound's cache-max-ttl, 86400 s. */
  maxCacheTtlSeconds: number;
  /** Cap on negative TTLs: Unbound's cache-max-negative-ttl, 3600 s. */
  maxNegativeTtlSeconds: number;
  /** An NXDOMAIN is reused only for the type asked (a message cache keyed by question), not for every type at the name. */
  negativeCachePerType: boolean;
  /** RFC 8198: NXDOMAIN synthesised from cached NSEC ranges of signed zones. */
  aggressiveNsec: boolean;
  /** How long a SERVFAIL is cached so repeated questions do not restart a failing walk: BIND's servfail-ttl, 1 s. */
  servfailTtlSeconds: number;
  /** DNSSEC validation (RFC 4035) against the root trust anchor, for zones the world signs. */
  dnssecValidation: boolean;
  /** The zone whose key signing key the validator trusts (a configured trust anchor); the root's when left out. */
  trustAnchor?: string;
  /** Refresh a popular entry in the background when a hit finds it in the last 10% of its TTL (Unbound's prefetch). */
  prefetch: boolean;
  /** Serve-stale (RFC 8767) switched on, as an operator does (Unbound serve-expired, BIND stale-cache-enable and stale-answer-enable, Knot's serve_stale module); off by default in all three. */
  serveStale: boolean;
  /** What serve-stale does once on: each program's own values. */
  serveStaleProfile: ServeStale;
  /** EDNS Client Subnet (RFC 7871): the client prefix length sent upstream; 0 sends none. */
  ecsSourcePrefixLength: number;
  /** Referral glue kept: for names inside the responding server's zone (Unbound, Knot), or only inside the delegated zone (BIND 9.18 drops the rest and looks the names up). */
  referralGlueScope: ReferralGlueScope;
  /** How name-server addresses without glue are found: a minimised walk from the closest cut, or BIND's ADB fetch (not minimised; names inside the zone they serve start at the root hints). */
  nameServerLookups: NameServerLookups;
  /** A CNAME answer is only the first hop: the walk restarts at its target even when the answer carries the target's records (measured in Unbound, BIND and Knot). */
  restartAtCnameTarget: boolean;
  /** Unbound: the minimised walk reaches the full name with type A first, then asks the real type (not for A or DS). */
  hideTypeAtFullName: boolean;
  /** A minimised name found in the cache (NOERROR, NODATA or NXDOMAIN) is not asked again: the walk adds a label (Unbound, BIND). */
  minimisedCacheLookup: boolean;
  /** What a minimised query answered without a referral (NODATA or data) leads to: one more label, or the full name (Knot Resolver). */
  minimisedNoReferral: MinimisedNoReferral;
  /** A question with the same name and type already sent upstream and still in flight is waited on, not sent again (the A and AAAA walks of one getaddrinfo). */
  shareInflightQueries: boolean;
  /** Negative TTLs count down on a whole-second clock from the second the SOA was cached (Unbound's time_t clock), not rounded up from milliseconds. */
  wholeSecondNegativeTtl: boolean;
  /** The cache's minimum TTL is applied to the TTLs answered to the client too, not only to what is kept (Knot Resolver's cache.min_ttl). */
  minTtlInAnswers: boolean;
  /** Zones sent to forwarders with RD=1 (Unbound forward-zone, BIND type forward, Knot policy.FORWARD); none by default. */
  forwardZones: readonly ConfiguredZone[];
  /** Zones iterated from the given servers instead of from the root (Unbound stub-zone, BIND type static-stub; Knot 5.6 has no equivalent: its policy.STUB forwards without validating); none by default. */
  stubZones: readonly ConfiguredZone[];
  /** DNS64 (RFC 6147): AAAA records synthesised under this NAT64 prefix for names with only A records; off when absent (Unbound module-config "dns64", BIND dns64, Knot modules.load('dns64')). */
  dns64?: Dns64Prefix;
  /** The TTL of a synthesised AAAA: the A record's (Unbound dns64.c) or the lesser of it and the AAAA NODATA's negative TTL (BIND query.c, Knot's dns64 module). */
  dns64Ttl: Dns64Ttl;
  /** A failed AAAA lookup (SERVFAIL) is treated as an empty answer and synthesised from A, as RFC 6147 section 5.1.2 says (Unbound), or passed on (BIND, Knot). */
  dns64AfterServfail: boolean;
}

/** How a DNS64 resolver sets the TTL of the AAAA records it synthesises. */
export type Dns64Ttl = 'a-record' | 'lesser-of-a-and-negative';

/** A resolver's cap on the NS names of one delegation: the names it uses at all, and those it looks up an address for. */
export interface NsChaseLimit {
  /** NS names of a delegation used at all, in the order given (BIND's NS_PROCESSING_LIMIT, 20); absent: every name (Unbound, Knot). */
  namesUsed?: number;
  /** Names without a known address looked up per delegation (Unbound's MAX_DP_TARGET_COUNT, BIND's NS_FAIL_LIMIT, Knot's KR_COUNT_NO_NSADDR_LIMIT). */
  addressLookups: number;
  /** The count starts again each time a server is asked, so only lookups in a row count (Knot's no_ns_addr_count). */
  resetWhenAsking?: true;
  /** The program's name for the limit, for the trace. */
  source: string;
}

/** Which referral glue a resolver keeps: inside the zone of the server that sent it, or only inside the zone delegated. */
export type ReferralGlueScope = 'server-zone' | 'delegated-zone';

/** How a resolver finds a name server's address: a nested minimised walk, or BIND's ADB fetch. */
export type NameServerLookups = 'minimised-walk' | 'adb-fetch';

/** What follows a minimised query answered without a referral: one more label, or the full name. */
export type MinimisedNoReferral = 'next-label' | 'full-query';

/** The base every personality is laid over: a field a personality does not set takes this value (docs/resolvers.md, "Which resolver runs"). */
export const DEFAULT_RESOLVER_OPTIONS: ResolverOptions = {
  qnameMinimisation: true,
  minimisedQueryType: 'A',
  minimisedNxdomain: 'stop',
  priming: 'none',
  targetFetchPolicy: [0, 0, 0, 0, 0],
  caseRandomisation: false,
  sourcePortRandomisation: true,
  ednsBufferBytes: 1232,
  maxUdpSizeBytes: 'edns-buffer',
  maxCnameChain: 11,
  maxQueriesSent: 32,
  maxReferrals: 130,
  maxDependencyDepth: 4,
  maxTargetLookups: 64,
  // Unbound's (the base resolver's): iterator.c query_for_targets refuses once dp_target_count > MAX_DP_TARGET_COUNT (16), so the 17th is the last.
  nsChase: { addressLookups: 17, source: 'Unbound MAX_DP_TARGET_COUNT' },
  attemptsPerServer: 3,
  unknownServerTimeoutMs: 376,
  maxServerTimeoutMs: 120000,
  queryBudgetMs: 10000,
  budgetEnforcement: 'before-send',
  udpRetrySameServerBelowMs: 0,
  icmpUnreachable: 'fail-over',
  serverSelection: 'fewest-failures',
  timeoutBackoff: 'double-expired-wait',
  preferUnmeasuredServers: false,
  rttEstimator: 'unbound',
  unknownServerBackoff: false,
  lameServerMemory: 'infra-host-ttl',
  unreachableAuthorityEde: false,
  discardTimeoutMs: 0,
  // The DNSSEC codes are shown (the DNSSEC scenarios teach EDE 7); other failures carry none.
  extendedErrors: 'dnssec',
  keyChainEde: 'as-found',
  keyTagQuery: 'none',
  rttBandMs: 400,
  infraHostTtlSeconds: 900,
  minCacheTtlSeconds: 0,
  maxCacheTtlSeconds: 86400,
  maxNegativeTtlSeconds: 3600,
  negativeCachePerType: false,
  aggressiveNsec: false,
  servfailTtlSeconds: 1,
  dnssecValidation: false,
  prefetch: false,
  serveStale: false,
  // RFC 8767's recommendations, as the serve-stale scenario was written: 30 s replies, 1 day of staleness, 30 s between refreshes, a 1.8 s client timer.
  serveStaleProfile: { replyTtlSeconds: 30, maxStaleSeconds: 86400, refreshRetrySeconds: 30, refreshRetryAfterTimerAnswer: true, clientResponseTimerMs: 1800, timerChecked: 'on-time', staleAnswerEde: true },
  ecsSourcePrefixLength: 0,
  referralGlueScope: 'server-zone',
  nameServerLookups: 'minimised-walk',
  // Every measured program restarts at a CNAME's target rather than reading the chain from the answer.
  restartAtCnameTarget: true,
  hideTypeAtFullName: false,
  minimisedCacheLookup: false,
  minimisedNoReferral: 'next-label',
  // Every measured program merges the A and AAAA walks of one getaddrinfo call.
  shareInflightQueries: true,
  wholeSecondNegativeTtl: false,
  minTtlInAnswers: false,
  forwardZones: [],
  stubZones: [],
  dns64Ttl: 'a-record',
  dns64AfterServfail: false,
};
