import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, MalformedMessageError, type DnsMessage } from '../../../../src/core/dns-sim/wire/wire.js';
import type { ResourceRecord } from '../../../../src/core/dns-sim/world/world.js';

const base: DnsMessage = { id: 0x1a2b, qr: true, aa: true, rcode: 'NOERROR', question: { name: 'www.example.com', type: 'A' }, answer: [], authority: [], additional: [] };
const signature = Buffer.alloc(64, 7).toString('base64');

const key = Buffer.alloc(64, 3).toString('base64');

// One record of every type the simulator makes, with names that share suffixes so that they
// compress, and the RDATA as a trace shows it (master-file presentation form, RFC 1035 section 5.1).
const EVERY_TYPE: [ResourceRecord, string][] = [
  [{ name: 'www.example.com', type: 'A', ttlSeconds: 60, data: '192.0.2.1' }, '192.0.2.1'],
  [{ name: 'www.example.com', type: 'AAAA', ttlSeconds: 60, data: '2001:db8::1' }, '2001:db8::1'],
  [{ name: 'www.example.com', type: 'CNAME', ttlSeconds: 60, data: 'web.example.com' }, 'web.example.com.'],
  [{ name: 'example.com', type: 'NS', ttlSeconds: 60, data: 'ns1.example.com' }, 'ns1.example.com.'],
  [{ name: 'example.com', type: 'MX', ttlSeconds: 60, data: { preference: 10, exchange: 'mail.example.com' } }, '10 mail.example.com.'],
  [{ name: 'example.com', type: 'TXT', ttlSeconds: 60, data: ['v=spf1 -all', 'say "hi"'] }, '"v=spf1 -all" "say \\"hi\\""'],
  [{ name: 'example.com', type: 'SOA', ttlSeconds: 60, data: { mname: 'ns1.example.com', rname: 'hostmaster.example.com', serial: 1, refresh: 2, retry: 3, expire: 4, minimum: 5 } }, 'ns1.example.com. hostmaster.example.com. 1 2 3 4 5'],
  [{ name: '_sip._tcp.example.com', type: 'SRV', ttlSeconds: 60, data: { priority: 10, weight: 5, port: 5060, target: 'sip.example.com' } }, '10 5 5060 sip.example.com.'],
  [{ name: '1.2.0.192.in-addr.arpa', type: 'PTR', ttlSeconds: 60, data: 'www.example.com' }, 'www.example.com.'],
  [{ name: 'example.com', type: 'CAA', ttlSeconds: 60, data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' } }, '0 issue "letsencrypt.org"'],
  [{ name: 'example.com', type: 'DNSKEY', ttlSeconds: 60, data: { flags: 257, algorithm: 13, key } }, `257 3 13 ${key}`],
  [{ name: 'example.com', type: 'DS', ttlSeconds: 60, data: { keyTag: 12345, algorithm: 13, digestType: 2, digest: 'ab'.repeat(32) } }, `12345 13 2 ${'AB'.repeat(32)}`],
  [{ name: 'example.com', type: 'NSEC', ttlSeconds: 60, data: { nextDomain: 'www.example.com', types: ['A', 'NS', 'SOA', 'RRSIG', 'NSEC'] } }, 'www.example.com. A NS SOA RRSIG NSEC'],
  [{ name: 'example.com', type: 'RRSIG', ttlSeconds: 60, data: { typeCovered: 'NS', algorithm: 13, labels: 2, originalTtl: 60, expiration: 1_800_000_000, inception: 1_700_000_000, keyTag: 12345, signersName: 'example.com', signature } }, `NS 13 2 60 20270115080000 20231114221320 12345 example.com. ${signature}`],
  [{ name: '', type: 'NS', ttlSeconds: 60, data: 'a.root-servers.net' }, 'a.root-servers.net.'],
];
const RECORDS = EVERY_TYPE.map(([record]) => record);

describe('decoding the compressed bytes the simulator writes', () => {
  it.each(EVERY_TYPE.map(([record, text]) => [record.type, record, text] as const))('round-trips %s in every section, shown as %s', (_type, record, text) => {
    const message: DnsMessage = { ...base, answer: [record], authority: [record], additional: [record] };
    const { message: decoded, view } = decodeMessage(encodeMessage(message));
    expect([decoded.answer, decoded.authority, decoded.additional]).toEqual([[record], [record], [record]]);
    expect([view.answer[0]!.data, view.authority[0]!.data, view.additional[0]!.data]).toEqual([text, text, text]);
  });

  it('round-trips all of them in one message, with the OPT record, EDE and ECS', () => {
    const message: DnsMessage = { ...base, answer: RECORDS, authority: RECORDS, additional: RECORDS, ednsUdpPayloadBytes: 1232, dnssecOk: true, ede: [{ code: 22, text: 'no reachable authority' }], ecs: { address: '198.51.100.0', sourcePrefixLength: 24, scopePrefixLength: 0 } };
    expect(decodeMessage(encodeMessage(message)).message).toEqual({ ...message, tc: false, rd: false, ra: false, ad: false, cd: false });
  });
});

describe('malformed messages are reported, never followed forever', () => {
  const header = '1a2b 8000 0001 0000 0000 0000';
  it.each([
    ['a pointer to itself', `${header} c00c 0001 0001`],
    ['a pointer forward', `${header} c00e 01 61 00 0001 0001`],
    ['a pointer past the end', `${header} c0ff 0001 0001`],
    // The owner at offset 19 points to 21, which points back to 19.
    ['a two-pointer loop in an answer owner', `1a2b 8000 0001 0001 0000 0000 01 61 00 0001 0001 c015 c013 0001 0000003c 0004 c0000201`],
    ['a message cut short', `${header} 07 6578616d`],
    ['a reserved label type (0x40)', `${header} 41 61 00 0001 0001`],
  ])('%s', (_label, text) => {
    const bytes = Buffer.from(text.replace(/\s+/g, ''), 'hex');
    expect(() => decodeMessage(bytes)).toThrow(MalformedMessageError);
  });
});
