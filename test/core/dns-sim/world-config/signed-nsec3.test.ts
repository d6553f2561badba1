import { describe, expect, it } from 'vitest';
import { simulateSession, type SimulationResult } from '../../../../src/core/dns-sim/simulate.js';
import { decodeMessage, encodeMessage, type DnsMessage } from '../../../../src/core/dns-sim/wire/wire.js';
import { rdataText } from '../../../../src/core/dns-sim/wire/wire-records.js';
import { nsec3DenialProblem } from '../../../../src/core/dns-sim/world/nsec3-proof.js';
import type { RecordType, ResourceRecord, World } from '../../../../src/core/dns-sim/world/world.js';
import { FIXED_RTT } from '../sim-fixture.js';
import { askSigned, loadWith, serversYaml } from './config-fixture.js';

const CHAIN = 'signed_zones:\n  - { zone: "." }\n  - { zone: com }\n';
const load = (signed: string, resolver = ''): World => {
  const { world, errors } = loadWith({ 'servers.yaml': serversYaml(resolver, signed) });
  expect(errors).toEqual([]);
  return world;
};
const NSEC3_EXAMPLE = `${CHAIN}  - { zone: example.com, denial: nsec3 }\n`;

describe('denial: nsec3 in signed_zones', () => {
  it.each<[string, string, object]>([
    ['RFC 9276\'s advice when nothing more is written', '{ zone: example.com, denial: nsec3 }', { zone: 'example.com', iterations: 0, salt: '' }],
    ['iterations and a salt, the salt lower-cased', '{ zone: example.com, denial: nsec3, iterations: 10, salt: C01DCAFE }', { zone: 'example.com', iterations: 10, salt: 'c01dcafe' }],
    ['"-" for no salt, as NSEC3PARAM writes it', '{ zone: example.com, denial: nsec3, salt: "-" }', { zone: 'example.com', iterations: 0, salt: '' }],
  ])('reads %s', (_name, entry, nsec3) => {
    expect(load(`${CHAIN}  - ${entry}\n`).dnssec?.nsec3Zones).toEqual([nsec3]);
  });

  it.each<[string, string, string]>([
    ['iterations past 150', '{ zone: com, denial: nsec3, iterations: 151 }', "servers.yaml:11: iterations 151 must be a whole number from 0 to 150 (0 is RFC 9276's advice)"],
    ['iterations that are no whole number', '{ zone: com, denial: nsec3, iterations: 1.5 }', "servers.yaml:11: iterations 1.5 must be a whole number from 0 to 150 (0 is RFC 9276's advice)"],
    ['a salt that is not hex', '{ zone: com, denial: nsec3, salt: xyz }', 'servers.yaml:11: salt "xyz" must be hex digits in pairs, at most 255 bytes, or "-" for none (RFC 9276\'s advice)'],
    ['a salt of an odd length', '{ zone: com, denial: nsec3, salt: abc }', 'servers.yaml:11: salt "abc" must be hex digits in pairs, at most 255 bytes, or "-" for none (RFC 9276\'s advice)'],
    ['NSEC3 parameters on an NSEC zone', '{ zone: com, iterations: 0 }', "servers.yaml:11: 'iterations' is a parameter of NSEC3: it needs denial: nsec3"],
    ['a denial that is no method', '{ zone: com, denial: nsec5 }', 'servers.yaml:11: denial "nsec5" is not nsec, nsec3, compact'],
  ])('refuses %s', (_name, entry, error) => {
    expect(loadWith({ 'servers.yaml': serversYaml('', `signed_zones:\n  - ${entry}\n`) }).errors).toEqual([error]);
  });
});

const ask = askSigned;
const nsec3s = (message: DnsMessage): (ResourceRecord & { type: 'NSEC3' })[] => message.authority.filter((record): record is ResourceRecord & { type: 'NSEC3' } => record.type === 'NSEC3');

