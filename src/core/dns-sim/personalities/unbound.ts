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
    // iterator/iterator.h MAX_DP_TARGET_COUNT 16, "max number of target lookups per qstate, per delegation point"
    // (the NXNSAttack fix, CVE-2020-12662): query_for_targets refuses once dp_target_count > 16, so the 17th is the
    // last. Every NS name of the delegation is kept; only address lookups are capped.
    nsChase: { addressLookups: 17, source: 'Unbound MAX_DP_TARGET_COUNT' },
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
    // Failure handling, measured (Unbound 1.17.1, Debian 12) and read in release-1.17.1: two tries at 376 ms to a
    // silent server, ICMP port unreachable treated as silence, 14 queries in the first 16 s with every server dead.
    // services/outside_network.c serviced_udp_callback: the first timeout of an EDNS query with last_rtt < 5000 is
    // sent again at the same timeout (UDP_EDNS_FRAG fallback); the second calls infra_rtt_update(-1), i.e. rtt_lost.
    udpRetrySameServerBelowMs: 5000,
    // util/netevent.c comm_point_udp_callback returns on a recvfrom error (ECONNREFUSED is logged only at
    // verbosity 4): the pending query's timer runs out as for silence. Measured: it waited 376 ms and asked again.
    icmpUnreachable: 'wait-timeout',
    // iterator/iter_utils.c iter_server_selection: random among the targets within RTT_BAND (400 ms) of the best,
    // whatever their attempts, until an address has been chosen outbound-msg-retry (5, util/config_file.c) times.
    serverSelection: 'rtt-band',
    attemptsPerServer: 5,
    // util/rtt.c rtt_lost: "the original rto is doubled", at most RTT_MAX_TIMEOUT (120000).
    timeoutBackoff: 'double-expired-wait',
    // iterator.c processQueryTargets checks only max-sent-count (32) and MAX_REFERRAL_COUNT: no time limit per question.
    budgetEnforcement: 'none',
    // iterator.c: a REFUSED answer is RESPONSE_TYPE_THROWAWAY (iter_resptype.c), never infra_set_lame: measured, the
    // next question asked the REFUSED server again.
    lameServerMemory: 'question',
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
    // Not verified: Unbound caches a failed lookup briefly; the base 1 s is kept.
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
    // module-config "dns64 validator iterator" (off by default): dns64/dns64.c dns64_adjust_a copies each A record's TTL
    // into the AAAA it synthesises.
    dns64Ttl: 'a-record',
    // dns64.c handle_event_moddone: an AAAA lookup that returned no answer rrset, an error included ("treated as servfail
    // thus synthesize", RFC 6147 section 5.1.2), is asked again for A; only a bogus one is not.
    dns64AfterServfail: true,
  },
};
