import type { ResolverPersonality } from './types.js';

/**
 * Knot Resolver 5.6.0's defaults (the build measured), from its documentation (daemon/bindings and the modules'
 * README.rst files) and sources at v5.6.0 (lib/layer/iterate.c, lib/selection.c, lib/resolve.c,
 * modules/priming/priming.lua, modules/serve_stale, modules/ta_signal_query). Each value names its source.
 */
export const KNOT: ResolverPersonality = {
  id: 'knot',
  name: 'Knot Resolver 5.6.0',
  summary: 'primes at start-up, minimises with NS queries, randomises the case of names (0x20), caches at least 5 s',
  options: {
    // lib/layer/iterate.c minimized_qname(): "Hide QTYPE if minimized" sets the type to NS.
    qnameMinimisation: true,
    minimisedQueryType: 'NS',
    // Measured (Knot Resolver 5.6.0): the full name after a minimised NXDOMAIN. lib/layer/iterate.c process_answer():
    // "NXDOMAIN => parent is zone cut, retry as a workaround for bad authoritatives" ("retrying with non-minimized name").
    minimisedNxdomain: 'full-query',
    // modules/priming (loaded by default): event.after(0, prime) sends ". NS" when the daemon starts, RFC 8109.
    priming: 'start-up',
    // Names without addresses are resolved when chosen (lib/selection.c; its 1-in-20 exploration is not modelled).
    targetFetchPolicy: [0, 0, 0, 0, 0],
    // lib/selection_iter.c (v5.6.0) iter_choose_transport, the NXNSAttack fix (CVE-2020-12667): choosing to resolve a
    // name's A or AAAA more than KR_COUNT_NO_NSADDR_LIMIT (5, lib/defines.h) times gives no transport; the count
    // restarts when the zone cut changes and when a server is chosen over UDP or TCP.
    nsChase: { addressLookups: 5, resetWhenAsking: true, source: 'Knot KR_COUNT_NO_NSADDR_LIMIT' },
    // 0x20 is on unless the NO_0X20 flag is set (lib/resolve.c derandomises the QNAME with qry->secret).
    caseRandomisation: true,
    // lib/selection.c: DEFAULT_TIMEOUT 400 ms for a server without RTT data, doubled per timeout (MAX_BACKOFF 5),
    // at most MAX_TIMEOUT 10000 ms.
    unknownServerTimeoutMs: 400,
    maxServerTimeoutMs: 10000,
    // KR_RESOLVE_TIME_LIMIT 10000 ms (lib/defines.h, v5.6.0): daemon/worker.c qr_task_step and lib/resolve.c
    // kr_resolve_consume fail the request when a reply or a timeout arrives after it, so a wait started before
    // 10 s runs to its end. Measured (Knot Resolver 5.6.0): SERVFAIL at about 12.8 s with EDE 22.
    queryBudgetMs: 10000,
    budgetEnforcement: 'before-send',
    // lib/selection.c calc_timeout: (srtt + 4 * variance) << consecutive_timeouts (MAX_BACKOFF 8), at most MAX_TIMEOUT.
    timeoutBackoff: 'per-consecutive-timeout',
    // select_transport: an address with no RTT data waits back_off_timeout(DEFAULT_TIMEOUT, timeouts of the query).
    unknownServerBackoff: true,
    // select_transport: TCP once an address had TCP_TIMEOUT_THRESHOLD (2) timeouts or the wait is over
    // TCP_RTT_THRESHOLD (2000 ms); daemon/worker.c gives a connection KR_CONN_RTT_MAX (2000 ms), and a failed one
    // sets force_udp. With two silent servers: 400, 800, 800, 800, 2000 (TCP), 1600, 3200, 3200 ms = 12.8 s.
    tcpAfterTimeouts: { timeoutsOfServer: 2, aboveTimeoutMs: 2000, connectTimeoutMs: 2000 },
    // lib/selection.c calc_rtt_state ("verbatim RFC6298, sec. 2"): the first round trip is the smoothed RTT and half of it
    // the variance; calc_timeout adds MAX(4 * variance, MINIMAL_TIMEOUT_ADDITION 20 ms). The state (srtt, variance,
    // consecutive_timeouts, dead_since) is kept per address in the cache, across questions, until an answer resets it.
    rttEstimator: 'rfc6298',
    // lib/selection.h: KR_NS_TIMEOUT_ROW_DEAD 4 timeouts in a row, the last a wait of at least KR_NS_TIMEOUT_MIN_DEAD_TIMEOUT
    // 800 ms, make an address dead (server_timeout); invalidate_dead_upstream leaves it out for cache.ns_tout,
    // KR_NS_TIMEOUT_RETRY_INTERVAL 1000 ms. With no address left, lib/resolve.c sets NO_NS_FOUND, which modules/serve_stale
    // answers at once. Measured (5.6.0, the only authority dead): stale after about 3.3 s, then 1.4 s on the next question.
    deadServer: { consecutiveTimeouts: 4, minWaitMs: 800, retryAfterMs: 1000 },
    // daemon/worker.c: KR_TIMEOUT_LIMIT (10) timeouts end the request, so no address is tried more than 10 times.
    attemptsPerServer: 10,
    // lib/selection.c error(): REFUSED counts against the address for this query (error_count), not in the cache:
    // measured, Knot moved on after one try.
    lameServerMemory: 'question',
    // lib/selection.c select_transport exploits the best address (cmp_choices: no RTT data first, fewer errors,
    // smaller timeout; ties at random); its 1-in-20 exploration is not modelled.
    rttBandMs: 0,
    preferUnmeasuredServers: true,
    // kr_query_inform_timeout (lib/resolve.h) sets KNOT_EDNS_EDE_NREACH_AUTH ("RRPF") when the time limit ends the
    // request; measured: EDE 22 by default, no module needed.
    unreachableAuthorityEde: true,
    discardTimeoutMs: 0,
    // lib/resolve.c ranks DNSSEC EDE codes (Signature Expired, DNSKEY Missing, ...); "No Reachable Authority" is
    // sent by default as well (measured, Knot Resolver 5.6.0; see unreachableAuthorityEde).
    extendedErrors: 'dnssec',
    // The failure is reported as found: measured (5.6.0), EDE 7 for a zone whose RRSIGs, the DNSKEY set's included, expired.
    keyChainEde: 'as-found',
    // modules/ta_signal_query (loaded by default): after a DNSKEY answer not from the cache for a trust anchor's zone,
    // resolve("_ta-xxxx.", NULL) asynchronously. Measured (5.6.0): a _ta-xxxx NULL query to the root while validating.
    keyTagQuery: 'after-root-dnskey',
    // net.bufsize default 1232 (daemon/bindings/net_dns_tweaks.rst): the cap on UDP replies to clients.
    maxUdpSizeBytes: 1232,
    // modules/serve_stale/serve_stale.lua: M.timeout = 3 s since the query began, checked in the produce layer (when a
    // query is about to be sent, or no server is left); the callback answers with TTL 1 for data up to a day stale.
    // lib/cache/api.c attaches EDE 3 (KNOT_EDNS_EDE_STALE). Measured (5.6.0): TTL 1 and EDE 3 after about 3.3 s, and the
    // dead server was asked again on the next question (no refresh-retry window).
    serveStaleProfile: { replyTtlSeconds: 1, maxStaleSeconds: 86400, refreshRetrySeconds: 0, refreshRetryAfterTimerAnswer: false, clientResponseTimerMs: 3000, timerChecked: 'at-next-query', staleAnswerEde: true },
    // cache.min_ttl default 5 s (KR_CACHE_DEFAULT_TTL_MIN); cache.max_ttl default 6 days (KR_CACHE_DEFAULT_TTL_MAX).
    minCacheTtlSeconds: 5,
    maxCacheTtlSeconds: 518400,
    // Not verified: a separate negative TTL cap; modelled with the positive cap.
    maxNegativeTtlSeconds: 518400,
    // Not verified: insecure negative answers are cached per question (name and type); modelled so.
    negativeCachePerType: true,
    // Aggressive use of NSEC (RFC 8198) for validated zones: modelled as on (not verified as a default).
    aggressiveNsec: true,
    // DNSSEC validation is on by default with the built-in root trust anchor.
    dnssecValidation: true,
    prefetch: false,
    // Not verified: Knot's cache of failures; the base 1 s is kept.
    servfailTtlSeconds: 1,
    // Measured (Knot Resolver 5.6.0): the root's glue for the TLD server was used, no address lookup.
    // lib/layer/iterate.c update_cut(): "Normal mode uses in-bailiwick glue" (inside the cut of the server that sent it).
    referralGlueScope: 'server-zone',
    // lib/layer/iterate.c: a name server without glue is resolved by a sub-query that minimises like any other.
    nameServerLookups: 'minimised-walk',
    // Measured (Knot Resolver 5.6.0): the CNAME's target was resolved again, minimised, although the answer carried its records.
    restartAtCnameTarget: true,
    // lib/layer/iterate.c minimized_qname(): QTYPE is hidden only while the name is shortened.
    hideTypeAtFullName: false,
    // The minimised name is made in the outgoing packet (minimized_qname()); the cache is asked for the client's question only.
    minimisedCacheLookup: false,
    // Measured (Knot Resolver 5.6.0): the full name after a minimised NODATA. process_answer(): "NODATA => may be empty
    // non-terminal, retry" with NO_MINIMIZE set.
    minimisedNoReferral: 'full-query',
    // Measured (Knot Resolver 5.6.0): no duplicate com. and example.com. queries for getaddrinfo's A and AAAA.
    shareInflightQueries: true,
    // Not measured for Knot: negative TTLs rounded up (the base).
    wholeSecondNegativeTtl: false,
    // Measured (Knot Resolver 5.6.0): the TTL answered is raised to cache.min_ttl (5 s), not only the TTL kept.
    minTtlInAnswers: true,
    // modules.load('dns64') (off by default): modules/dns64/dns64.lua (since 2.4.0) caps each synthesised AAAA's TTL at
    // the TTL of the SOA in the AAAA NODATA, or 600 s when there is none ("TTL bound from SOA, RFC 6147 5.1.7.4").
    dns64Ttl: 'lesser-of-a-and-negative',
    // Its dns64 layer starts the A sub-query only for a NOERROR answer with an empty answer section.
    dns64AfterServfail: false,
  },
};
