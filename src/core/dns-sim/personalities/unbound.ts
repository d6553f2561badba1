import type { ResolverPersonality } from './types.js';

/**
 * Unbound 1.17.1's defaults, as packaged in Debian 12 (the build measured), from unbound.conf(5) (doc/unbound.conf.5.in at
 * release-1.17.1, doc/example.conf.in) and its sources (util/config_file.c, iterator/iterator.c, services/mesh.c,
 * validator/validator.c). Each value names the option and the default it comes from.
 */
export const UNBOUND: ResolverPersonality = {
  id: 'unbound',
  name: 'Unbound 1.17.1',
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
    // With ede: yes ('all'), a failure while proving a zone's keys is EDE 9, DNSKEY Missing, with the failure as text
    // (validator/validator.c: "while building chain of trust"). Measured, 1.17.1 with ede: yes, expired RRSIGs: EDE 9.
    keyChainEde: 'dnskey-missing',
    // trust-anchor-signaling: yes (default): validator.c prime_trust_anchor() sends the RFC 8145 key-tag query beside the
    // trust anchor's DNSKEY query. Measured (1.17.1): a _ta-xxxx NULL query to the root while validating.
    keyTagQuery: 'with-root-dnskey',
    // max-udp-size: 4096 (1.17.1 util/config_file.c; 1232 from 1.18.0, Changelog 19 January 2023). Measured (1.17.1): a
    // 3,044-byte answer went to a client over UDP.
    maxUdpSizeBytes: 4096,
    // serve-expired: yes as measured, with serve-expired-client-timeout: 1800 (the 1.17.1 default is 0, which answers
    // expired data at once; 1800 is the default from 1.23.0); serve-expired-reply-ttl: 30; serve-expired-ttl: 0, no limit
    // (86400 from 1.23.0). No refresh-retry window: measured, the dead server was asked again on the next question.
    // ede-serve-expired: no (default, and it needs ede: yes too; daemon/worker.c, services/mesh.c): no EDE 3.
    serveStaleProfile: { replyTtlSeconds: 30, maxStaleSeconds: 0, refreshRetrySeconds: 0, refreshRetryAfterTimerAnswer: false, clientResponseTimerMs: 1800, timerChecked: 'on-time', staleAnswerEde: false },
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
  },
};
