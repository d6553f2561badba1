import type { ResolverPersonality } from './types.js';

/**
 * Unbound's defaults, from unbound.conf(5) (doc/unbound.conf.rst) and its sources (util/config_file.c,
 * iterator/iterator.c, services/mesh.c). Each value names the option and the default it comes from.
 */
export const UNBOUND: ResolverPersonality = {
  id: 'unbound',
  name: 'Unbound 1.19+',
  summary: 'primes the root first, minimises with A queries, answers nothing after 1.9 s, no EDE unless ede: yes',
  options: {
    // qname-minimisation: yes (default); "set QTYPE to A when possible".
    qnameMinimisation: true,
    minimisedQueryType: 'A',
    // qname-minimisation: "full QNAME and original QTYPE will be sent when upstream replies with a RCODE other
    // than NOERROR, except when receiving NXDOMAIN from a DNSSEC signed zone" (qname-minimisation-strict: no).
    minimisedNxdomain: 'full-query-unless-signed',
    // iterator.c prime_root(): a ". NS" sub-request to a hint, and the client's query waits for it (module_wait_subquery).
    priming: 'blocking',
    // target-fetch-policy: "3 2 1 0 0" (default): up to 3 missing name server addresses fetched at once at depth 0.
    targetFetchPolicy: [3, 2, 1, 0, 0],
    // use-caps-for-id: no (default).
    caseRandomisation: false,
    // unknown-server-time-limit: 376 (default); infra-cache-max-rtt: 120000 (default).
    unknownServerTimeoutMs: 376,
    maxServerTimeoutMs: 120000,
    // max-sent-count: 32; max-query-restarts: 11 (defaults).
    maxQueriesSent: 32,
    maxCnameChain: 11,
    // discard-timeout: 1900 (default): "They receive no reply, the work item continues to recurse" (mesh.c drops the reply).
    discardTimeoutMs: 1900,
    // ede: no (default): no Extended DNS Errors unless configured.
    extendedErrors: 'none',
    // infra-host-ttl: 900 (default).
    infraHostTtlSeconds: 900,
    // cache-min-ttl: 0; cache-max-ttl: 86400; cache-max-negative-ttl: 3600 (defaults).
    minCacheTtlSeconds: 0,
    maxCacheTtlSeconds: 86400,
    maxNegativeTtlSeconds: 3600,
    // The message cache is keyed by (qname, qtype): an insecure NXDOMAIN for A does not answer AAAA
    // (services/cache/dns.c reuses only DNSSEC-secure NXDOMAINs, harden-below-nxdomain: yes).
    negativeCachePerType: true,
    // aggressive-nsec: yes (default).
    aggressiveNsec: true,
    // module-config: "validator iterator" (default), with the root trust anchor a package installs.
    dnssecValidation: true,
    // prefetch: no (default).
    prefetch: false,
    // Not verified: Unbound caches a failed lookup briefly; the reference model's 1 s is kept.
    servfailTtlSeconds: 1,
    // harden-glue: yes (default): glue inside the zone of the server that sent it is used (the root's glue for a.gtld-servers.net).
    referralGlueScope: 'server-zone',
    // iterator.c generate_target_query(): target queries are sub-requests that minimise like any other (INIT_MINIMISE_STATE).
    nameServerLookups: 'minimised-walk',
    // Measured (Unbound 1.17.1): the CNAME's target was resolved again, minimised, although the answer carried its records.
    restartAtCnameTarget: true,
    // Measured (Unbound 1.17.1): "www A" then "www AAAA", "big A" then "big TXT"; iterator.c processQueryTargets stops
    // minimising at the full name only "for A and DS".
    hideTypeAtFullName: true,
    // Measured (Unbound 1.17.1): with nope.example.com NXDOMAIN cached, deeper.nope.example.com went out at once;
    // iterator.c dns_cache_lookup() on qinfo_out: "no need to send query if it is already cached as NOERROR", NXDOMAIN adds a label.
    minimisedCacheLookup: true,
    // iterator.c: a NOERROR answer to a minimised query goes on minimising, one label more.
    minimisedNoReferral: 'next-label',
    // Measured (Unbound 1.17.1): no duplicate com. and example.com. queries for getaddrinfo's A and AAAA
    // (services/outside_network.c serviced queries with the same question are shared).
    shareInflightQueries: true,
    // Measured (Unbound 1.17.1): the negative answer three seconds later carried 297 s of the SOA's 300 (whole-second clock).
    wholeSecondNegativeTtl: true,
    // cache-min-ttl: 0 (default): nothing to raise.
    minTtlInAnswers: false,
  },
};
