import { describe, expect, it } from 'vitest';
import type { PersonalityId } from '../../../../src/core/dns-sim/personalities/types.js';
import { simulateSession, type SimulationResult } from '../../../../src/core/dns-sim/simulate.js';
import type { SessionQuery } from '../../../../src/core/dns-sim/simulation-types.js';
import { withResolverConfig } from '../../../../src/core/dns-sim/world-config/resolver-config-options.js';
import { FIXED_RTT } from '../sim-fixture.js';
import { loadWith, serversYaml } from './config-fixture.js';

// a.b.c.example.com has an A record (TTL 3600) and no AAAA; example.com's SOA MINIMUM is 300 s.
function run(resolver: string, queries: SessionQuery[], personality?: PersonalityId): SimulationResult {
  const { world, errors } = loadWith({ 'servers.yaml': serversYaml(resolver) });
  expect(errors).toEqual([]);
  return simulateSession(world, queries, withResolverConfig({ ...FIXED_RTT, ...(personality ? { personality } : {}) }, world.resolverConfig), 1);
}

const aaaa = (name: string, extra: Partial<SessionQuery> = {}): SessionQuery => ({ name, type: 'AAAA', atMs: 0, ...extra });
const clientAnswer = (result: SimulationResult) => {
  const reply = result.events.findLast((event) => event.type === 'response-received' && event.to.role === 'stub');
  return reply?.type === 'response-received' ? [reply.message.rcode, reply.message.answer.map((record) => `${record.ttlSeconds} ${record.type} ${record.data}`)] : undefined;
};
// What the resolver asked example.com's servers about the name itself, in order, from a time on.
const askedAbout = (result: SimulationResult, name: string, fromMs = 0) => result.events.flatMap((event) => (event.type === 'query-sent' && event.timeMs >= fromMs && event.to.role === 'authoritative' && event.message.question.name.toLowerCase() === name ? [event.message.question.type] : []));

describe('DNS64 in the resolver configuration (RFC 6147)', () => {
  it.each<[string, PersonalityId | undefined, string]>([
    ['the reference model keeps the A record\'s TTL', undefined, '3600 AAAA 64:ff9b::cb00:710b'],
    ['Unbound keeps the A record\'s TTL (dns64.c)', 'unbound', '3600 AAAA 64:ff9b::cb00:710b'],
    ['Knot Resolver caps it at the NODATA\'s SOA TTL, 300 s (its dns64 module)', 'knot', '300 AAAA 64:ff9b::cb00:710b'],
    ['BIND takes the lesser of it and the NODATA\'s 300 s', 'bind', '300 AAAA 64:ff9b::cb00:710b'],
  ])('synthesises an AAAA for a name with only an A record: %s', (_name, personality, record) => {
    const result = run('  dns64: true\n', [aaaa('a.b.c.example.com')], personality);
    expect(clientAnswer(result)).toEqual(['NOERROR', [record]]);
    expect(askedAbout(result, 'a.b.c.example.com').slice(-2)).toEqual(['AAAA', 'A']);
  });

  it.each<[string, string, SessionQuery, unknown]>([
    ['a name with a real AAAA gets it unchanged', '  dns64: true\n', aaaa('www.example.com'), ['NOERROR', ['300 AAAA 2001:db8::10']]],
    ['a name that does not exist stays NXDOMAIN', '  dns64: true\n', aaaa('nope.example.com'), ['NXDOMAIN', []]],
    ['CD=1 turns synthesis off (RFC 6147 section 5.5)', '  dns64: true\n', aaaa('a.b.c.example.com', { checkingDisabled: true }), ['NOERROR', []]],
    ['without dns64 the NODATA reaches the client', '', aaaa('a.b.c.example.com'), ['NOERROR', []]],
    ['a network-specific /64 prefix skips bits 64 to 71', '  dns64: "2001:db8:64:ff::/64"\n', aaaa('a.b.c.example.com'), ['NOERROR', ['3600 AAAA 2001:db8:64:ff:cb:71:b00:0']]],
  ])('%s', (_name, resolver, query, expected) => {
    expect(clientAnswer(run(resolver, [query]))).toEqual(expected);
  });

  it('answers the same question again from its cache, synthesising without asking upstream', () => {
    const result = run('  dns64: true\n', [aaaa('a.b.c.example.com'), aaaa('a.b.c.example.com', { atMs: 60_000 })]);
    expect(askedAbout(result, 'a.b.c.example.com', 60_000)).toEqual([]);
    expect(result.outcomes.map((outcome) => outcome.addresses)).toEqual([['64:ff9b::cb00:710b'], ['64:ff9b::cb00:710b']]);
  });
});
