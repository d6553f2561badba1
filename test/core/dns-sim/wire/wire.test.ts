import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, encodeWithinLimit, type DnsMessage } from '../../../../src/core/dns-sim/wire/wire.js';
import type { ResourceRecord } from '../../../../src/core/dns-sim/world/world.js';

const question = { name: 'www.example.com', type: 'A' as const };
const base: DnsMessage = { id: 0x1234, qr: false, rd: true, rcode: 'NOERROR', question, answer: [], authority: [], additional: [] };

describe('wire encoding with dns-packet', () => {
  it('encodes a plain query in 33 bytes: 12 header, 17 name, 4 type and class (RFC 1035 4.1)', () => {
    const bytes = encodeMessage(base);
    expect(bytes.length).toBe(33);
    expect(Buffer.from(bytes.subarray(0, 4)).toString('hex')).toBe('12340100');
  });

  it('adds an 11-byte OPT record when EDNS is used (RFC 6891)', () => {
    const bytes = encodeMessage({ ...base, ednsUdpPayloadBytes: 1232 });
    expect(bytes.length).toBe(44);
    expect(decodeMessage(bytes).view.ednsUdpPayloadBytes).toBe(1232);
  });

  it.each([
    [{ aa: true }, 'aa'],
    [{ tc: true }, 'tc'],
    [{ ra: true }, 'ra'],
    [{ ad: true }, 'ad'],
    [{ cd: true }, 'cd'],
  ] as const)('round-trips header flag %o', (flags, name) => {
    const { view } = decodeMessage(encodeMessage({ ...base, qr: true, ...flags }));
    expect(view.flags[name]).toBe(true);
    expect(view.flags.qr).toBe(true);
    expect(view.flags.opcode).toBe('QUERY');
  });

  it.each(['NOERROR', 'SERVFAIL', 'NXDOMAIN', 'REFUSED'] as const)('round-trips rcode %s', (rcode) => {
    expect(decodeMessage(encodeMessage({ ...base, qr: true, rcode })).message.rcode).toBe(rcode);
  });

  it('round-trips every record type the world knows, in presentation form', () => {
    const records: ResourceRecord[] = [
      { name: 'example.com', type: 'A', ttlSeconds: 60, data: '192.0.2.1' },
      { name: 'example.com', type: 'AAAA', ttlSeconds: 60, data: '2001:db8::1' },
      { name: 'example.com', type: 'MX', ttlSeconds: 60, data: { preference: 10, exchange: 'mail.example.com' } },
      { name: 'example.com', type: 'TXT', ttlSeconds: 60, data: ['v=spf1 -all', 'say "hi"'] },
      { name: 'example.com', type: 'SOA', ttlSeconds: 60, data: { mname: 'ns1.example.com', rname: 'hostmaster.example.com', serial: 1, refresh: 2, retry: 3, expire: 4, minimum: 5 } },
      { name: '_sip._tcp.example.com', type: 'SRV', ttlSeconds: 60, data: { priority: 10, weight: 5, port: 5060, target: 'sip.example.com' } },
      { name: 'example.com', type: 'CAA', ttlSeconds: 60, data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' } },
      { name: 'www.example.com', type: 'CNAME', ttlSeconds: 60, data: 'example.com' },
    ];
    const { view, message } = decodeMessage(encodeMessage({ ...base, qr: true, answer: records }));
    expect(message.answer).toEqual(records);
    expect(view.answer.map((record) => record.data)).toEqual([
      '192.0.2.1', '2001:db8::1', '10 mail.example.com.', '"v=spf1 -all" "say \\"hi\\""',
      'ns1.example.com. hostmaster.example.com. 1 2 3 4 5', '10 5 5060 sip.example.com.', '0 issue "letsencrypt.org"', 'example.com.',
    ]);
  });

  it('does not change the records it encodes (dns-packet rewrites TXT arrays in place)', () => {
    const txt: ResourceRecord = { name: 'example.com', type: 'TXT', ttlSeconds: 60, data: ['hello'] };
    encodeMessage({ ...base, qr: true, answer: [txt] });
    expect(txt.data).toEqual(['hello']);
  });
});

describe('truncation to a size limit', () => {
  const txt = (text: string): ResourceRecord => ({ name: 'www.example.com', type: 'TXT', ttlSeconds: 60, data: [text] });
  const glue = (name: string): ResourceRecord => ({ name, type: 'A', ttlSeconds: 60, data: '192.0.2.1' });

  it('leaves a message that fits alone', () => {
    const result = encodeWithinLimit({ ...base, qr: true, answer: [txt('short')] }, 512);
    expect(result.truncated).toBe(false);
    expect(result.view.flags.tc).toBe(false);
  });

  it('drops optional additional records first, without TC=1 (RFC 2181 9)', () => {
    const message: DnsMessage = { ...base, qr: true, answer: [txt('x'.repeat(200))], additional: [glue('a.example.net'), glue('b.example.net'), glue('c.example.net'), glue('d.example.net'), glue('e.example.net'), glue('f.example.net'), glue('g.example.net'), glue('h.example.net'), glue('i.example.net')] };
    expect(encodeMessage(message).length).toBeGreaterThan(512);
    const result = encodeWithinLimit(message, 512);
    expect(result.truncated).toBe(false);
    expect(result.view.additional).toEqual([]);
    expect(result.view.answer).toHaveLength(1);
  });

  it('sets TC=1 and drops whole RRsets when the answer itself does not fit', () => {
    const message: DnsMessage = { ...base, qr: true, answer: [txt('a'.repeat(250)), txt('b'.repeat(250)), txt('c'.repeat(250))] };
    const result = encodeWithinLimit(message, 512);
    expect(result.truncated).toBe(true);
    expect(result.view.flags.tc).toBe(true);
    expect(result.bytes.length).toBeLessThanOrEqual(512);
    expect(result.view.sizeBytes).toBe(result.bytes.length);
    expect(result.view.hex).toBe(Buffer.from(result.bytes).toString('hex'));
  });

  it('sets TC=1 when required glue would be lost (RFC 9471)', () => {
    const many = Array.from({ length: 20 }, (_, i) => glue(`ns${i}.example.com`));
    const result = encodeWithinLimit({ ...base, qr: true, additional: many }, 200, () => true);
    expect(result.truncated).toBe(true);
    expect(result.bytes.length).toBeLessThanOrEqual(200);
  });
});
