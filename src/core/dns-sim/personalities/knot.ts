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
    // Not verified: Knot's reaction to NXDOMAIN on a minimised query; modelled as RFC 8020 (stop).
    minimisedNxdomain: 'stop',
    // modules/priming (loaded by default): event.after(0, prime) sends ". NS" when the daemon starts, RFC 8109.
    priming: 'start-up',
    // Names without addresses are resolved when chosen (lib/selection.c; its 1-in-20 exploration is not modelled).
    targetFetchPolicy: [0, 0, 0, 0, 0],
    // 0x20 is on unless the NO_0X20 flag is set (lib/resolve.c derandomises the QNAME with qry->secret).
    caseRandomisation: true,
    // lib/selection.c: DEFAULT_TIMEOUT 400 ms for a server without RTT data, doubled per timeout (MAX_BACKOFF 5),
    // at most MAX_TIMEOUT 10000 ms.
    unknownServerTimeoutMs: 400,
    maxServerTimeoutMs: 10000,
    // KR_RESOLVE_TIME_LIMIT: lib/resolve.c and daemon/worker.c fail the request (SERVFAIL) after it; the value 10000 ms comes
    // from a third-party summary, the definition itself was not read (not verified).
    queryBudgetMs: 10000,
    discardTimeoutMs: 0,
    // lib/resolve.c ranks DNSSEC EDE codes (Signature Expired, DNSKEY Missing, ...); "No Reachable Authority" needs
    // the no_ns_ede module, which is not loaded by default.
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
    // Not verified: Knot's cache of failures; the reference model's 1 s is kept.
    servfailTtlSeconds: 1,
  },
};
