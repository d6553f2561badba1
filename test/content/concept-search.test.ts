import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/core/search/search-index.js';
import { searchCards } from '../../src/core/search/search.js';
import { loadBundledCards } from './load-bundled.js';

const { cards } = await loadBundledCards();
const index = buildSearchIndex(cards);

// Every concept of the curriculum list (issue 3), each with the card that teaches it.
const CONCEPTS: [query: string, card: string][] = [
  ['resolution flow', 'resolution-flow'], ['stub resolver', 'resolution-flow'], ['authoritative server', 'resolution-flow'],
  ['labels 63 octets', 'namespace-and-names'], ['trailing dot', 'namespace-and-names'], ['punycode', 'namespace-and-names'], ['IDN', 'namespace-and-names'], ['zones and delegation', 'namespace-and-names'], ['letters digits hyphen', 'namespace-and-names'],
  ['recursive versus iterative', 'recursive-vs-iterative'], ['root servers', 'recursive-vs-iterative'], ['why 13 root servers', 'recursive-vs-iterative'],
  ['getaddrinfo', 'client-side-resolution'], ['nsswitch.conf', 'client-side-resolution'], ['/etc/hosts', 'client-side-resolution'], ['resolv.conf rotate', 'client-side-resolution'], ['systemd-resolved', 'client-side-resolution'], ['mDNSResponder', 'client-side-resolution'], ['browser cache', 'client-side-resolution'],
  ['message format header', 'message-format'], ['name compression', 'message-format'], ['RCODE', 'message-format'], ['AA TC RD RA flags', 'message-format'],
  ['record types', 'record-types'], ['MX record', 'record-types'], ['SRV record', 'record-types'], ['PTR', 'record-types'], ['CAA', 'record-types'], ['SPF DKIM DMARC', 'record-types'], ['HTTPS SVCB', 'record-types'], ['SOA record', 'record-types'],
  ['CNAME at the apex', 'cname-rules'], ['CNAME flattening', 'cname-rules'], ['ALIAS ANAME', 'cname-rules'], ['CNAME chain', 'cname-rules'],
  ['TTL caching hierarchy', 'ttl-and-caching'], ['lower TTL before migration', 'ttl-and-caching'], ['TTL clamp', 'ttl-and-caching'],
  ['negative caching', 'negative-caching'], ['NXDOMAIN vs NODATA', 'negative-caching'], ['RFC 2308', 'negative-caching'],
  ['512 bytes UDP', 'transport-udp-tcp-edns'], ['EDNS0 1232', 'transport-udp-tcp-edns'], ['TC bit TCP fallback', 'transport-udp-tcp-edns'],
  ['glue records', 'glue-and-delegation'], ['lame delegation', 'glue-and-delegation'], ['in-bailiwick', 'glue-and-delegation'], ['circular dependency', 'glue-and-delegation'],
  ['DNSSEC', 'dnssec'], ['RRSIG DNSKEY DS', 'dnssec'], ['NSEC3', 'dnssec'], ['chain of trust', 'dnssec'], ['key rollover', 'dnssec'],
  ['DNS over HTTPS', 'encrypted-dns'], ['DoT', 'encrypted-dns'], ['DoQ', 'encrypted-dns'], ['ODoH', 'encrypted-dns'], ['EDNS Client Subnet privacy', 'encrypted-dns'],
  ['cache poisoning', 'cache-poisoning'], ['Kaminsky', 'cache-poisoning'], ['source port randomisation', 'cache-poisoning'], ['0x20', 'cache-poisoning'], ['SAD DNS', 'cache-poisoning'], ['DNS cookies', 'cache-poisoning'],
  ['amplification attack', 'amplification-attacks'], ['open resolver', 'amplification-attacks'], ['response rate limiting', 'amplification-attacks'], ['BCP38', 'amplification-attacks'], ['ANY RFC 8482', 'amplification-attacks'],
  ['DNS rebinding', 'rebinding-tunnelling-hijacking'], ['DNS tunnelling', 'rebinding-tunnelling-hijacking'], ['registrar lock', 'rebinding-tunnelling-hijacking'], ['typosquatting', 'rebinding-tunnelling-hijacking'],
  ['round robin DNS', 'dns-load-balancing'], ['weighted records', 'dns-load-balancing'], ['GeoDNS', 'dns-load-balancing'], ['latency-based routing', 'dns-load-balancing'],
  ['anycast', 'anycast-and-bgp'], ['BGP', 'anycast-and-bgp'],
  ['health check failover', 'health-checked-failover'], ['active-passive', 'health-checked-failover'], ['Route 53 failover', 'health-checked-failover'],
  ['resolver timeout', 'incident-resolver-timeout'], ['unexpected NXDOMAIN', 'incident-nxdomain'], ['stale cache after migration', 'incident-stale-cache-migration'], ['SERVFAIL storm', 'incident-servfail-storms'], ['Facebook outage 2021', 'incident-servfail-storms'],
  ['Kubernetes DNS', 'kubernetes-dns'], ['CoreDNS', 'kubernetes-dns'], ['ndots 5', 'kubernetes-dns'],
  ['prefetch', 'resolver-performance'], ['query coalescing', 'resolver-performance'], ['serve-stale', 'resolver-performance'], ['cache hit rate zipf', 'resolver-performance'],
  ['zone transfer AXFR IXFR', 'running-authoritative-dns'], ['NOTIFY', 'running-authoritative-dns'], ['TSIG', 'running-authoritative-dns'], ['catalog zones', 'running-authoritative-dns'],
  ['registrar registry', 'domain-registration'], ['EPP', 'domain-registration'], ['DNS propagation', 'domain-registration'],
  ['dig +trace', 'debugging-toolbox'], ['nslookup', 'debugging-toolbox'], ['delv', 'debugging-toolbox'], ['flush DNS cache', 'debugging-toolbox'],
  ['DNS metrics alerting', 'operating-dns-in-production'], ['production checklist', 'operating-dns-in-production'],
  ['Happy Eyeballs', 'connection-setup'], ['ECH', 'connection-setup'], ['dns-prefetch preconnect', 'connection-setup'],
  ['when to use DNS', 'when-to-use-dns'], ['eventually consistent key-value store', 'when-to-use-dns'],
  ['BIND Unbound PowerDNS', 'dns-landscape'], ['public resolvers', 'dns-landscape'], ['Cloudflare Google Cloud DNS', 'dns-landscape'],
];

describe('searching for a curriculum concept', () => {
  it.each(CONCEPTS)('"%s" finds %s in the top three', (query, card) => {
    const top = searchCards(index, query, { limit: 3 }).map((result) => result.card.id);
    expect(top).toContain(card);
  });
});
