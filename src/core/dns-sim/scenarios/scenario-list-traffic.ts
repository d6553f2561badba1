import { CHROME_HOST_CACHE } from '../stub/browser-cache.js';
import type { ScenarioSetup } from './scenario-types.js';
import type { SessionQuery } from '../simulation-types.js';
import type { Pool, SteeringSpec } from '../servers/steering.js';
import { failoverAtMs } from '../servers/steering.js';

const SECOND = 1000;
const SHOP = { name: 'www.fragile-shop.com', type: 'A' as const };
// Both of fragile-shop.com's servers stop answering 20 s into the session (servers.yaml's schedule).
const GO_DARK = `
schedule:
  - { at: 20s, server: ns1.fragile-shop.com, behaviour: drop, note: ns1.fragile-shop.com goes dark (a bad deploy withdrew its routes) }
  - { at: 20s, server: ns2.fragile-shop.com, behaviour: drop, note: ns2.fragile-shop.com goes dark (a bad deploy withdrew its routes) }
`;
const EVERY_15_S: SessionQuery[] = Array.from({ length: 13 }, (_, k) => ({ ...SHOP, atMs: k * 15 * SECOND }));

const GSLB = 'www.gslb-example.com';
const GSLB_SERVERS = ['192.0.2.91', '192.0.2.92'];
const steer = (policy: SteeringSpec['policy'], pools: Pool[], ttlSeconds: number): SteeringSpec[] => GSLB_SERVERS.map((address) => ({ address, name: GSLB, ttlSeconds, pools, policy }));
const WEB: Pool[] = [{ name: 'web-1', addresses: ['198.51.100.11'] }, { name: 'web-2', addresses: ['198.51.100.12'] }, { name: 'web-3', addresses: ['198.51.100.13'] }];
/** The points of presence of the geo and latency steering scenarios. */
export const POPS: Pool[] = [{ name: 'eu-fra', addresses: ['198.51.100.31'] }, { name: 'us-east', addresses: ['198.51.100.41'] }, { name: 'ap-sin', addresses: ['198.51.100.51'] }];
// Where addresses are: the ISP's resolver and the Frankfurt client in Europe, the public resolver's egress in the US, a Singapore client.
const REGIONS = [{ prefix: '10.0.0.0/8', region: 'eu' }, { prefix: '203.0.113.0/24', region: 'eu' }, { prefix: '198.51.100.0/24', region: 'us' }, { prefix: '100.64.0.0/10', region: 'apac' }];
const PUBLIC_RESOLVER = { name: 'dns.public-resolver.example', address: '198.51.100.200', rttMs: 40 };
const FRANKFURT = { name: 'laptop in Frankfurt', address: '203.0.113.45' };
const FRANKFURT_2 = { name: 'phone in Frankfurt', address: '203.0.113.77' };
const SINGAPORE = { name: 'laptop in Singapore', address: '100.64.10.20' };
const FAILOVER = { kind: 'failover' as const, primary: 'dc-east', secondary: 'dc-west', failsAtMs: 5 * SECOND, checkIntervalMs: 10 * SECOND, failureThreshold: 3 };
/** The two data centres of the health-checked failover scenario. */
export const DCS: Pool[] = [{ name: 'dc-east', addresses: ['198.51.100.61'] }, { name: 'dc-west', addresses: ['198.51.100.71'] }];
const poll = (client: { name: string; address: string }, fromMs: number, nameserver?: string): SessionQuery[] =>
  Array.from({ length: Math.floor((160 * SECOND - fromMs) / (10 * SECOND)) + 1 }, (_, k) => ({ name: GSLB, type: 'A+AAAA' as const, atMs: fromMs + k * 10 * SECOND, client, concurrent: true, ...(nameserver ? { nameserver } : {}) }));

