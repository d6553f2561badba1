import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, type DnsMessage } from '../../../../src/core/dns-sim/wire/wire.js';
import type { ResourceRecord } from '../../../../src/core/dns-sim/world/world.js';

const question = { name: 'www.example.com', type: 'A' as const };
const base: DnsMessage = { id: 0x1234, qr: false, rd: true, rcode: 'NOERROR', question, answer: [], authority: [], additional: [] };

describe('wire encoding', () => {
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
