import type { ResolverPersonality } from './types.js';

/**
 * BIND 9.18.49's defaults (the build measured), from its Administrator Reference Manual (named.conf statements,
 * doc/arm/reference.rst), bin/named/config.c (the built-in defaults) and lib/dns (view.c, resolver.c) at v9.18.49.
 * Each value names its source.
 */
export const BIND: ResolverPersonality = {
  id: 'bind',
  name: 'BIND 9.18.49',
  summary: 'primes the root in the background, minimises with NS queries, SERVFAIL after 10 s',
  options: {
    // qname-minimization relaxed (default): NS queries for <domain> as it walks down the tree (lib/dns/resolver.c at
    // v9.18.49 sets qmintype to NS). BIND 9.14 to 9.18.16 sent A queries for "_.<domain>" instead; 9.18.17 switched to
    // NS (commit b3a97da7a7, "Use NS rather than A records for qname-minimization relaxed"). Measured (9.18.49): NS.
    qnameMinimisation: true,
    minimisedQueryType: 'NS',
    // relaxed: "fall back to normal (non-minimized) query mode when it receives either NXDOMAIN or other unexpected responses".
    minimisedNxdomain: 'full-query',
    // lib/dns/view.c: "We just used a hint. Let the resolver know it should consider priming." dns_resolver_prime()
    // starts a priming fetch in the background; the query itself goes on from the hints.
    priming: 'background',
    // Addresses of name servers are fetched on demand (Unbound's manual: target-fetch-policy "0 0 0 0 0" is
    // "closer to that of BIND 9").
    targetFetchPolicy: [0, 0, 0, 0, 0],
    // BIND has no 0x20 case randomisation (no such statement in the ARM).
    caseRandomisation: false,
    // resolver-retry-interval 800 (ms, default; deprecated in 9.18.21 where the value became fixed): the first
    // tries wait 800 ms, then back off exponentially; a single query never waits more than 10 s (resolver.c).
    unknownServerTimeoutMs: 800,
    maxServerTimeoutMs: 10000,
    // resolver-query-timeout 10 (seconds, default): then SERVFAIL.
    queryBudgetMs: 10000,
    discardTimeoutMs: 0,
    // Not verified: BIND defines the RFC 8914 codes (lib/dns/include/dns/ede.h), but which failures attach one by
    // default could not be confirmed; modelled as none.
    extendedErrors: 'none',
    // Measured (9.18.49): no EDE for a zone whose RRSIGs had expired; BIND 9.18 attaches none for a validation failure.
    keyChainEde: 'as-found',
    // trust-anchor-telemetry yes (config.c) sends the RFC 8145 query from a timer (bin/named/server.c tat_timer_tick),
    // not as part of a client's walk: measured (9.18.49), none was sent in the walks.
    keyTagQuery: 'none',
    // max-udp-size 1232 (config.c): replies to clients over UDP are capped at 1232 bytes.
    maxUdpSizeBytes: 1232,
    // stale-cache-enable yes; stale-answer-enable yes; stale-answer-client-timeout 1800 as measured (the default is
    // off: stale data only after resolver-query-timeout, 10 s); stale-answer-ttl 30; max-stale-ttl 86400;
    // stale-refresh-time 30, which lib/ns/query.c starts only when a client's lookup fails, not after the client
    // timeout already answered (measured: the dead server was asked again on the next question). The stale answer
    // carries EDE 3 (query.c: ns_client_extendederror(..., "client timeout")).
    serveStaleProfile: { replyTtlSeconds: 30, maxStaleSeconds: 86400, refreshRetrySeconds: 30, refreshRetryAfterTimerAnswer: false, clientResponseTimerMs: 1800, timerChecked: 'on-time', staleAnswerEde: true },
    // min-cache-ttl 0; max-cache-ttl 604800 (1 week); max-ncache-ttl 10800 (3 hours) (bin/named/config.c).
    minCacheTtlSeconds: 0,
    maxCacheTtlSeconds: 604800,
    maxNegativeTtlSeconds: 10800,
    // The negative cache stores an NXDOMAIN for the whole name (any type), as RFC 2308 section 5 allows.
    negativeCachePerType: false,
    // synth-from-dnssec yes (bin/named/config.c at v9.18.49).
    aggressiveNsec: true,
    // dnssec-validation auto (default).
    dnssecValidation: true,
    // servfail-ttl 1 (second, default).
    servfailTtlSeconds: 1,
    // Not verified: BIND's prefetch default ("prefetch 2 9") is not modelled; prefetch is off.
    prefetch: false,
  },
};
