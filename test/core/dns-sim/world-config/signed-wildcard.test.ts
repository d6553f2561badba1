import { describe, expect, it } from 'vitest';
import { nsecCovers } from '../../../../src/core/dns-sim/servers/dnssec-authoritative.js';
import { nsec3Hash } from '../../../../src/core/dns-sim/names/nsec3-hash.js';
import { simulateSession } from '../../../../src/core/dns-sim/simulate.js';
import type { DnsMessage } from '../../../../src/core/dns-sim/wire/wire.js';
import { coveringNsec3, type Nsec3Record } from '../../../../src/core/dns-sim/world/nsec3-proof.js';
import type { RecordType, World } from '../../../../src/core/dns-sim/world/world.js';
import { FIXED_RTT, TEST_FILES } from '../sim-fixture.js';
import { askSigned, loadWith, serversYaml } from './config-fixture.js';

const load = (denial: string, zone = TEST_FILES['example.com.zone']!): World => {
  const signed = `signed_zones:\n  - { zone: "." }\n  - { zone: com }\n  - { zone: example.com${denial === 'nsec' ? '' : `, denial: ${denial}`} }\n`;
  const { world, errors } = loadWith({ 'servers.yaml': serversYaml('', signed), 'example.com.zone': zone });
  expect(errors).toEqual([]);
  return world;
};
const sigLabels = (message: DnsMessage, type: RecordType): number[] => message.answer.flatMap((record) => (record.type === 'RRSIG' && record.data.typeCovered === type ? [record.data.labels] : []));

describe('a wildcard\'s answer from a signed zone (RFC 4035 section 3.1.3.3, RFC 5155 section 7.2.6, RFC 9824 section 3.3)', () => {
  it('NSEC: the RRSIG counts the wildcard\'s 3 labels, not the owner\'s 4, and an NSEC covers the name asked', () => {
    const message = askSigned(load('nsec'), 'ns1.example.com', 'x.wild.example.com', 'A');
    expect(message.answer.filter((record) => record.type === 'A').map((record) => [record.name, record.data])).toEqual([['x.wild.example.com', '203.0.113.12']]);
    expect(sigLabels(message, 'A')).toEqual([3]);
    const nsec = message.authority.filter((record) => record.type === 'NSEC');
    expect(nsec).toHaveLength(1);
    expect(nsec[0]!.type === 'NSEC' && nsecCovers(nsec[0]!.name, nsec[0]!.data.nextDomain, 'example.com', 'x.wild.example.com')).toBe(true);
  });

  it('NSEC3: the same labels, and the NSEC3 covering the next closer name', () => {
    const message = askSigned(load('nsec3'), 'ns1.example.com', 'x.wild.example.com', 'A');
    expect(sigLabels(message, 'A')).toEqual([3]);
    const nsec3 = message.authority.filter((record): record is Nsec3Record => record.type === 'NSEC3');
    expect(nsec3).toHaveLength(1);
    expect(coveringNsec3(nsec3, nsec3Hash('x.wild.example.com', '', 0))).toBe(nsec3[0]);
  });

  it('compact: signed as the name\'s own (4 labels), with no denial at all', () => {
    const message = askSigned(load('compact'), 'ns1.example.com', 'x.wild.example.com', 'A');
    expect(sigLabels(message, 'A')).toEqual([4]);
    expect(message.authority.filter((record) => record.type === 'NSEC')).toEqual([]);
  });

  it('the wildcard\'s own name, asked as such, is no expansion: its labels leave out the *, and no NSEC comes with it', () => {
    const message = askSigned(load('nsec'), 'ns1.example.com', '*.wild.example.com', 'A');
    expect(sigLabels(message, 'A')).toEqual([3]);
    expect(message.authority.filter((record) => record.type === 'NSEC')).toEqual([]);
  });

  it.each(['nsec', 'nsec3', 'compact'])('a validating resolver answers x.wild.example.com with AD=1 (%s), and the literal wildcard name too', (denial) => {
    const world = load(denial);
    const result = simulateSession(world, [{ name: 'x.wild.example.com.', type: 'A', atMs: 0 }, { name: '*.wild.example.com.', type: 'A', atMs: 1000 }], { ...FIXED_RTT, personality: 'knot' }, 1);
    const replies = result.events.filter((event) => event.type === 'response-received' && event.to.role === 'stub');
    expect(replies.map((event) => event.type === 'response-received' && [event.message.rcode, event.message.flags.ad])).toEqual([['NOERROR', true], ['NOERROR', true]]);
  });
});

// RFC 4592 section 2.2.2: a name with nothing of its own but names below it exists (an empty non-terminal), so it is a
// closest encloser of its own, and a wildcard above it does not reach the names below it.
const WITH_TOP_WILDCARD = `${TEST_FILES['example.com.zone']!}* A 203.0.113.99\n`;

describe('a wildcard and an empty non-terminal (RFC 4592 section 2.2.2)', () => {
  it.each<[string, string, string, string[]]>([
    ['a name directly below the apex', 'zzz.example.com', 'NOERROR', ['203.0.113.99']],
    ['the empty non-terminal c.example.com (a.b.c exists)', 'c.example.com', 'NOERROR', []],
    ['a name below the empty non-terminal', 'x.c.example.com', 'NXDOMAIN', []],
    ['a name below the deeper empty non-terminal b.c', 'x.b.c.example.com', 'NXDOMAIN', []],
  ])('%s: %s is %s', (_name, qname, rcode, addresses) => {
    const message = askSigned(load('nsec', WITH_TOP_WILDCARD), 'ns1.example.com', qname, 'A', false);
    expect([message.rcode, message.answer.map((record) => record.data)]).toEqual([rcode, addresses]);
  });
});
