import { describe, expect, it } from 'vitest';
import type { RecordType } from '../../../../src/core/dns-sim/world/world.js';
import { answeredTtls, upstream, walk } from './walk-shape-fixture.js';

const ROOT = 'a.root-servers.net';
const TLD = 'a.gtld-servers.net';
const BIND_TO_EXAMPLE = [`${ROOT} com NS`, `${ROOT} a.gtld-servers.net A`, `${TLD} a.gtld-servers.net A`, `${TLD} example.com NS`];
const UNBOUND_TO_EXAMPLE = [`${ROOT} com A`, `${TLD} example.com A`];
const KNOT_TO_EXAMPLE = [`${ROOT} com NS`, `${TLD} example.com NS`];

// Issue 14, item 3 (measured: Unbound 1.17.1, BIND 9.18.49, Knot Resolver 5.6.0).
describe('a CNAME target is resolved again, even when the answer carries its records', () => {
  it.each([
    ['unbound', [...UNBOUND_TO_EXAMPLE, 'ns1.example.com alias.example.com A', 'ns2.example.com www.example.com A']],
    ['bind', [...BIND_TO_EXAMPLE, 'ns1.example.com alias.example.com A', 'ns2.example.com www.example.com A']],
    ['knot', [...KNOT_TO_EXAMPLE, 'ns2.example.com alias.example.com A', 'ns1.example.com www.example.com A']],
  ] as const)('%s asks %j', (id, queries) => {
    const result = walk(id, [{ name: 'alias.example.com', type: 'A' }]);
    expect(upstream(result)).toEqual(queries);
    expect(result.outcomes[0]).toMatchObject({ status: 'answer', addresses: ['203.0.113.10'] });
    expect(answeredTtls(result)).toEqual([3600, 300]);
  });
});

// Issue 14, item 4.
describe('QNAME minimisation, as each program does it', () => {
  it.each([
    // Measured (Unbound 1.17.1): "www A" then "www AAAA"; "big A" then "big TXT" (TC=1, so TCP after).
    ['unbound', 'www.example.com', 'AAAA', [...UNBOUND_TO_EXAMPLE, 'ns1.example.com www.example.com A', 'ns2.example.com www.example.com AAAA']],
    ['unbound', 'big.example.com', 'TXT', [...UNBOUND_TO_EXAMPLE, 'ns1.example.com big.example.com A', 'ns2.example.com big.example.com TXT', 'ns2.example.com tcp big.example.com TXT']],
    ['bind', 'www.example.com', 'AAAA', [...BIND_TO_EXAMPLE, 'ns1.example.com www.example.com AAAA']],
    ['knot', 'www.example.com', 'AAAA', [...KNOT_TO_EXAMPLE, 'ns2.example.com www.example.com AAAA']],
  ] as const)('%s, cold, for %s %s asks %j', (id, name, type, queries) => {
    expect(upstream(walk(id, [{ name, type: type as RecordType }]))).toEqual(queries);
  });

  it.each([
    // Measured (Unbound 1.17.1, BIND 9.18.49): the cached NXDOMAIN for nope.example.com is not asked again.
    ['unbound', ['ns2.example.com deeper.nope.example.com A']],
    ['bind', ['ns2.example.com deeper.nope.example.com A']],
    // Measured (Knot Resolver 5.6.0): it asked upstream again; its minimised NS question misses the A-keyed NXDOMAIN,
    // and after the minimised NXDOMAIN it sends the full name.
    ['knot', ['ns1.example.com nope.example.com NS', 'ns1.example.com deeper.nope.example.com A']],
  ] as const)('%s: with nope.example.com NXDOMAIN cached, deeper.nope.example.com asks %j', (id, queries) => {
    const result = walk(id, [{ name: 'nope.example.com', type: 'A' }, { name: 'deeper.nope.example.com', type: 'A', atMs: 10_000 }]);
    expect(upstream(result, 1)).toEqual(queries);
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['nxdomain', 'nxdomain']);
  });

  it.each([
    // Measured (Knot Resolver 5.6.0): the full name after a minimised NODATA (c.example.com is an empty non-terminal).
    ['knot', [...KNOT_TO_EXAMPLE, 'ns2.example.com c.example.com NS', 'ns1.example.com x.b.c.example.com A']],
    ['bind', [...BIND_TO_EXAMPLE, 'ns1.example.com c.example.com NS', 'ns2.example.com b.c.example.com NS', 'ns2.example.com x.b.c.example.com A']],
    ['unbound', [...UNBOUND_TO_EXAMPLE, 'ns1.example.com c.example.com A', 'ns2.example.com b.c.example.com A', 'ns1.example.com x.b.c.example.com A']],
  ] as const)('%s: after a minimised NODATA for an empty non-terminal it asks %j', (id, queries) => {
    expect(upstream(walk(id, [{ name: 'x.b.c.example.com', type: 'A' }]))).toEqual(queries);
  });
});

// Issue 14, item 4 (measured in all three): getaddrinfo's A and AAAA walks share the delegation queries.
describe('the A and AAAA walks of one getaddrinfo call are merged', () => {
  it.each([
    // Unbound's AAAA walk also waits on the A walk's "www A", its hidden-type question at the full name.
    ['unbound', [...UNBOUND_TO_EXAMPLE, 'ns1.example.com www.example.com A', 'ns2.example.com www.example.com AAAA'], 3],
    ['bind', [...BIND_TO_EXAMPLE, 'ns1.example.com www.example.com A', 'ns1.example.com www.example.com AAAA'], 4],
    ['knot', [...KNOT_TO_EXAMPLE, 'ns2.example.com www.example.com A', 'ns2.example.com www.example.com AAAA'], 2],
  ] as const)('%s asks %j, and %i queries wait on one in flight', (id, queries, joined) => {
    const result = walk(id, [{ name: 'www.example.com', type: 'A+AAAA' }]);
    expect(upstream(result)).toEqual(queries);
    expect(result.events.filter((event) => event.type === 'cache-checked' && /by another walk and is still in flight/.test(event.explanation))).toHaveLength(joined);
    expect(result.outcomes[0]).toMatchObject({ status: 'answer', addresses: ['203.0.113.10', '2001:db8::10'] });
  });
});
