import { describe, expect, it, vi } from 'vitest';
import { withDns64 } from '../../../../src/core/dns-sim/dns64/dns64.js';
import { readDns64Prefix } from '../../../../src/core/dns-sim/dns64/dns64-prefix.js';
import { DEFAULT_RESOLVER_OPTIONS, type ResolverOptions } from '../../../../src/core/dns-sim/resolver/resolver-options.js';
import type { ResolutionOutcome, WalkContext } from '../../../../src/core/dns-sim/resolver/resolver-state.js';

// The A lookup DNS64 starts is the resolver's own walk, tested elsewhere; here it returns one A record at 50 ms.
vi.mock('../../../../src/core/dns-sim/resolver/recursive.js', () => ({
  resolveName: () => ({ outcome: { kind: 'answer', records: [{ name: 'legacy.example.com', type: 'A', ttlSeconds: 3600, data: '203.0.113.30' }] }, atMs: 50 }),
}));

const prefix = (() => {
  const read = readDns64Prefix('64:ff9b::/96');
  if (!read.ok) throw new Error(read.message);
  return read.prefix;
})();

function context(options: Partial<ResolverOptions>, checkingDisabled = false): WalkContext {
  const resolver = { options: { ...DEFAULT_RESOLVER_OPTIONS, dns64: prefix, ...options }, endpoint: { name: 'resolver', address: '10.0.0.53', role: 'resolver' } };
  return { sim: { recording: true, events: [], queryIndex: 0 }, resolver, depth: 0, lookup: 'AAAA legacy.example.com', stack: [], ...(checkingDisabled ? { checkingDisabled } : {}) } as unknown as WalkContext;
}

const SOA = { name: 'example.com', type: 'SOA' as const, ttlSeconds: 300, data: { mname: 'ns1.example.com', rname: 'hostmaster.example.com', serial: 1, refresh: 7200, retry: 3600, expire: 1209600, minimum: 300 } };
const NODATA: ResolutionOutcome = { kind: 'nodata', records: [], soa: SOA };
const SERVFAIL: ResolutionOutcome = { kind: 'servfail', records: [], reason: 'every server timed out' };
const NXDOMAIN: ResolutionOutcome = { kind: 'nxdomain', records: [], soa: SOA };

describe('DNS64 synthesis', () => {
  it.each<[string, ResolutionOutcome, Partial<ResolverOptions>, boolean, string[]]>([
    ['NODATA, with the A record\'s TTL (Unbound)', NODATA, { dns64Ttl: 'a-record' }, false, ['3600 AAAA 64:ff9b::cb00:711e']],
    ['NODATA, with the lesser of it and the negative TTL (BIND, Knot)', NODATA, { dns64Ttl: 'lesser-of-a-and-negative' }, false, ['300 AAAA 64:ff9b::cb00:711e']],
    ['SERVFAIL, where the program treats it as empty (Unbound)', SERVFAIL, { dns64AfterServfail: true }, false, ['3600 AAAA 64:ff9b::cb00:711e']],
    ['SERVFAIL under BIND\'s rule, with no negative TTL: at most 600 s', SERVFAIL, { dns64AfterServfail: true, dns64Ttl: 'lesser-of-a-and-negative' }, false, ['600 AAAA 64:ff9b::cb00:711e']],
    ['SERVFAIL passed on (BIND, Knot)', SERVFAIL, { dns64AfterServfail: false }, false, []],
    ['NXDOMAIN passed on', NXDOMAIN, {}, false, []],
    ['NODATA for a CD=1 question passed on', NODATA, {}, true, []],
  ])('after %s', (_name, outcome, options, cd, expected) => {
    const result = withDns64(context(options, cd), 'legacy.example.com', { outcome, atMs: 20 });
    expect(result.outcome.records.map((record) => `${record.ttlSeconds} ${record.type} ${record.data}`)).toEqual(expected);
    expect(result.outcome.kind).toBe(expected.length > 0 ? 'answer' : outcome.kind);
  });
});
