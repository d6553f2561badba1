import type { ResolverPersonality } from './types.js';

/**
 * Knot Resolver's defaults, from its documentation (daemon/bindings and the modules' README.rst files) and sources
 * (lib/layer/iterate.c, lib/selection.c, lib/resolve.c, modules/priming/priming.lua). Each value names its source.
 */
export const KNOT: ResolverPersonality = {
  id: 'knot',
  name: 'Knot Resolver 5.x',
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
    // Not measured for Knot: negative TTLs rounded up, as in the reference model.
    wholeSecondNegativeTtl: false,
    // Measured (Knot Resolver 5.6.0): the TTL answered is raised to cache.min_ttl (5 s), not only the TTL kept.
    minTtlInAnswers: true,
  },
};
