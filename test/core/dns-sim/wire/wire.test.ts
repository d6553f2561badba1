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

  it('does not change the records it encodes (dns-packet rewrites TXT arrays in place)', () => {
    const txt: ResourceRecord = { name: 'example.com', type: 'TXT', ttlSeconds: 60, data: ['hello'] };
    encodeMessage({ ...base, qr: true, answer: [txt] });
    expect(txt.data).toEqual(['hello']);
  });
});