describe('an NSEC3 zone\'s denials (RFC 5155 section 7.2)', () => {
  const world = load(NSEC3_EXAMPLE);
  it.each<[string, string, RecordType, string, number, string[] | undefined]>([
    // A name that does not exist: the apex matches as closest encloser, and two more records cover the next closer name and the wildcard.
    ['a name that does not exist', 'nope.example.com', 'A', 'NXDOMAIN', 3, undefined],
    ['a name two labels below a name that does not exist', 'x.nope.example.com', 'A', 'NXDOMAIN', 3, undefined],
    ['a type the name does not have', 'www.example.com', 'MX', 'NOERROR', 1, ['A', 'AAAA', 'RRSIG']],
    ['an empty non-terminal (a.b.c exists)', 'b.c.example.com', 'A', 'NOERROR', 1, []],
    // Section 7.2.5: the closest encloser proof, and the wildcard's own record, which lacks MX.
    ['a type a wildcard\'s name lacks', 'x.wild.example.com', 'MX', 'NOERROR', 3, undefined],
    ['a type the apex lacks', 'example.com', 'TXT', 'NOERROR', 1, ['NS', 'SOA', 'RRSIG', 'DNSKEY', 'NSEC3PARAM']],
  ])('%s: %s %s', (_name, qname, qtype, rcode, count, bitmap) => {
    const message = ask(world, 'ns1.example.com', qname, qtype);
    expect(message.rcode).toBe(rcode);
    expect(message.authority.some((record) => record.type === 'NSEC')).toBe(false);
    expect(nsec3s(message).length).toBeLessThanOrEqual(count);
    expect(nsec3s(message).length).toBeGreaterThan(0);
    if (bitmap) expect(nsec3s(message)[0]!.data.types).toEqual(bitmap);
    // Every NSEC3 is signed, and the records prove what they deny as a validator checks them.
    for (const record of nsec3s(message)) expect(message.authority.some((sig) => sig.type === 'RRSIG' && sig.name === record.name && sig.data.typeCovered === 'NSEC3')).toBe(true);
    expect(nsec3DenialProblem('example.com', qname, qtype, rcode === 'NXDOMAIN', message.authority)).toBeUndefined();
  });

  it('answers NSEC3PARAM at the apex (1 0 0 -), signed, and shows NSEC3 records in presentation form', () => {
    const message = ask(world, 'ns1.example.com', 'example.com', 'NSEC3PARAM');
    expect(message.answer.map((record) => `${record.type} ${rdataText(record)}`)).toEqual([expect.stringMatching(/^NSEC3PARAM 1 0 0 -$/), expect.stringMatching(/^RRSIG NSEC3PARAM 13 2 /)]);
    const nsec3 = nsec3s(ask(world, 'ns1.example.com', 'www.example.com', 'MX'))[0]!;
    expect(nsec3.name).toMatch(/^[0-9a-v]{32}\.example\.com$/);
    expect(rdataText(nsec3)).toMatch(/^1 0 0 - [0-9A-V]{32} A AAAA RRSIG$/);
  });

  it('an NSEC3 zone with iterations and a salt hashes with them', () => {
    const salted = load(`${CHAIN}  - { zone: example.com, denial: nsec3, iterations: 5, salt: aabbccdd }\n`);
    const message = ask(salted, 'ns1.example.com', 'nope.example.com', 'A');
    expect(rdataText(nsec3s(message)[0]!)).toMatch(/^1 0 5 AABBCCDD /);
    expect(nsec3DenialProblem('example.com', 'nope.example.com', 'A', true, message.authority)).toBeUndefined();
    expect(nsec3s(message).map((record) => record.name)).not.toEqual(nsec3s(ask(world, 'ns1.example.com', 'nope.example.com', 'A')).map((record) => record.name));
  });

  it('NSEC3 and NSEC3PARAM survive the wire: encoded and decoded, they read the same', () => {
    const message = ask(world, 'ns1.example.com', 'nope.example.com', 'A');
    const param = ask(world, 'ns1.example.com', 'example.com', 'NSEC3PARAM');
    for (const sent of [message, param]) {
      const decoded = decodeMessage(encodeMessage(sent)).message;
      expect([...decoded.answer, ...decoded.authority].filter((record) => record.type.startsWith('NSEC3'))).toEqual([...sent.answer, ...sent.authority].filter((record) => record.type.startsWith('NSEC3')));
    }
  });

  it('a DS question for an unsigned child of an NSEC3 parent gets the NSEC3 matching the delegation: NS, no DS', () => {
    const parent = load(`signed_zones:\n  - { zone: "." }\n  - { zone: com, denial: nsec3 }\n`);
    const message = ask(parent, 'a.gtld-servers.net', 'example.com', 'DS');
    expect(nsec3s(message).map((record) => record.data.types)).toEqual([['NS']]);
    expect(nsec3DenialProblem('com', 'example.com', 'DS', false, message.authority)).toBeUndefined();
  });
});

