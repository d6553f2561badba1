import * as dnsPacket from 'dns-packet';
import type { RecordType, ResourceRecord } from '../world/world.js';
import { MAX_MESSAGE_BYTES, MAX_RDATA_BYTES } from '../world/rrset-size.js';
import { toPacketData, type UncompressedRecord } from './wire-records.js';
import { WireWriter, type WriterMark } from './wire-writer.js';
import type { DnsMessage, ExtendedError, Rcode } from './dns-message.js';

// dns-packet's per-type RDATA codecs (exported at run time, missing from @types/dns-packet): each
// writes RDLENGTH and then the RDATA, with every name in full.
interface RdataCodec {
  encode: ((data: unknown, buffer: Buffer, offset: number) => Buffer) & { bytes: number };
  encodingLength: (data: unknown) => number;
}
const rdataCodec = (dnsPacket as unknown as { record: (type: string) => RdataCodec }).record;

const TYPE_CODES: Record<RecordType, number> = {
  A: 1, NS: 2, CNAME: 5, SOA: 6, NULL: 10, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SRV: 33, DS: 43, RRSIG: 46, NSEC: 47, DNSKEY: 48, NSEC3: 50, NSEC3PARAM: 51, NXNAME: 128, CAA: 257,
};
/** The type's number on the wire (IANA DNS parameters), which also orders the types of an NSEC3 type bitmap. */
export function typeCode(type: RecordType): number {
  return TYPE_CODES[type];
}
const RCODE_VALUES: Record<Rcode, number> = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 };
const CLASS_IN = 1;
const TYPE_OPT = 41;
const HEADER_BYTES = 12;
// The most one record can take: a 255-byte owner name, type, class, TTL, RDLENGTH and 65535 bytes of RDATA.
const MAX_RECORD_BYTES = 255 + 10 + 65535;

// One buffer reused for every message: encoding is synchronous, and the bytes are copied out at the end.
let scratch: Buffer = Buffer.allocUnsafe(2 * MAX_RECORD_BYTES);

/** What writeMessage produced: the bytes, whether it set TC because the message did not fit, and the work done. */
export interface WrittenMessage {
  bytes: Uint8Array;
  truncated: boolean;
  /** The size of the whole message, every record in, as encodeMessage would write it: measured in the same pass. */
  fullBytes: number;
  /** How many times the message was written: 1, more only when optional glue was left out before required glue. */
  passes: number;
}

/**
 * Writes a message with name compression, keeping it within limitBytes as servers do: RRsets go in
 * whole, in order; when an answer or authority RRset does not fit, TC=1 is set and nothing more is
 * written (RFC 2181 section 9); an additional RRset that does not fit is left out without TC, unless
 * it is required glue (RFC 9471) under a UDP limit, and no optional one after it is tried. When something had to be
 * left out, required glue goes first, as BIND 9.18 renders it (lib/dns/message.c). The OPT record
 * always fits (RFC 6891 section 7). A record whose RDATA would pass 65,535 bytes never fits, so its
 * RRset ends the message with TC=1 at any limit, as NSD's packet_encode_rrset does over TCP.
 */
export function writeMessage(message: DnsMessage, limitBytes: number, isRequiredAdditional: (record: ResourceRecord) => boolean): WrittenMessage {
  const measured = writeOnce(message, limitBytes, isRequiredAdditional);
  // Optional RRsets left out before the cut could have been compression targets after it: measure the whole apart.
  const first = measured.approximate ? { ...measured, fullBytes: writeOnce(message, Number.POSITIVE_INFINITY, isRequiredAdditional).fullBytes, passes: 2 } : measured;
  // Nothing of the additional section was left out, or none of it was reached: a second pass would write the same.
  if (!first.cutInAdditional) return first;
  const required = message.additional.filter(isRequiredAdditional);
  if (required.length === 0 || required.length === message.additional.length) return first;
  const additional = [...required, ...message.additional.filter((record) => !isRequiredAdditional(record))];
  const second = writeOnce({ ...message, additional }, limitBytes, isRequiredAdditional);
  return { ...second, fullBytes: first.fullBytes, passes: first.passes + 1 };
}

