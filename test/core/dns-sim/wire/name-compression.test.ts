import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, encodeWithinLimit, type DnsMessage } from '../../../../src/core/dns-sim/wire/wire.js';
import type { ResourceRecord } from '../../../../src/core/dns-sim/world/world.js';

// Hex fixtures are written one field a line; spaces and the comments beside them are not bytes.
const hex = (...fields: string[]): string => fields.join('').replace(/\s+/g, '');
const encoded = (message: DnsMessage): string => Buffer.from(encodeMessage(message)).toString('hex');
const query = (name: string, type: DnsMessage['question']['type'], extra: Partial<DnsMessage> = {}): DnsMessage => ({
  id: 0x1a2b, qr: false, rd: true, rcode: 'NOERROR', question: { name, type }, answer: [], authority: [], additional: [], ...extra,
});

// The question example.com A, as every fixture below that asks it starts.
const EXAMPLE_COM_A = [
  '07 6578616d706c65', // offset 12: 7 "example"
  '03 636f6d 00', //      offset 20: 3 "com" (offset 0x14), root
  '0001 0001', //         QTYPE A, QCLASS IN
];

describe('byte-exact messages, hand-computed (RFC 1035 section 4.1)', () => {
  it('a query for example.com A with RD is 29 bytes, as the message-format card shows', () => {
    expect(encoded(query('example.com', 'A'))).toBe(hex(
      '1a2b', //           ID
      '0100', //           flags: RD
      '0001 0000 0000 0000', // QDCOUNT 1, ANCOUNT, NSCOUNT, ARCOUNT 0
      ...EXAMPLE_COM_A,
    ));
    expect(encodeMessage(query('example.com', 'A')).length).toBe(29);
  });

  it('an empty OPT record for a 1232-byte buffer adds 11 bytes: 40 (RFC 6891 section 6.1.2)', () => {
    expect(encoded(query('example.com', 'A', { ednsUdpPayloadBytes: 1232 }))).toBe(hex(
      '1a2b 0100', '0001 0000 0000 0001', // ARCOUNT 1: the OPT record
      ...EXAMPLE_COM_A,
      '00', //       owner: the root
      '0029', //     TYPE OPT (41)
      '04d0', //     CLASS: UDP payload size 1232
      '00 00 0000', // TTL: extended RCODE 0, version 0, flags (DO clear)
      '0000', //     RDLENGTH 0: no options
    ));
  });

  it('the answer points its owner name at the question, C0 0C: 45 bytes', () => {
    const answer: ResourceRecord = { name: 'example.com', type: 'A', ttlSeconds: 300, data: '192.0.2.10' };
    expect(encoded(query('example.com', 'A', { qr: true, ra: true, answer: [answer] }))).toBe(hex(
      '1a2b', '8180', // QR RD RA, NOERROR
      '0001 0001 0000 0000',
      ...EXAMPLE_COM_A,
      'c00c', //       owner: pointer to offset 12
      '0001 0001', //  A, IN
      '0000012c', //   TTL 300
      '0004 c000020a', // RDLENGTH 4, 192.0.2.10
    ));
  });

  it('a referral from the root: the NS names and the glue owners point back at earlier names', () => {
    const ns = (target: string): ResourceRecord => ({ name: 'com', type: 'NS', ttlSeconds: 172800, data: target });
    const glue = (name: string, address: string): ResourceRecord => ({ name, type: 'A', ttlSeconds: 172800, data: address });
    const referral = query('www.example.com', 'A', {
      qr: true, rd: false,
      authority: [ns('a.gtld-servers.net'), ns('b.gtld-servers.net')],
      additional: [glue('a.gtld-servers.net', '192.5.6.30'), glue('b.gtld-servers.net', '192.33.14.30')],
    });
    const bytes = hex(
      '1a2b 8000', //         QR, no RD, AA=0: a referral
      '0001 0000 0002 0002', // 1 question, 2 authority, 2 additional
      '03 777777', //         offset 12: "www"
      '07 6578616d706c65', // offset 16: "example"
      '03 636f6d 00', //      offset 24 (0x18): "com", root
      '0001 0001', //         A, IN; the first record starts at offset 33
      'c018 0002 0001 0002a300', // com. (-> 24) NS IN TTL 172800
      '0014', //              RDLENGTH 20
      '01 61 0c 67746c642d73657276657273 03 6e6574 00', // offset 45: a.gtld-servers.net, in full (gtld-servers.net at 47)
      'c018 0002 0001 0002a300', // com. NS IN TTL 172800
      '0004 01 62 c02f', //   RDLENGTH 4: "b", then -> 47 (gtld-servers.net)
      'c02d 0001 0001 0002a300 0004 c005061e', // a.gtld-servers.net. (-> 45) A 192.5.6.30
      'c04d 0001 0001 0002a300 0004 c0210e1e', // b.gtld-servers.net. (-> 77) A 192.33.14.30
    );
    expect(encoded(referral)).toBe(bytes);
    expect(bytes.length / 2).toBe(113);
  });

  it('a negative answer compresses the SOA owner and both SOA names (MNAME, RNAME): 85 bytes', () => {
    const soa: ResourceRecord = { name: 'example.com', type: 'SOA', ttlSeconds: 300, data: { mname: 'ns1.example.com', rname: 'hostmaster.example.com', serial: 1, refresh: 7200, retry: 900, expire: 1209600, minimum: 300 } };
    expect(encoded(query('nope.example.com', 'A', { qr: true, aa: true, rcode: 'NXDOMAIN', authority: [soa] }))).toBe(hex(
      '1a2b 8503', //        QR AA RD, NXDOMAIN (3)
      '0001 0000 0001 0000',
      '04 6e6f7065', //      offset 12: "nope"
      '07 6578616d706c65', // offset 17 (0x11): "example"
      '03 636f6d 00 0001 0001',
      'c011 0006 0001 0000012c', // example.com. (-> 17) SOA IN TTL 300
      '0027', //             RDLENGTH 39
      '03 6e7331 c011', //   MNAME ns1 -> example.com
      '0a 686f73746d6173746572 c011', // RNAME hostmaster -> example.com
      '00000001 00001c20 00000384 00127500 0000012c', // serial, refresh, retry, expire, minimum
    ));
  });

  it('a truncated answer keeps the RRsets that fit and sets TC=1: the CNAME stays, the TXT set goes', () => {
    const txt = (fill: string): ResourceRecord => ({ name: 'example.com', type: 'TXT', ttlSeconds: 300, data: [fill.repeat(200)] });
    const message = query('www.example.com', 'TXT', {
      qr: true, aa: true,
      answer: [{ name: 'www.example.com', type: 'CNAME', ttlSeconds: 300, data: 'example.com' }, txt('a'), txt('b'), txt('c')],
    });
    // In full: 47 bytes, then three TXT records of 2 (pointer) + 10 + 201 bytes: 686, over 512.
    expect(encodeMessage(message).length).toBe(686);
    const wire = encodeWithinLimit(message, 512);
    expect(Buffer.from(wire.bytes).toString('hex')).toBe(hex(
      '1a2b 8700', //        QR AA TC RD
      '0001 0001 0000 0000', // ANCOUNT 1: only the CNAME
      '03 777777 07 6578616d706c65 03 636f6d 00', // www.example.com (example.com at offset 16)
      '0010 0001', //        TXT, IN
      'c00c 0005 0001 0000012c', // www.example.com. (-> 12) CNAME IN TTL 300
      '0002 c010', //        RDLENGTH 2: -> 16, example.com
    ));
    expect(wire.truncated).toBe(true);
  });
});

