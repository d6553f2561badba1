import { describe, expect, it } from 'vitest';
import { answerAsServer } from '../../../../src/core/dns-sim/servers/authoritative.js';
import { classifyResponse } from '../../../../src/core/dns-sim/wire/explain.js';
import { encodeWithinLimit, type DnsMessage } from '../../../../src/core/dns-sim/wire/wire.js';
import type { RecordType, ServerSpec } from '../../../../src/core/dns-sim/world/world.js';
import { testWorld } from '../sim-fixture.js';

const world = testWorld();
const server = (name: string): ServerSpec => world.servers.find((candidate) => candidate.name === name)!;
const ask = (serverName: string, name: string, type: RecordType, edns = true) => {
  const query: DnsMessage = { id: 7, qr: false, rd: false, rcode: 'NOERROR', question: { name, type }, answer: [], authority: [], additional: [], ...(edns ? { ednsUdpPayloadBytes: 1232 } : {}) };
  const reply = answerAsServer(world, server(serverName), query, 'udp');
  if (reply.kind !== 'message') throw new Error(`expected a message, got ${reply.kind}`);
  return { reply, message: reply.message, kind: classifyResponse(reply.message) };
};

describe('authoritative answers', () => {
  it.each([
    ['ns1.example.com', 'www.example.com', 'A', 'answer', 'NOERROR', true, ['203.0.113.10']],
    ['ns1.example.com', 'alias.example.com', 'A', 'answer', 'NOERROR', true, ['www.example.com', '203.0.113.10']],
    ['ns1.example.com', 'www.example.com', 'MX', 'nodata', 'NOERROR', true, []],
    ['ns1.example.com', 'b.c.example.com', 'A', 'nodata', 'NOERROR', true, []],
    ['ns1.example.com', 'nope.example.com', 'A', 'nxdomain', 'NXDOMAIN', true, []],
    ['ns1.example.com', 'x.wild.example.com', 'A', 'answer', 'NOERROR', true, ['203.0.113.12']],
    ['a.root-servers.net', 'www.example.com', 'A', 'referral', 'NOERROR', false, []],
    ['a.gtld-servers.net', 'www.example.com', 'A', 'referral', 'NOERROR', false, []],
    ['ns1.example.com', 'www.sibling.com', 'A', 'refused', 'REFUSED', false, []],
  ] as const)('%s answers %s %s with %s', (serverName, name, type, kind, rcode, aa, data) => {
    const { message, kind: got } = ask(serverName, name, type);
    expect(got).toBe(kind);
    expect(message.rcode).toBe(rcode);
    expect(message.aa).toBe(aa);
    expect(message.answer.map((record) => String(record.data))).toEqual(data);
  });

  it('puts the SOA in the authority section of negative answers with TTL min(SOA TTL, MINIMUM) (RFC 2308 3)', () => {
    const { message } = ask('ns1.example.com', 'nope.example.com', 'A');
    expect(message.authority).toHaveLength(1);
    expect(message.authority[0]).toMatchObject({ type: 'SOA', name: 'example.com', ttlSeconds: 300 });
  });

  it('gives a wildcard answer the query name as owner (RFC 4592)', () => {
    expect(ask('ns1.example.com', 'x.wild.example.com', 'A').message.answer[0]!.name).toBe('x.wild.example.com');
  });

  it('refers with the NS set in authority and glue in additional, glue inside the cut being required', () => {
    const { message, reply } = ask('a.gtld-servers.net', 'www.example.com', 'A');
    expect(message.authority.map((record) => record.data)).toEqual(['ns1.example.com', 'ns2.example.com']);
    expect(message.additional.map((record) => record.name)).toEqual(['ns1.example.com', 'ns2.example.com']);
    expect(reply.kind === 'message' && reply.isRequiredAdditional(message.additional[0]!)).toBe(true);
  });

  it('adds sibling glue from another zone the same server serves', () => {
    const { message, reply } = ask('a.gtld-servers.net', 'www.sibling.com', 'A');
    expect(message.additional.map((record) => record.name)).toEqual(['ns1.hoster.net']);
    expect(reply.kind === 'message' && reply.isRequiredAdditional(message.additional[0]!)).toBe(false);
  });

  it('truncates an answer bigger than the requester\'s buffer: 512 bytes without EDNS', () => {
    const withEdns = ask('ns1.example.com', 'big.example.com', 'TXT', true);
    const without = ask('ns1.example.com', 'big.example.com', 'TXT', false);
    expect(withEdns.reply.kind === 'message' && withEdns.reply.udpLimitBytes).toBe(1232);
    expect(without.reply.kind === 'message' && without.reply.udpLimitBytes).toBe(512);
    const wire = encodeWithinLimit(without.message, 512);
    expect(wire.truncated).toBe(true);
    expect(wire.message.tc).toBe(true);
  });

  it.each([
    ['drop', 'drop'],
    ['unreachable', 'unreachable'],
  ] as const)('a server with behaviour %s does not answer (%s)', (behaviour, kind) => {
    const dead = { ...server('ns1.example.com'), behaviour };
    const reply = answerAsServer(world, dead, { id: 1, qr: false, rcode: 'NOERROR', question: { name: 'www.example.com', type: 'A' }, answer: [], authority: [], additional: [] }, 'udp');
    expect(reply.kind).toBe(kind);
  });

  it('a server configured to refuse answers REFUSED', () => {
    const refusing = { ...server('ns1.example.com'), behaviour: 'refused' as const };
    const reply = answerAsServer(world, refusing, { id: 1, qr: false, rcode: 'NOERROR', question: { name: 'www.example.com', type: 'A' }, answer: [], authority: [], additional: [] }, 'udp');
    expect(reply.kind === 'message' && reply.message.rcode).toBe('REFUSED');
  });

  it('follows a CNAME loop inside its own zones only once around', () => {
    const looped = testWorld({ 'example.com.zone': `${'$'}ORIGIN example.com.\n@ 3600 SOA ns1 hostmaster 1 2 3 4 300\n@ 3600 NS ns1\nns1 3600 A 192.0.2.1\nloop1 3600 CNAME loop2\nloop2 3600 CNAME loop1\n` });
    const reply = answerAsServer(looped, looped.servers.find((s) => s.name === 'ns1.example.com')!, { id: 1, qr: false, rcode: 'NOERROR', question: { name: 'loop1.example.com', type: 'A' }, answer: [], authority: [], additional: [] }, 'udp');
    expect(reply.kind === 'message' && reply.message.answer.map((record) => `${record.name}>${record.data}`)).toEqual(['loop1.example.com>loop2.example.com', 'loop2.example.com>loop1.example.com']);
  });
});
