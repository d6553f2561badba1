import type { ScenarioSetup } from './scenario-types.js';

const MINUTE = 60_000;

/** The pod's search list under dnsPolicy ClusterFirst, in namespace "shop" (kubelet writes it). */
export const POD_SEARCH = ['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local'];
const DEAD_NAMESERVER = '10.0.0.2';

/** Every scenario, in the order `swelearn sim --list` shows them. */
export const SCENARIOS: readonly ScenarioSetup[] = [
  {
    id: 'cold-cache', cardId: 'resolution-flow', seed: 1,
    title: 'Cold cache: the full walk from the root',
    description: 'The resolver has just started and knows only the root hints. It first asks a root server for the current root NS set (priming, RFC 8109), then asks a root server, follows the referral to the com servers, then to the example.com servers, which answer with AA=1. With QNAME minimisation each server only learns one label more than it needs.',
    resolverNotes: {
      bind: 'BIND 9.18 sends its priming query beside the walk, minimises with NS queries, and does not use the root\'s glue for the com servers (their names lie outside com.): before asking com about example.com it looks up a.gtld-servers.net itself, with the full name, at a root server and then at a com server.',
      knot: 'Knot Resolver primed the root when it started, minimises with NS queries, and writes every name in random case (0x20), checking that the answer echoes it.',
    },
    query: { name: 'www.example.com', type: 'A' },
  },
  {
    id: 'warm-cache', cardId: 'ttl-and-caching', seed: 1,
    title: 'Warm cache: the answer is already there',
    description: 'Someone asked for www.example.com a minute ago. The resolver answers from its cache with the TTL counted down by the 60 seconds that have passed; no name server is asked, and the whole lookup costs one round trip to the resolver.',
    query: { name: 'www.example.com', type: 'A' },
    session: `
- prewarm: www.example.com        # someone asked a minute ago
  type: A
  before: 1m
- ask: www.example.com
  type: A
`,
  },
  {
    id: 'partially-warm', cardId: 'resolution-flow', seed: 1,
    title: 'Partially warm: the TLD delegation is cached',
    description: 'Ten minutes ago the resolver looked up a different .com name, so it still has the com NS set and glue (TTL 2 days). The walk for www.example.com starts at the com servers and skips the root.',
    query: { name: 'www.example.com', type: 'A' },
    session: `
- prewarm: www.acme-widgets.com   # another .com name, ten minutes ago: the com delegation is cached
  type: A
  before: 10m
- ask: www.example.com
  type: A
`,
  },
  {
    id: 'cname-chain', cardId: 'cname-rules', seed: 1,
    title: 'A CNAME chain across three zones (a CDN)',
    description: 'www.shop.example.com is an alias for shop.cdn-provider.net, which is an alias for shop.edge.cdn-provider.net in a zone delegated to the CDN\'s edge servers. Each name server returns only what it is authoritative for, so the resolver restarts the lookup at every target.',
    query: { name: 'www.shop.example.com', type: 'A' },
  },
  {
    id: 'cname-loop', cardId: 'cname-rules', seed: 1,
    title: 'A CNAME loop ends in SERVFAIL',
    description: 'loop.example.com is an alias for loop.example.net, which is an alias back to loop.example.com. The resolver notices the name it already visited and gives up with SERVFAIL instead of looping; the stub asks again and gets the cached failure.',
    query: { name: 'loop.example.com', type: 'A' },
  },
  {
    id: 'nxdomain-negative-cache', cardId: 'negative-caching', seed: 1,
    title: 'NXDOMAIN, cached for min(SOA TTL, MINIMUM)',
    description: 'A name that does not exist: the example.com servers answer NXDOMAIN with their SOA in the authority section. The resolver caches the non-existence for min(SOA TTL 3600, MINIMUM 300) = 300 s (RFC 2308), so the same question a minute later is answered from the negative cache.',
    query: { name: 'doesnotexist.example.com', type: 'A' },
    repeat: 2, afterMs: MINUTE,
  },
  {
    id: 'nodata', cardId: 'negative-caching', seed: 1,
    title: 'NODATA: the name exists, the type does not',
    description: 'legacy.example.com has an IPv4 address but no IPv6 one. An AAAA question gets NOERROR with an empty answer and the SOA: NODATA, which is not NXDOMAIN, and is cached per type.',
    query: { name: 'legacy.example.com', type: 'AAAA' },
  },
  {
    id: 'stub-failover', cardId: 'client-side-resolution', seed: 1,
    title: 'The first nameserver in resolv.conf is down',
    description: `resolv.conf lists ${DEAD_NAMESERVER} first, and nothing answers there. glibc sends A and AAAA together, waits the full 5 s timeout, and only then asks the second nameserver: every lookup on this machine now takes over 5 seconds.`,
    query: { name: 'www.example.com', type: 'A+AAAA' },
    resolvConf: { nameservers: [DEAD_NAMESERVER, '10.0.0.53'] },
    prewarm: [{ atMs: -MINUTE, name: 'www.example.com', type: 'A' }, { atMs: -MINUTE, name: 'www.example.com', type: 'AAAA' }],
  },
  {
    id: 'stub-single-nameserver', cardId: 'incident-resolver-timeout', seed: 1,
    title: 'The only nameserver is down',
    description: 'With a single dead nameserver and the defaults (timeout 5 s, attempts 2), glibc waits 5 s, tries again, waits 5 s more, and returns EAI_AGAIN after 10 s: "Temporary failure in name resolution".',
    query: { name: 'www.example.com', type: 'A+AAAA' },
    resolvConf: { nameservers: [DEAD_NAMESERVER] },
  },
  {
    id: 'dead-authoritative', cardId: 'running-authoritative-dns', seed: 2,
    title: 'One of two authoritative servers is dead',
    description: 'ns1.flaky-dns.com drops every packet. The resolver picks it first and waits its timeout for a server it has not measured: Unbound waits 376 ms, asks ns1 once more at the same timeout, and only then fails over to ns2. It remembers the timeouts, so ns1 waits longer and is picked less for the next 15 minutes.',
    resolverNotes: {
      bind: 'BIND 9.18 waits 800 ms for a server it has not measured, asks ns1 once, then ns2.',
      knot: 'Knot Resolver waits 400 ms for a server it has not measured, asks ns1 once, then ns2.',
    },
    query: { name: 'www.flaky-dns.com', type: 'A' },
  },
  {
    id: 'lame-delegation', cardId: 'glue-and-delegation', seed: 11,
    title: 'A lame delegation: REFUSED, then the other server',
    description: 'com still lists ns2.lame-example.com, but that host no longer serves the zone and answers REFUSED, with EDE 20 (Not Authoritative) as NSD does. Unbound keeps no lame mark: ns2 answers quickly, so it stays in the fast band and is asked again, here five times (its limit per server), before ns1 answers. A lame server costs every resolver behind it extra round trips on every question.',
    resolverNotes: {
      bind: 'BIND 9.18 asks ns2 once, then ns1; on the next question it asks ns2 once more.',
      knot: 'Knot Resolver asks ns2 once, then ns1; on the next question it asks ns2 once more.',
    },
    query: { name: 'www.lame-example.com', type: 'A' },
  },
  {
    id: 'missing-glue', cardId: 'glue-and-delegation', seed: 1,
    title: 'Missing glue: a circular dependency',
    description: 'noglue.com is delegated to ns1.noglue.com and ns2.noglue.com, names inside the zone itself, but the com zone holds no glue addresses for them. To find their addresses the resolver would have to ask noglue.com\'s servers: it detects the cycle and answers SERVFAIL.',
    query: { name: 'www.noglue.com', type: 'A' },
  },
  {
    id: 'glueless-delegation', cardId: 'glue-and-delegation', seed: 1,
    title: 'A glueless delegation: a nested lookup',
    description: 'example.org is served by ns1.example.net, a name in another TLD, so org cannot give glue for it. The resolver pauses, resolves ns1.example.net from the root in a nested lookup, and then asks it about www.example.org.',
    query: { name: 'www.example.org', type: 'A' },
  },
  {
    id: 'stale-after-migration', cardId: 'incident-stale-cache-migration', seed: 1,
    title: 'Stale answers after an IP migration (TTL 1 hour)',
    description: 'www.acme-widgets.com has a TTL of 3600 s. Ten minutes after the first lookup the team moves it to a new address. The resolver keeps handing out the old address from its cache until the hour is up; only the third lookup, after expiry, sees the new one.',
    query: { name: 'www.acme-widgets.com', type: 'A' },
    repeat: 3, afterMs: 31 * MINUTE,
    // The move as a user world's servers.yaml writes it: one RRset set at 10 minutes (docs/world-format.md, "A schedule of changes").
    world: `
schedule:
  - { at: 10m, zone: acme-widgets.com, name: www.acme-widgets.com, type: A, ttl: 3600, records: [198.51.100.80], note: the team moves www.acme-widgets.com to the new data centre }
`,
  },
  {
    id: 'lowered-ttl-migration', cardId: 'ttl-and-caching', seed: 1,
    title: 'A migration with the TTL lowered beforehand (60 s)',
    description: 'The team lowered api.acme-widgets.com\'s TTL to 60 s a day before moving it. Caches can now be wrong for at most a minute: 15 s after the move the cached old answer still has about 15 s left; 45 s later it has expired and the resolver fetches the new address.',
    query: { name: 'api.acme-widgets.com', type: 'A' },
    repeat: 3, afterMs: 45_000,
    world: `
schedule:
  - { at: 30s, zone: acme-widgets.com, name: api.acme-widgets.com, type: A, ttl: 60, records: [198.51.100.81], note: the team moves api.acme-widgets.com to the new data centre }
`,
  },
  {
    id: 'truncation-tcp', cardId: 'transport-udp-tcp-edns', seed: 1,
    title: 'A large answer: TC=1, then TCP',
    description: 'big.example.com carries about 1.4 KB of TXT records. It does not fit the resolver\'s 1232-byte EDNS buffer, so the server sets TC=1 and the resolver asks again over TCP. The stub sends no EDNS at all, so its limit is 512 bytes and it must switch to TCP too.',
    query: { name: 'big.example.com', type: 'TXT' },
  },
  {
    id: 'k8s-ndots', cardId: 'kubernetes-dns', seed: 1, kubernetes: true,
    title: 'Kubernetes ndots:5: three NXDOMAINs before the real name',
    description: 'A pod in namespace shop looks up api.example.com. It has 2 dots, fewer than ndots:5, so glibc tries every search domain first, A and AAAA each time: 6 NXDOMAIN answers from CoreDNS before the name itself is asked, 8 queries instead of 2.',
    query: { name: 'api.example.com', type: 'A+AAAA' },
    resolvConf: { search: POD_SEARCH, ndots: 5 },
    prewarm: [{ atMs: -30_000, name: 'api.example.com', type: 'A' }, { atMs: -30_000, name: 'api.example.com', type: 'AAAA' }],
  },
  {
    id: 'k8s-ndots-fixed', cardId: 'kubernetes-dns', seed: 1, kubernetes: true,
    title: 'Kubernetes with ndots:2 set in dnsConfig',
    description: 'The same pod with dnsConfig options ndots:2. api.example.com has 2 dots, so it is tried as written first and answered at once: 2 queries. Short in-cluster names such as orders or orders.shop still go through the search list.',
    query: { name: 'api.example.com', type: 'A+AAAA' },
    resolvConf: { search: POD_SEARCH, ndots: 2 },
    prewarm: [{ atMs: -30_000, name: 'api.example.com', type: 'A' }, { atMs: -30_000, name: 'api.example.com', type: 'AAAA' }],
  },
  {
    id: 'k8s-trailing-dot', cardId: 'kubernetes-dns', seed: 1, kubernetes: true,
    title: 'Kubernetes with a trailing dot (an FQDN)',
    description: 'The pod keeps ndots:5 but the application asks for "api.example.com." with the trailing dot. The name is absolute, so the search list is never used: one A and one AAAA query.',
    query: { name: 'api.example.com.', type: 'A+AAAA' },
    resolvConf: { search: POD_SEARCH, ndots: 5 },
    prewarm: [{ atMs: -30_000, name: 'api.example.com', type: 'A' }, { atMs: -30_000, name: 'api.example.com', type: 'AAAA' }],
  },
];