function writeOnce(message: DnsMessage, limitBytes: number, isRequiredAdditional: (record: ResourceRecord) => boolean): WrittenMessage & { cutInAdditional: boolean; approximate: boolean } {
  const writer = new WireWriter(scratch);
  writer.reserve(HEADER_BYTES + 260);
  writer.offset = HEADER_BYTES;
  writer.name(message.question.name === '' ? '' : message.qnameWire ?? message.question.name);
  writer.u16(TYPE_CODES[message.question.type]);
  writer.u16(CLASS_IN);
  const options = optOptions(message);
  const optBytes = options ? 11 + rdataCodec('OPT').encodingLength(options) - 2 : 0;
  const budget = limitBytes - optBytes;

  // Where the sent message ends when an RRset did not fit; what comes after is still written, only to measure the whole.
  let cut: WriterMark | undefined;
  // Bytes of optional RRsets left out before the cut: the whole message has them too.
  let leftOutBytes = 0;
  let cutInAdditional = false;
  let oversized = false;
  const counts = [0, 0, 0];
  const sections = [message.answer, message.authority, message.additional];
  let optionalFull = false;
  // RFC 9471's TC=1 for missing glue asks for TCP; at the TCP limit no larger message exists, so glue that does not fit is
  // left out without TC, as NSD 4.6.1 leaves out any additional RRset (packet.c: truncate_rrset only for answer and authority).
  const glueForcesTc = limitBytes < MAX_MESSAGE_BYTES;
  for (let index = 0; index < sections.length; index++) {
    for (const rrset of rrsets(sections[index]!)) {
      const mark = writer.mark();
      let fits = true;
      for (const record of rrset) fits = writeRecord(writer, record) && fits;
      if (!fits) oversized = true;
      if (cut) continue;
      const required = index < 2 || (glueForcesTc && rrset.some(isRequiredAdditional));
      if (fits && writer.offset <= budget && (required || !optionalFull)) {
        counts[index]! += rrset.length;
        continue;
      }
      if (index === 2) cutInAdditional = true;
      if (!required) {
        leftOutBytes += writer.offset - mark.offset;
        writer.rollback(mark);
        optionalFull = true;
        continue;
      }
      cut = mark;
    }
  }
  // An oversized record is measured without its RDATA: the whole message could not be written at all.
  const fullBytes = writer.offset + leftOutBytes + optBytes + (oversized ? Number.POSITIVE_INFINITY : 0);
  if (cut) writer.rollback(cut);
  if (options) writeOpt(writer, message, options);
  writeHeader(writer.buffer, message, cut !== undefined, counts, options ? 1 : 0);
  scratch = writer.buffer;
  return { bytes: writer.bytes(), truncated: cut !== undefined, fullBytes, passes: 1, cutInAdditional, approximate: cut !== undefined && leftOutBytes > 0 };
}

function writeHeader(buffer: Buffer, message: DnsMessage, truncated: boolean, counts: number[], optCount: number): void {
  let flags = RCODE_VALUES[message.rcode];
  if (message.qr) flags |= 0x8000;
  if (message.aa) flags |= dnsPacket.AUTHORITATIVE_ANSWER;
  if (message.tc || truncated) flags |= dnsPacket.TRUNCATED_RESPONSE;
  if (message.rd) flags |= dnsPacket.RECURSION_DESIRED;
  if (message.ra) flags |= dnsPacket.RECURSION_AVAILABLE;
  if (message.ad) flags |= dnsPacket.AUTHENTIC_DATA;
  if (message.cd) flags |= dnsPacket.CHECKING_DISABLED;
  buffer.writeUInt16BE(message.id, 0);
  buffer.writeUInt16BE(flags, 2);
  buffer.writeUInt16BE(1, 4);
  buffer.writeUInt16BE(counts[0]!, 6);
  buffer.writeUInt16BE(counts[1]!, 8);
  buffer.writeUInt16BE(counts[2]! + optCount, 10);
}

