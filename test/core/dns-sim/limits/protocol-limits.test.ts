import { describe, expect, it } from 'vitest';
import { simulateResolution } from '../../../../src/core/dns-sim/simulate.js';
import { encodeMessage, encodeWithinLimit, type DnsMessage } from '../../../../src/core/dns-sim/wire/wire.js';
import type { ResourceRecord } from '../../../../src/core/dns-sim/world/world.js';
import { parseWorldFiles } from '../../../../src/core/dns-sim/world/world-files.js';
import { FIXED_RTT, TEST_FILES, testWorld } from '../sim-fixture.js';

const question = { name: 'big.example.com', type: 'TXT' as const };
const reply: DnsMessage = { id: 1, qr: true, aa: true, rcode: 'NOERROR', question, answer: [], authority: [], additional: [] };
const txt = (strings: number, letter = 'a'): ResourceRecord => ({ name: 'big.example.com', type: 'TXT', ttlSeconds: 60, data: Array.from({ length: strings }, () => letter.repeat(250)) });
// Five records of 60 strings of 250 bytes: 15,060 bytes of RDATA each, 75,355 bytes of answer in all.
const HUGE_RRSET = 'abcde'.split('').map((letter) => txt(60, letter));
// The fixture already has a small "big" TXT RRset: these records go at "huge".
const zoneLines = (records: number, strings: number) =>
  Array.from({ length: records }, (_, r) => `huge TXT ${Array.from({ length: strings }, () => `"${String.fromCharCode(97 + r).repeat(250)}"`).join(' ')}`).join('\n');

describe('the wire encoder keeps the protocol limits (RFC 1035 3.2.1, RFC 7766 section 8)', () => {
  it('does not crash on a record whose RDATA passes 65,535 bytes: it cannot fit, so the message is cut with TC=1 even at the TCP limit', () => {
    // 300 strings of 250 bytes: 75,300 bytes of RDATA, which RDLENGTH cannot hold.
    const message = { ...reply, answer: [txt(300)] };
    const wire = encodeWithinLimit(message, 65535);
    expect([wire.truncated, wire.view.flags.tc, wire.view.answer.length, wire.fullBytes]).toEqual([true, true, 0, Number.POSITIVE_INFINITY]);
  });

  it('cuts an RRset that cannot fit 65,535 bytes with TC=1 over TCP, and measures the whole message in the same pass', () => {
    const message = { ...reply, answer: HUGE_RRSET };
    const wire = encodeWithinLimit(message, 65535);
    expect([wire.truncated, wire.view.answer.length, wire.passes]).toEqual([true, 0, 1]);
    expect(wire.fullBytes).toBe(encodeMessage(message).length);
    expect(wire.fullBytes).toBeGreaterThan(65535);
  });
});

describe('a zone whose data no message can carry', () => {
  it('is refused at load, naming the file and line, when one TXT record passes 65,535 bytes of RDATA', () => {
    const files = { ...TEST_FILES, 'example.com.zone': `${TEST_FILES['example.com.zone']}${zoneLines(1, 300)}\n` };
    const { errors } = parseWorldFiles(Object.entries(files).map(([name, text]) => ({ name, text })));
    const line = files['example.com.zone']!.split('\n').length - 1;
    expect(errors).toEqual([expect.objectContaining({ file: 'example.com.zone', line, message: expect.stringContaining('75300 bytes') })]);
  });

  it('loads with a warning naming the file and line when an RRset passes 65,535 bytes', () => {
    const world = testWorld({ 'example.com.zone': `${TEST_FILES['example.com.zone']}${zoneLines(5, 60)}\n` });
    const line = TEST_FILES['example.com.zone']!.split('\n').length;
    const warning = world.warnings.find((entry) => entry.code === 'rrset-too-large');
    expect(warning?.source).toBe(`example.com.zone:${line}`);
    expect(warning?.message).toMatch(new RegExp(`^example\\.com\\.zone:${line}: the 5 TXT records of huge\\.example\\.com need at least \\d+ bytes`));
  });

  it.each(['unbound', 'bind', 'knot'] as const)('ends in SERVFAIL under %s, not NODATA: TC=1 over TCP is thrown away', (personality) => {
    const files: Record<string, string> = { ...TEST_FILES, 'example.com.zone': `${TEST_FILES['example.com.zone']}${zoneLines(5, 60)}\n` };
    const world = testWorld(files);
    const result = simulateResolution(world, { name: 'huge.example.com', type: 'TXT' }, { ...FIXED_RTT, personality }, 1);
    const tcpTruncated = result.events.filter((event) => event.type === 'response-received' && event.transport === 'tcp' && event.kind === 'truncated');
    expect(tcpTruncated.length).toBeGreaterThan(0);
    // Unbound's walk outlasts its discard-timeout, so the client gets no reply and the trace says how the walk ended.
    const servfail = result.events.some((event) =>
      (event.type === 'response-received' && event.to.role === 'stub' && event.message.rcode === 'SERVFAIL') ||
      (event.type === 'reply-discarded' && /ends at \d+ ms: SERVFAIL/.test(event.explanation)));
    expect(servfail).toBe(true);
    expect(result.outcomes[0]!.status).not.toBe('nodata');
  });
});
