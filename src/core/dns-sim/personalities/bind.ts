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
    // lib/dns/resolver.c (v9.18.49) fctx_getaddresses, the NXNSAttack fix (CVE-2020-8616): findname runs for at most
    // NS_PROCESSING_LIMIT (20) NS records of a set, and once more than NS_FAIL_LIMIT (4) names had no address in a set
    // of more than NS_RR_LIMIT (5), the rest get DNS_ADBFIND_NOFETCH: 5 address lookups per delegation at most.
    nsChase: { namesUsed: 20, addressLookups: 5, source: 'BIND NS_PROCESSING_LIMIT and NS_FAIL_LIMIT' },
    // BIND has no 0x20 case randomisation (no such statement in the ARM).
    caseRandomisation: false,
    // resolver-retry-interval 800 (ms, default; deprecated in 9.18.21 where the value became fixed): the first
    // tries wait 800 ms, then back off exponentially; a single query never waits more than 9 s
    // (MAX_SINGLE_QUERY_TIMEOUT 9000U, lib/dns/resolver.c v9.18.49).
    unknownServerTimeoutMs: 800,
    maxServerTimeoutMs: 9000,
    // resolver-query-timeout 10 (seconds, default): then SERVFAIL.
    queryBudgetMs: 10000,
    // Measured (BIND 9.18.49): SERVFAIL at exactly 10.0 s after waits of 0.8, 0.8, 1.6, 1.6, 3.2, 3.2 s to two
    // silent servers. lib/dns/resolver.c (v9.18.49) fctx_setretryinterval caps every wait at the fetch's expiry
    // ("don't wait past ... the final expiration of the fetch"), so the last wait is cut at 10.0 s.
    budgetEnforcement: 'cut-wait',
    // resolver.c fctx_getaddresses: "Don't pound on remote servers. (Failsafe!)": more than 100 passes over the
    // addresses is SERVFAIL; each pass asks each address once, so no address gets more than 100 tries.
    attemptsPerServer: 100,
    // resolver.c: a REFUSED answer marks the address bad for this fetch only (add_bad, badns_response), not in the
    // ADB's lame cache: measured, the next question asked the REFUSED server once, then the other server.
    lameServerMemory: 'question',
    // The ADB orders a name server's addresses by smoothed RTT and resolver.c tries the lowest first: no random band.
    rttBandMs: 0,
    // lib/dns/adb.c (v9.18.49) new_adbentry: a new address starts with a random smoothed RTT of 1 to 31 µs, below any measured
    // server, so addresses never asked go first: measured, the next question asked the REFUSED server once.
    preferUnmeasuredServers: true,
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
    // Measured (BIND 9.18.49): the root's glue for a.gtld-servers.net was not used. 9.18 lib/dns/resolver.c name_external()
    // takes the referral's zone as the apex, and glue outside it is not cached.
    referralGlueScope: 'delegated-zone',
    // Measured (BIND 9.18.49): "a.gtld-servers.net A" to the root, then the TLD, not minimised; "ns.dnshost.net A" to the
    // TLD; "ns1.noglue.com A" to the root, then the TLD. lib/dns/adb.c fetch_name(): "We're not minimizing this query",
    // and a name inside its own zone starts at dns_view_findzonecut(..., use_hints true, use_cache false): the hints.
    nameServerLookups: 'adb-fetch',
    // Measured (BIND 9.18.49): the CNAME's target was resolved again, minimised, although the answer carried its records.
    restartAtCnameTarget: true,
    // resolver.c fctx_minimize_qname(): at the full name the real type is asked ("qmintype = fctx->type").
    hideTypeAtFullName: false,
    // Measured (BIND 9.18.49): with nope.example.com NXDOMAIN cached, deeper.nope.example.com went out at once;
    // fctx_minimize_qname() skips a label when the cache holds NS data or a negative entry for it.
    minimisedCacheLookup: true,
    minimisedNoReferral: 'next-label',
    // Measured (BIND 9.18.49): no duplicate com. and example.com. queries for getaddrinfo's A and AAAA (fetches with
    // the same name and type are shared).
    shareInflightQueries: true,
    // Not measured for BIND: its negative TTLs are modelled rounded up (the base).
    wholeSecondNegativeTtl: false,
    // min-cache-ttl 0 (default): nothing to raise.
    minTtlInAnswers: false,
    // The dns64 statement (off unless configured): a synthesised AAAA takes ISC_MIN(the A record's TTL, the AAAA NODATA's
    // negative TTL), 600 s when that carried none (the dns64 code of lib/ns/query.c, also bin/plugins/dns64.c).
    dns64Ttl: 'lesser-of-a-and-negative',
    // The dns64 code of lib/ns/query.c synthesises from the NODATA paths (NXRRSET, NCACHENXRRSET); a SERVFAIL is not one.
    dns64AfterServfail: false,
  },
};