describe('a validator checks the NSEC3 proof (RFC 5155 section 8)', () => {
  const world = load(NSEC3_EXAMPLE);
  const nx = ask(world, 'ns1.example.com', 'nope.example.com', 'A').authority;
  const without = (records: ResourceRecord[], drop: (record: ResourceRecord) => boolean): ResourceRecord[] => records.filter((record) => !drop(record));
  const apexHash = nsec3s({ authority: nx } as DnsMessage).find((record) => record.data.types.includes('SOA'))!.name;
  it.each<[string, ResourceRecord[], string, RecordType, boolean, RegExp]>([
    ['no NSEC3 at all', without(nx, (record) => record.type === 'NSEC3'), 'nope.example.com', 'A', true, /^no NSEC3 record of example\.com\. came/],
    ['the closest encloser\'s record left out', without(nx, (record) => record.name === apexHash), 'nope.example.com', 'A', true, /^no NSEC3 proves a closest encloser of nope\.example\.com\./],
    ['an NXDOMAIN proof offered for a name that exists', nx, 'www.example.com', 'A', true, /closest encloser|wildcard/],
    ['a NODATA whose matching record lists the type', ask(world, 'ns1.example.com', 'www.example.com', 'MX').authority, 'www.example.com', 'A', false, /lists A or CNAME/],
  ])('finds %s', (_name, authority, qname, qtype, nxdomain, problem) => {
    expect(nsec3DenialProblem('example.com', qname, qtype, nxdomain, authority)).toMatch(problem);
  });
});

function run(signed: string, name: string, type: RecordType, personality: string): SimulationResult {
  const world = load(signed, `  personality: ${personality}\n`);
  return simulateSession(world, [{ name, type, atMs: 0 }], { ...FIXED_RTT, personality: personality as 'knot' }, 1);
}

describe('a validating resolver meets an NSEC3 zone', () => {
  it.each<[string, string, RecordType, 'unbound' | 'bind' | 'knot', string]>([
    ['NXDOMAIN', 'nope.example.com', 'A', 'unbound', 'nxdomain'],
    ['NXDOMAIN', 'nope.example.com', 'A', 'bind', 'nxdomain'],
    ['NXDOMAIN', 'nope.example.com', 'A', 'knot', 'nxdomain'],
    ['NODATA', 'www.example.com', 'MX', 'unbound', 'nodata'],
    ['NODATA', 'www.example.com', 'MX', 'knot', 'nodata'],
  ])('%s for %s %s under %s is validated as secure (AD)', (_name, qname, qtype, personality, status) => {
    const result = run(NSEC3_EXAMPLE, qname, qtype, personality);
    expect(result.outcomes[0]!.status).toBe(status);
    const reply = result.events.find((event) => event.type === 'response-received' && event.to.role === 'stub');
    expect(reply?.type === 'response-received' && [reply.message.rcode, reply.message.flags.ad]).toEqual([status === 'nxdomain' ? 'NXDOMAIN' : 'NOERROR', true]);
    const nsec3Seen = result.events.some((event) => event.type === 'response-received' && event.message.authority.some((record) => record.type === 'NSEC3'));
    expect(nsec3Seen).toBe(true);
  });
});