// Runs of records with the same owner and type: the unit servers keep or drop whole.
function rrsets(records: ResourceRecord[]): ResourceRecord[][] {
  const sets: ResourceRecord[][] = [];
  for (const record of records) {
    const last = sets[sets.length - 1];
    if (last && last[0]!.name === record.name && last[0]!.type === record.type) last.push(record);
    else sets.push([record]);
  }
  return sets;
}

// Writes one record; false when its RDATA would pass MAX_RDATA_BYTES, and then only its owner and fixed fields are written.
function writeRecord(writer: WireWriter, record: ResourceRecord): boolean {
  writer.reserve(MAX_RECORD_BYTES);
  writer.name(record.name);
  writer.u16(TYPE_CODES[record.type]);
  writer.u16(CLASS_IN);
  writer.u32(record.ttlSeconds);
  const lengthAt = writer.offset;
  writer.offset += 2;
  // Names inside NS, CNAME, PTR, SOA and MX RDATA may be compressed (RFC 1035 section 3.3); inside
  // any other type they must not be (RFC 3597 section 4), so dns-packet writes those in full.
  switch (record.type) {
    case 'NS':
    case 'CNAME':
    case 'PTR':
      writer.name(record.data);
      break;
    case 'MX':
      writer.u16(record.data.preference);
      writer.name(record.data.exchange);
      break;
    case 'SOA':
      writer.name(record.data.mname);
      writer.name(record.data.rname);
      for (const value of [record.data.serial, record.data.refresh, record.data.retry, record.data.expire, record.data.minimum]) writer.u32(value);
      break;
    default: {
      const codec = rdataCodec(record.type);
      const data = toPacketData(record as UncompressedRecord);
      const bytes = codec.encodingLength(data);
      if (bytes - 2 > MAX_RDATA_BYTES) return false;
      writer.reserve(bytes);
      codec.encode(data, writer.buffer, lengthAt);
      writer.offset = lengthAt + codec.encode.bytes;
      return true;
    }
  }
  writer.buffer.writeUInt16BE(writer.offset - lengthAt - 2, lengthAt);
  return true;
}

type OptOption = { code: number; data: Buffer } | { code: number; family: number; sourcePrefixLength: number; scopePrefixLength: number; ip: string };

function optOptions(message: DnsMessage): OptOption[] | undefined {
  if (message.ednsUdpPayloadBytes === undefined) return undefined;
  const options: OptOption[] = [];
  if (message.ecs) options.push({ code: 8, family: 1, sourcePrefixLength: message.ecs.sourcePrefixLength, scopePrefixLength: message.ecs.scopePrefixLength, ip: message.ecs.address });
  for (const error of message.ede ?? []) options.push({ code: 15, data: edeData(error) });
  return options;
}

// RFC 6891 section 6.1.2: root owner, type OPT, the UDP payload size in CLASS, and extended RCODE,
// version and the DO bit (RFC 3225) in TTL; then the options.
function writeOpt(writer: WireWriter, message: DnsMessage, options: OptOption[]): void {
  writer.reserve(MAX_RECORD_BYTES);
  writer.buffer[writer.offset++] = 0;
  writer.u16(TYPE_OPT);
  writer.u16(message.ednsUdpPayloadBytes!);
  writer.u32(message.dnssecOk ? 0x8000 : 0);
  const codec = rdataCodec('OPT');
  codec.encode(options, writer.buffer, writer.offset);
  writer.offset += codec.encode.bytes;
}

function edeData(error: ExtendedError): Buffer {
  const text = Buffer.from(error.text ?? '', 'utf8');
  const data = Buffer.alloc(2 + text.length);
  data.writeUInt16BE(error.code, 0);
  text.copy(data, 2);
  return data;
}
