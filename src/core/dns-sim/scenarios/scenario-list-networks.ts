import type { ScenarioSetup } from './scenario-types.js';

const SECOND = 1000;

/** The scenarios of the networks a company runs: DNS64 on an IPv6-only network, a private zone forwarded to its own servers. */
export const NETWORK_SCENARIOS: readonly ScenarioSetup[] = [
  {
    id: 'dns64-synthesis', cardId: 'dns64-nat64', seed: 1,
    title: 'DNS64: an IPv4-only name gets an AAAA on an IPv6-only network',
    description: 'The laptop is on an IPv6-only network whose resolver runs DNS64 (RFC 6147) in front of a NAT64 gateway at 64:ff9b::/96. legacy.example.com has an A record and no AAAA: asked for AAAA, its server answers NODATA, the resolver asks again for A and hands back 64:ff9b::cb00:711e, the IPv4 address 203.0.113.30 in the last 32 bits (RFC 6052). The laptop connects to that address and the gateway translates. www.example.com has a real AAAA, which passes unchanged: synthesis is only for names without one. Unbound keeps the A record\'s TTL (3600 s) on the synthesised record.',
    resolverNotes: {
      bind: 'BIND 9.18 gives the synthesised AAAA the lesser of the A record\'s TTL and the AAAA NODATA\'s negative TTL: 300 s here, not 3600 s (lib/ns/query.c).',
      knot: 'Knot Resolver\'s dns64 module caps the synthesised TTL at the SOA TTL of the AAAA NODATA, as BIND does: 300 s here (modules/dns64/dns64.lua).',
    },
    query: { name: 'legacy.example.com', type: 'AAAA' },
    queries: [
      { name: 'legacy.example.com', type: 'AAAA', atMs: 0 },
      { name: 'www.example.com', type: 'AAAA', atMs: 5 * SECOND },
    ],
    world: 'resolver:\n  dns64: true\n',
  },
  {
    id: 'conditional-forwarding', cardId: 'hybrid-enterprise-dns', seed: 1,
    title: 'Conditional forwarding: the company zone goes to its domain controllers',
    description: 'The office resolver forwards one zone, corp.example, to the two domain controllers that hold it (a forward zone: Unbound forward-zone, BIND type forward, Knot policy.FORWARD); nothing in the public tree delegates it. intranet.corp.example goes to a controller with RD=1 and comes back at once; www.example.com is iterated from the root as usual, the forward zone untouched. At 30 s dc1 is rebooted for patching. A minute in, the resolver\'s choice for files.corp.example falls on dc1, which it has not tried yet (resolvers spread their questions over servers they know little about): it waits out dc1\'s timeouts, then asks dc2. A forwarder that dies costs every question in its zone a timeout until the resolver has learnt to avoid it.',
    query: { name: 'intranet.corp.example', type: 'A' },
    queries: [
      { name: 'intranet.corp.example', type: 'A', atMs: 0 },
      { name: 'www.example.com', type: 'A', atMs: 2 * SECOND },
      { name: 'files.corp.example', type: 'A', atMs: 60 * SECOND },
    ],
    world: `resolver:
  forward_zones:
    - { zone: corp.example, addresses: [10.20.0.11, 10.20.0.12] }
schedule:
  - { at: 30s, server: dc1.corp.example, behaviour: drop, note: dc1 is rebooted for patching }
`,
  },
];