/** The operational scenarios of part two: outages, resolver optimisations, traffic steering, client caches. */
export const TRAFFIC_SCENARIOS: readonly ScenarioSetup[] = [
  {
    id: 'servfail-storm', cardId: 'incident-servfail-storms', seed: 1,
    title: 'An authoritative goes dark: a storm of retries and failures',
    description: 'fragile-shop.com uses 30 s TTLs and a 60 s delegation, and both its servers go dark 20 s in. A client asks every 15 s. Once the cached answer expires, every question sends the resolver back to the dead servers (timeouts of 376 ms and more), and, each time the delegation expires, back to the com servers too. Unbound keeps retrying with longer and longer timeouts, but drops its reply to a client that has waited 1.9 s (discard-timeout), so every client\'s glibc times out after its two 5 s tries. The report counts the retries.',
    resolverNotes: {
      bind: 'BIND 9.18 gives up at its 10 s resolver-query-timeout and answers SERVFAIL, just after glibc\'s two 5 s tries ran out, so the clients see a timeout too.',
      knot: 'Knot Resolver gives up after about 12.8 s with SERVFAIL and EDE 22 (No Reachable Authority), after glibc has given up.',
    },
    query: SHOP, queries: EVERY_15_S, world: GO_DARK,
    run: { report: 'outage' },
  },
  {
    id: 'serve-stale', cardId: 'resolver-performance', seed: 1,
    title: 'An authoritative goes dark: serve-stale (RFC 8767)',
    description: 'The same outage with serve-stale on (Unbound\'s serve-expired, BIND\'s stale-answer-enable, Knot Resolver\'s serve_stale). When a refresh fails, or the client has waited long enough, the resolver answers with the expired data. As measured, Unbound and BIND answer after 1.8 s with TTL 30 (EDE 3 from BIND only), and all three programs ask the dead servers again on every question. Under Unbound the shop stays reachable for its existing users while it is down.',
    resolverNotes: {
      bind: 'BIND 9.18 answers stale after 1.8 s too, with TTL 30 and EDE 3 (Stale Answer).',
      knot: 'Knot Resolver answers stale with TTL 1 and EDE 3 once its 3 s deadline has passed. Measured with a single authority, that was 3.3 s, and 1.4 s on the next question, once it had marked the server dead. This zone has two servers: after marking the first dead, Knot waits for the second with a backed-off timeout, so questions take 4 to 7 s and several outlast glibc\'s 10 s, and the stub times out. Serve-stale does not help clients whose resolver waits longer than they do.',
    },
    query: SHOP, queries: EVERY_15_S, resolvConf: { edns0: true },
    // Switched on as an operator does; the timer, TTL and EDE are the resolver's own (serveStaleProfile).
    world: `resolver:\n  serve_stale: true\n${GO_DARK}`,
    run: { report: 'outage' },
  },
  {
    id: 'prefetch', cardId: 'resolver-performance', seed: 1,
    title: 'Prefetch: a popular name is refreshed before it expires',
    description: 'www.example.com (TTL 300 s) is asked every 40 s. With Unbound\'s prefetch, a cache hit in the last 10% of the TTL is answered at once and also starts a background refresh, so the entry never expires under load and no client waits for a walk after the first. The report runs the same session without prefetch for comparison.',
    query: { name: 'www.example.com', type: 'A' },
    queries: Array.from({ length: 16 }, (_, k) => ({ name: 'www.example.com', type: 'A' as const, atMs: k * 40 * SECOND })),
    run: { resolver: { prefetch: true }, report: 'prefetch' },
  },
  {
    id: 'coalescing', cardId: 'resolver-performance', seed: 1,
    title: 'Coalescing: twenty clients, one upstream walk',
    description: 'A flash crowd: twenty clients ask for api.example.com within 20 ms of each other, and nobody has asked before. The first question starts the walk; the other nineteen find the same question in flight and wait for its answer (Unbound\'s mesh, BIND\'s fetch contexts) instead of each walking from the root. Four upstream queries (the root priming query among them) serve all twenty.',
    resolverNotes: { bind: 'BIND 9.18 needs six upstream queries, two of them its own lookups of a.gtld-servers.net, and still serves all twenty from the one walk.' },
    query: { name: 'api.example.com', type: 'A' },
    queries: Array.from({ length: 20 }, (_, k) => ({ name: 'api.example.com', type: 'A' as const, atMs: k, concurrent: true, client: { name: `client-${String(k + 1).padStart(2, '0')}`, address: `192.168.1.${101 + k}` } })),
    run: { report: 'coalescing' },
  },
  {
    id: 'steering-round-robin', cardId: 'dns-load-balancing', seed: 3,
    title: 'Round robin DNS: the order rotates, resolvers cache it',
    description: 'www.gslb-example.com has three web servers and its name servers rotate the order of the A records on every answer (BIND\'s rrset-order cyclic); clients connect to the first. But the resolver caches one answer for its 60 s TTL, so everyone behind it goes to the same server until it asks again: DNS balancing is coarse, per resolver and per TTL.',
    resolverNotes: {
      bind: 'BIND 9.18 tries the name server it has not measured yet, so the third question goes to the other server, whose own rotation starts again at web-1: with several name servers each rotating on its own, the order a resolver sees is even less even.',
      knot: 'Knot Resolver tries the name server it has not measured yet, so the third question goes to the other server, whose own rotation starts again at web-1: with several name servers each rotating on its own, the order a resolver sees is even less even.',
    },
    query: { name: GSLB, type: 'A' },
    queries: [0, 20, 70, 90, 140].map((s) => ({ name: GSLB, type: 'A' as const, atMs: s * SECOND })),
    run: { steering: steer({ kind: 'round-robin' }, WEB, 60), report: 'steering' },
  },
  {
    id: 'steering-weighted', cardId: 'dns-load-balancing', seed: 1,
    title: 'Weighted answers: 90% to one pool, 10% to the canary',
    description: 'The steering provider answers web-1 with weight 90 and web-2 (a canary release) with weight 10, with a 10 s TTL so that each question every 15 s gets a fresh decision. Over twelve questions the split shows, roughly: weights are probabilities per answer, and every resolver in front of many users multiplies the lumpiness.',
    query: { name: GSLB, type: 'A' },
    queries: Array.from({ length: 12 }, (_, k) => ({ name: GSLB, type: 'A' as const, atMs: k * 15 * SECOND })),
    run: { steering: steer({ kind: 'weighted' }, [{ name: 'web-1', addresses: ['198.51.100.21'], weight: 90 }, { name: 'web-2', addresses: ['198.51.100.22'], weight: 10 }], 10), report: 'steering' },
  },
  {
    id: 'steering-geo', cardId: 'dns-load-balancing', seed: 1,
    title: 'Geo DNS by resolver address: a public resolver mis-steers',
    description: 'The provider picks the data centre nearest to the address that asks it, and that is the resolver, not the user. A laptop in Frankfurt asking through its ISP\'s resolver gets eu-fra; the same laptop using a public resolver whose servers are in the US gets us-east, an ocean away, because the query carries no EDNS Client Subnet.',
    query: { name: GSLB, type: 'A' },
    queries: [{ name: GSLB, type: 'A', client: FRANKFURT }, { name: GSLB, type: 'A', client: FRANKFURT, nameserver: PUBLIC_RESOLVER.address, atMs: 5 * SECOND }],
    run: { extraResolvers: [PUBLIC_RESOLVER], steering: steer({ kind: 'geo', regions: REGIONS, poolByRegion: { eu: 'eu-fra', us: 'us-east', apac: 'ap-sin' } }, POPS, 60), report: 'steering' },
  },
  {
    id: 'steering-latency-ecs', cardId: 'dns-load-balancing', seed: 1,
    title: 'Latency-based answers with EDNS Client Subnet',
    description: 'The public resolver now sends EDNS Client Subnet (RFC 7871): the client\'s /24, not its full address. The provider picks the point of presence with the lowest measured latency from that network: Frankfurt gets eu-fra, Singapore gets ap-sin. Each answer comes back with scope /24 and is cached for that network only, so a second phone in the same Frankfurt /24 is answered from the cache while other networks cost another walk.',
    query: { name: GSLB, type: 'A' },
    queries: [{ name: GSLB, type: 'A', client: FRANKFURT, nameserver: PUBLIC_RESOLVER.address }, { name: GSLB, type: 'A', client: SINGAPORE, nameserver: PUBLIC_RESOLVER.address, atMs: 2 * SECOND }, { name: GSLB, type: 'A', client: FRANKFURT_2, nameserver: PUBLIC_RESOLVER.address, atMs: 4 * SECOND }],
    run: {
      extraResolvers: [{ ...PUBLIC_RESOLVER, resolver: { ecsSourcePrefixLength: 24 } }],
      steering: steer({ kind: 'latency', regions: REGIONS, rttMsByRegion: { eu: { 'eu-fra': 12, 'us-east': 95, 'ap-sin': 160 }, us: { 'eu-fra': 90, 'us-east': 10, 'ap-sin': 190 }, apac: { 'eu-fra': 170, 'us-east': 180, 'ap-sin': 8 } } }, POPS, 60),
      report: 'steering',
    },
  },
  {
    id: 'failover-health-check', cardId: 'health-checked-failover', seed: 1,
    title: 'Health-checked failover: when does the last client move?',
    description: 'dc-east fails 5 s in. The provider checks it every 10 s and fails over after 3 failed checks, at 30 s. The record TTL is 60 s and every browser keeps its own answer for 60 s. Four clients poll every 10 s through two resolvers; the one whose resolver fetched the old answer just before the switch, and who cached it just before that expired, keeps going to the dead data centre for over two minutes.',
    query: { name: GSLB, type: 'A+AAAA' },
    queries: [...poll({ name: 'client-a', address: '192.168.1.31' }, 0), ...poll({ name: 'client-b', address: '192.168.1.32' }, 25 * SECOND), ...poll({ name: 'client-c', address: '192.168.1.33' }, 29 * SECOND, PUBLIC_RESOLVER.address), ...poll({ name: 'client-d', address: '192.168.1.34' }, 88 * SECOND, PUBLIC_RESOLVER.address)].sort((a, b) => (a.atMs ?? 0) - (b.atMs ?? 0)),
    changes: [
      { atMs: FAILOVER.failsAtMs, kind: 'set-behaviour', server: 'dc-east', behaviour: 'drop', description: 'dc-east (198.51.100.61) stops serving; DNS still points at it' },
      { atMs: failoverAtMs(FAILOVER), kind: 'set-records', zone: 'gslb-example.com', name: GSLB, type: 'A', records: [{ name: GSLB, type: 'A', ttlSeconds: 60, data: '198.51.100.71' }], description: 'the third failed health check: the provider now answers dc-west' },
    ],
    run: { extraResolvers: [PUBLIC_RESOLVER], steering: steer(FAILOVER, DCS, 60), browserCache: CHROME_HOST_CACHE, report: 'failover' },
  },
  {
    id: 'browser-os-cache', cardId: 'client-side-resolution', seed: 1,
    title: 'Browser and OS caches in front of the stub',
    description: 'Chrome on Linux with systemd-resolved. Chrome keeps a getaddrinfo result 60 s whatever its TTL; systemd-resolved (127.0.0.53) honours the TTL, here 300 s, up to its 2-hour cap. At 30 s the browser answers without a packet; at 90 s and 200 s the browser has forgotten but systemd-resolved answers locally; at 320 s both have expired and the question reaches the resolver, whose entry has expired too.',
    query: { name: 'www.example.com', type: 'A+AAAA' },
    queries: [0, 30, 90, 200, 320].map((s) => ({ name: 'www.example.com', type: 'A+AAAA' as const, atMs: s * SECOND })),
    run: { browserCache: CHROME_HOST_CACHE, osCache: true, report: 'client-caches' },
  },
];
