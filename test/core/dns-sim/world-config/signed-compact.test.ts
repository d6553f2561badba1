import { describe, expect, it } from 'vitest';
import { simulateSession } from '../../../../src/core/dns-sim/simulate.js';
import { decodeMessage, encodeMessage, type DnsMessage } from '../../../../src/core/dns-sim/wire/wire.js';
import { rdataText } from '../../../../src/core/dns-sim/wire/wire-records.js';
import type { RecordType, World } from '../../../../src/core/dns-sim/world/world.js';
import { FIXED_RTT } from '../sim-fixture.js';
import { askSigned, loadWith, serversYaml } from './config-fixture.js';

const load = (signed: string): World => {
  const { world, errors } = loadWith({ 'servers.yaml': serversYaml('', signed) });
  expect(errors).toEqual([]);
  return world;
};
const COMPACT = 'signed_zones:\n  - { zone: "." }\n  - { zone: com, denial: compact }\n  - { zone: example.com, denial: compact }\n';

const ask = askSigned;
const nsecs = (message: DnsMessage): string[] => message.authority.filter((record) => record.type === 'NSEC').map((record) => `${record.name} NSEC ${rdataText(record)}`);

describe('denial: compact in signed_zones', () => {
  it('reads the zones that sign online with compact answers', () => {
    expect(load(COMPACT).dnssec?.compactZones).toEqual(['com', 'example.com']);
  });

  it('refuses NSEC3 parameters on a compact zone', () => {
    expect(loadWith({ 'servers.yaml': serversYaml('', 'signed_zones:\n  - { zone: com, denial: compact, salt: ab }\n') }).errors).toEqual(["servers.yaml:11: 'salt' is a parameter of NSEC3: it needs denial: nsec3"]);
  });
});

describe('a compact answer (RFC 9824 section 3), with DO=1', () => {
  const world = load(COMPACT);
  it.each<[string, string, string, RecordType, string, string[]]>([
    // Section 3.1: NOERROR, and the name's own NSEC to its immediate successor, with NXNAME.
    ['a name that does not exist', 'ns1.example.com', 'nope.example.com', 'A', 'NOERROR', ['nope.example.com NSEC \\000.nope.example.com. RRSIG NSEC NXNAME']],
    ['a name two labels below nothing', 'ns1.example.com', 'x.nope.example.com', 'TXT', 'NOERROR', ['x.nope.example.com NSEC \\000.x.nope.example.com. RRSIG NSEC NXNAME']],
    // Section 3.2: the types that are there, and for an empty non-terminal none but RRSIG and NSEC.
    ['a type the name lacks', 'ns1.example.com', 'www.example.com', 'MX', 'NOERROR', ['www.example.com NSEC \\000.www.example.com. A AAAA RRSIG NSEC']],
    ['an empty non-terminal', 'ns1.example.com', 'b.c.example.com', 'A', 'NOERROR', ['b.c.example.com NSEC \\000.b.c.example.com. RRSIG NSEC']],
    ['the apex, which has its keys', 'ns1.example.com', 'example.com', 'TXT', 'NOERROR', ['example.com NSEC \\000.example.com. NS SOA RRSIG NSEC DNSKEY']],
    // Section 3.3: a wildcard's name without the type: the wildcard's types, owned by the name asked.
    ['a type a wildcard\'s name lacks', 'ns1.example.com', 'x.wild.example.com', 'MX', 'NOERROR', ['x.wild.example.com NSEC \\000.x.wild.example.com. A RRSIG NSEC']],
    // Section 3.4: at a delegation the next name stays out of the child: a zero byte after the first label.
    ['DS at an unsigned delegation', 'a.gtld-servers.net', 'sibling.com', 'DS', 'NOERROR', ['sibling.com NSEC sibling\\000.com. NS RRSIG NSEC']],
  ])('%s: %s %s', (_name, server, qname, qtype, rcode, expected) => {
    const message = ask(world, server, qname, qtype);
    expect(message.rcode).toBe(rcode);
    expect(message.answer).toEqual([]);
    expect(nsecs(message)).toEqual(expected);
    expect(message.authority.filter((record) => record.type === 'RRSIG').map((record) => (record.data as { typeCovered: string }).typeCovered)).toEqual(['SOA', 'NSEC']);
  });

  it('a query without DO=1 still gets the plain NXDOMAIN (RFC 9824 section 5)', () => {
    const message = ask(world, 'ns1.example.com', 'nope.example.com', 'A', false);
    expect([message.rcode, nsecs(message)]).toEqual(['NXDOMAIN', []]);
  });

  it('the zero-byte label and NXNAME (type 128) survive the wire', () => {
    const message = ask(world, 'ns1.example.com', 'nope.example.com', 'A');
    const decoded = decodeMessage(encodeMessage(message)).message;
    expect(decoded.authority.filter((record) => record.type === 'NSEC')).toEqual(message.authority.filter((record) => record.type === 'NSEC'));
  });
});

describe('a validating resolver in front of a compact zone', () => {
  it.each(['unbound', 'bind', 'knot'] as const)('%s: passes on NOERROR with AD=1 and caches NODATA per type, not NXDOMAIN for the name', (personality) => {
    const world = load(COMPACT);
    const result = simulateSession(world, [{ name: 'nope.example.com.', type: 'A', atMs: 0 }, { name: 'nope.example.com.', type: 'TXT', atMs: 60_000 }], { ...FIXED_RTT, personality }, 1);
    const replies = result.events.filter((event) => event.type === 'response-received' && event.to.role === 'stub');
    expect(replies.map((event) => event.type === 'response-received' && [event.message.rcode, event.message.flags.ad])).toEqual([['NOERROR', true], ['NOERROR', true]]);
    const stored = result.events.flatMap((event) => (event.type === 'cache-stored' ? event.cache.filter((op) => op.name === 'nope.example.com' && op.negative) : []));
    expect(stored.map((op) => [op.negative, op.type])).toEqual([['nodata', 'A'], ['nodata', 'TXT']]);
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['nodata', 'nodata']);
  });
});