describe('the root priming response, as the transport card counts it', () => {
  const letters = 'abcdefghijklm'.split('');
  const ns = letters.map((letter): ResourceRecord => ({ name: '', type: 'NS', ttlSeconds: 518400, data: `${letter}.root-servers.net` }));
  const a = letters.map((letter, i): ResourceRecord => ({ name: `${letter}.root-servers.net`, type: 'A', ttlSeconds: 518400, data: `192.0.2.${i + 1}` }));
  const aaaa = letters.map((letter, i): ResourceRecord => ({ name: `${letter}.root-servers.net`, type: 'AAAA', ttlSeconds: 518400, data: `2001:db8::${i + 1}` }));
  const priming = (additional: ResourceRecord[], edns?: number): DnsMessage =>
    query('', 'NS', { qr: true, aa: true, rd: false, answer: ns, additional, ...(edns ? { ednsUdpPayloadBytes: edns } : {}) });

  it('13 NS and their A glue take 436 bytes: 17, then 31 for the first NS, 15 for each other, 16 for each A', () => {
    expect(encodeMessage(priming(a)).length).toBe(12 + 5 + 31 + 12 * 15 + 13 * 16);
    expect(encodeMessage(priming(a)).length).toBe(436);
  });

  it('with the 13 AAAA glue (28 bytes each) and an OPT it is 811 bytes, more than 512', () => {
    expect(encodeMessage(priming([...a, ...aaaa], 1232)).length).toBe(811);
    const plain = encodeWithinLimit(priming([...a, ...aaaa]), 512);
    // Without EDNS the glue is optional: the A records fit, the AAAA that do not are left out without TC.
    expect([plain.truncated, plain.view.additional.length, plain.bytes.length]).toEqual([false, 13 + 2, 436 + 2 * 28]);
  });
});

