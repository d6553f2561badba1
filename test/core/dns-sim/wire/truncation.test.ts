import { describe, expect, it } from 'vitest';
import { encodeMessage, encodeWithinLimit, type DnsMessage } from '../../../../src/core/dns-sim/wire/wire.js';
import type { ResourceRecord } from '../../../../src/core/dns-sim/world/world.js';

const question = { name: 'www.example.com', type: 'A' as const };
const base: DnsMessage = { id: 0x1234, qr: true, rd: true, rcode: 'NOERROR', question, answer: [], authority: [], additional: [] };
const txt = (...texts: string[]): ResourceRecord => ({ name: 'www.example.com', type: 'TXT', ttlSeconds: 60, data: texts });
// A 314-byte answer record: the owner as a pointer (2), 10 fixed bytes, RDLENGTH (2), and strings of 250 and 50 bytes (302).
const BIG_TXT = txt('x'.repeat(250), 'y'.repeat(50));
const glue = (name: string): ResourceRecord => ({ name, type: 'A', ttlSeconds: 60, data: '192.0.2.1' });
const names = (records: { name: string }[]): string[] => records.map((record) => record.name);
// Nine out-of-zone glue records: the first costs 29 bytes (example.net in full), each after it 18 ("x" and a pointer).
const NINE_GLUE = 'abcdefghi'.split('').map((letter) => glue(`${letter}.example.net`));
const inZone = (record: ResourceRecord): boolean => record.name.endsWith('.example.com');

describe('truncation to a UDP size limit (RFC 1035 section 4.2.1, RFC 2181 section 9)', () => {
  it('leaves a message that fits alone', () => {
    const result = encodeWithinLimit({ ...base, answer: [txt('short')] }, 512);
    expect([result.truncated, result.view.flags.tc, result.bytes.length]).toEqual([false, false, encodeMessage({ ...base, answer: [txt('short')] }).length]);
  });

  it('keeps the optional additional records that fit, in order, and sets no TC', () => {
    // 33 bytes of header and question, 314 of answer, then glue: 29 + 7 x 18 = 155 more fit in 512; the ninth does not.
    const message: DnsMessage = { ...base, answer: [BIG_TXT], additional: NINE_GLUE };
    expect(encodeMessage(message).length).toBe(33 + 314 + 29 + 8 * 18);
    const result = encodeWithinLimit(message, 512);
    expect(result.truncated).toBe(false);
    expect(result.view.flags.tc).toBe(false);
    expect(names(result.view.additional)).toEqual(names(NINE_GLUE.slice(0, 8)));
    expect(result.bytes.length).toBe(33 + 314 + 29 + 7 * 18);
  });

  it('sets TC=1 and keeps only the RRsets before the first answer RRset that does not fit', () => {
    const cname: ResourceRecord = { name: 'www.example.com', type: 'CNAME', ttlSeconds: 60, data: 'web.example.com' };
    const big = (letter: string): ResourceRecord => ({ name: 'web.example.com', type: 'TXT', ttlSeconds: 60, data: [letter.repeat(250)] });
    const result = encodeWithinLimit({ ...base, answer: [cname, big('a'), big('b')], additional: [glue('ns.example.net')] }, 512);
    expect(result.truncated).toBe(true);
    expect(result.view.flags.tc).toBe(true);
    expect(result.view.answer.map((record) => record.type)).toEqual(['CNAME']);
    expect(result.view.additional).toEqual([]);
  });

  it('keeps the OPT record within the limit when it truncates (RFC 6891 section 7)', () => {
    const result = encodeWithinLimit({ ...base, ednsUdpPayloadBytes: 1232, answer: Array.from({ length: 6 }, () => txt('y'.repeat(250))) }, 1232);
    expect(result.truncated).toBe(true);
    expect(result.view.ednsUdpPayloadBytes).toBe(1232);
    expect(result.bytes.length).toBeLessThanOrEqual(1232);
  });

  it('sets TC=1 when required glue does not fit (RFC 9471)', () => {
    const many = Array.from({ length: 20 }, (_, i) => glue(`ns${i}.example.com`));
    const result = encodeWithinLimit({ ...base, additional: many }, 200, () => true);
    expect(result.truncated).toBe(true);
    expect(result.bytes.length).toBeLessThanOrEqual(200);
  });

  it('puts required glue before optional glue when not everything fits, as BIND 9.18 renders it', () => {
    const required = glue('ns1.example.com');
    const message: DnsMessage = { ...base, answer: [BIG_TXT], additional: [...NINE_GLUE, required] };
    const result = encodeWithinLimit(message, 512, inZone);
    expect(result.truncated).toBe(false);
    expect(names(result.view.additional)[0]).toBe('ns1.example.com');
    expect(names(result.view.additional).slice(1)).toEqual(names(NINE_GLUE.slice(0, result.view.additional.length - 1)));
  });

  it('keeps the order it was given when everything fits', () => {
    const message: DnsMessage = { ...base, additional: [glue('a.example.net'), glue('ns1.example.com')] };
    expect(names(encodeWithinLimit(message, 512, inZone).view.additional)).toEqual(['a.example.net', 'ns1.example.com']);
  });
});
