import { describe, expect, it } from 'vitest';
import { upstream, walk } from './walk-shape-fixture.js';

const ROOT = 'a.root-servers.net';
const TLD = 'a.gtld-servers.net';

// Issue 14, item 2 (measured: BIND 9.18.49) and item 4's last point (measured: Knot Resolver 5.6.0).
describe('how each resolver finds the addresses of name servers', () => {
  it.each([
    ['bind', 'drops the root\'s glue for a.gtld-servers.net and asks the root, then the TLD, for it, not minimised', 'www.example.com', [
      `${ROOT} com NS`, `${ROOT} a.gtld-servers.net A`, `${TLD} a.gtld-servers.net A`, `${TLD} example.com NS`, 'ns1.example.com www.example.com A',
    ]],
    ['bind', 'asks the TLD for a glueless delegation\'s name server (ns.dnshost.net in the measurement), with the full name', 'www.sibling.com', [
      `${ROOT} com NS`, `${ROOT} a.gtld-servers.net A`, `${TLD} a.gtld-servers.net A`, `${TLD} sibling.com NS`, `${TLD} ns1.hoster.net A`, 'ns1.hoster.net ns1.hoster.net A', 'ns1.hoster.net www.sibling.com A',
    ]],
    ['bind', 'asks the root, then the TLD, for a name server inside its own zone that has no glue (ns1.noglue.com)', 'www.noglue.com', [
      `${ROOT} com NS`, `${ROOT} a.gtld-servers.net A`, `${TLD} a.gtld-servers.net A`, `${TLD} noglue.com NS`, `${ROOT} ns1.noglue.com A`, `${TLD} ns1.noglue.com A`,
    ]],
    ['knot', 'uses the root\'s glue for a.gtld-servers.net, a name outside com. that the com. referral carries', 'www.example.com', [
      `${ROOT} com NS`, `${TLD} example.com NS`, 'ns2.example.com www.example.com A',
    ]],
    ['unbound', 'uses the root\'s glue for a.gtld-servers.net, as before', 'www.example.com', [
      `${ROOT} com A`, `${TLD} example.com A`, 'ns1.example.com www.example.com A',
    ]],
  ] as const)('%s %s', (id, _what, name, queries) => {
    expect(upstream(walk(id, [{ name, type: 'A' }]))).toEqual(queries);
  });

  it('BIND ends the missing-glue walk in SERVFAIL: the name server can only be found through its own zone', () => {
    expect(walk('bind', [{ name: 'www.noglue.com', type: 'A' }]).outcomes[0]!.status).toBe('servfail');
  });
});