describe('names inside RDATA', () => {
  const answerOf = (record: ResourceRecord): DnsMessage => query('example.com', 'A', { qr: true, answer: [record] });
  // The RDATA bytes as written: what follows RDLENGTH in the one answer record (owner C0 0C, 10 bytes).
  const rdataHex = (record: ResourceRecord): string => {
    const bytes = Buffer.from(encodeMessage(answerOf(record)));
    const start = 29 + 2 + 8;
    return bytes.subarray(start + 2, start + 2 + bytes.readUInt16BE(start)).toString('hex');
  };
  const inFull = (name: string): string => name.split('.').map((label) => Buffer.from([label.length]).toString('hex') + Buffer.from(label).toString('hex')).join('') + '00';

  it.each([
    ['SRV target', { name: 'example.com', type: 'SRV', ttlSeconds: 60, data: { priority: 10, weight: 5, port: 5060, target: 'sip.example.com' } }, '000a 0005 13c4', 'sip.example.com'],
    ['NSEC next name', { name: 'example.com', type: 'NSEC', ttlSeconds: 60, data: { nextDomain: 'www.example.com', types: ['A', 'NS'] } }, '', 'www.example.com'],
  ] as const)('the %s is written in full, though example.com came before (RFC 3597 section 4)', (_label, record, before, name) => {
    expect(rdataHex(record as ResourceRecord).startsWith(hex(before, inFull(name)))).toBe(true);
  });

  it('the RRSIG signer name is written in full (RFC 4034 section 3.1.7)', () => {
    const rrsig: ResourceRecord = { name: 'example.com', type: 'RRSIG', ttlSeconds: 60, data: { typeCovered: 'A', algorithm: 13, labels: 2, originalTtl: 60, expiration: 1_800_000_000, inception: 1_700_000_000, keyTag: 12345, signersName: 'example.com', signature: Buffer.alloc(64, 1).toString('base64') } };
    // Type covered, algorithm, labels, original TTL, expiration, inception, key tag: 18 bytes, then the signer.
    expect(rdataHex(rrsig).slice(36, 36 + 26)).toBe(inFull('example.com'));
  });

  it.each([
    ['NS', { name: 'example.com', type: 'NS', ttlSeconds: 60, data: 'ns1.example.com' }, hex('03 6e7331 c00c')],
    ['CNAME', { name: 'example.com', type: 'CNAME', ttlSeconds: 60, data: 'example.com' }, 'c00c'],
    ['PTR', { name: 'example.com', type: 'PTR', ttlSeconds: 60, data: 'host.example.com' }, hex('04 686f7374 c00c')],
    ['MX', { name: 'example.com', type: 'MX', ttlSeconds: 60, data: { preference: 10, exchange: 'mail.example.com' } }, hex('000a 04 6d61696c c00c')],
  ] as const)('the name inside %s RDATA is compressed', (_type, record, rdata) => {
    expect(rdataHex(record as ResourceRecord)).toBe(rdata);
  });

  it('keeps the 0x20 case of the question; owner names match it case-insensitively (NSD, Unbound)', () => {
    const record: ResourceRecord = { name: 'www.example.com', type: 'A', ttlSeconds: 60, data: '192.0.2.1' };
    const bytes = encodeMessage(query('www.example.com', 'A', { qr: true, qnameWire: 'wWw.ExAMPle.cOM', answer: [record] }));
    expect(Buffer.from(bytes).subarray(12, 29).toString('latin1')).toBe('\x03wWw\x07ExAMPle\x03cOM\x00');
    expect(Buffer.from(bytes).subarray(33, 35).toString('hex')).toBe('c00c');
    const { message, view } = decodeMessage(bytes);
    expect(view.question.name).toBe('wWw.ExAMPle.cOM');
    expect(message.answer).toEqual([record]);
  });
});
