import * as dnsPacket from 'dns-packet';
import type { MessageView } from './events.js';
import type { RecordType, ResourceRecord } from './world.js';
import { fromPacketAnswer, toPacketAnswer, toRecordView } from './wire-records.js';

/** Response codes the simulator produces (RFC 1035 section 4.1.1). */
export type Rcode = 'NOERROR' | 'FORMERR' | 'SERVFAIL' | 'NXDOMAIN' | 'NOTIMP' | 'REFUSED';

const RCODE_VALUES: Record<Rcode, number> = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 };

/** The EDNS(0) buffer size of DNS Flag Day 2020: fits the smallest common path MTU without IP fragmentation. */
export const EDNS_BUFFER_BYTES = 1232;

/** The classic UDP limit for a message without EDNS (RFC 1035 section 4.2.1). */
export const PLAIN_UDP_LIMIT_BYTES = 512;

/** A DNS message before encoding: header bits, one question, the three record sections and an optional OPT. */
export interface DnsMessage {
  id: number;
  qr: boolean;
  aa?: boolean;
  tc?: boolean;
  rd?: boolean;
  ra?: boolean;
  ad?: boolean;
  cd?: boolean;
  rcode: Rcode;
  question: { name: string; type: RecordType };
  answer: ResourceRecord[];
  authority: ResourceRecord[];
  additional: ResourceRecord[];
  /** The UDP payload size advertised in an EDNS(0) OPT record (RFC 6891); absent means no OPT. */
  ednsUdpPayloadBytes?: number;
}

/** A message as it left its sender: the bytes, what they decode to, and whether it had to be truncated. */
export interface WireMessage {
  message: DnsMessage;
  view: MessageView;
  bytes: Uint8Array;
  truncated: boolean;
}

/** Encodes a message with dns-packet (no name compression: dns-packet does not compress). */
export function encodeMessage(message: DnsMessage): Uint8Array {
  let flags = RCODE_VALUES[message.rcode];
  if (message.aa) flags |= dnsPacket.AUTHORITATIVE_ANSWER;
  if (message.tc) flags |= dnsPacket.TRUNCATED_RESPONSE;
  if (message.rd) flags |= dnsPacket.RECURSION_DESIRED;
  if (message.ra) flags |= dnsPacket.RECURSION_AVAILABLE;
  if (message.ad) flags |= dnsPacket.AUTHENTIC_DATA;
  if (message.cd) flags |= dnsPacket.CHECKING_DISABLED;
  const additionals: dnsPacket.Answer[] = message.additional.map(toPacketAnswer);
  if (message.ednsUdpPayloadBytes !== undefined) {
    additionals.push({ type: 'OPT', name: '.', udpPayloadSize: message.ednsUdpPayloadBytes, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [] });
  }
  const buffer = dnsPacket.encode({
    type: message.qr ? 'response' : 'query',
    id: message.id,
    flags,
    questions: [{ type: message.question.type, name: message.question.name === '' ? '.' : message.question.name, class: 'IN' }],
    answers: message.answer.map(toPacketAnswer),
    authorities: message.authority.map(toPacketAnswer),
    additionals,
  });
  return buffer.subarray(0, dnsPacket.encode.bytes);
}

/** Decodes bytes back into a message and its trace view, so what a trace shows is what travelled. */
export function decodeMessage(bytes: Uint8Array): { message: DnsMessage; view: MessageView } {
  const packet = dnsPacket.decode(Buffer.from(bytes));
  const question = packet.questions?.[0];
  const qname = question && question.name !== '.' ? question.name.toLowerCase() : '';
  const records = (answers: dnsPacket.Answer[] | undefined): ResourceRecord[] =>
    (answers ?? []).flatMap((answer) => {
      const record = fromPacketAnswer(answer);
      return record ? [record] : [];
    });
  const opt = packet.additionals?.find((answer) => answer.type === 'OPT') as dnsPacket.OptAnswer | undefined;
  const rcode = ((packet as { rcode?: string }).rcode ?? 'NOERROR') as Rcode;
  const message: DnsMessage = {
    id: packet.id ?? 0,
    qr: packet.flag_qr,
    aa: packet.flag_aa,
    tc: packet.flag_tc,
    rd: packet.flag_rd,
    ra: packet.flag_ra,
    ad: packet.flag_ad,
    cd: packet.flag_cd,
    rcode,
    question: { name: qname, type: (question?.type ?? 'A') as RecordType },
    answer: records(packet.answers),
    authority: records(packet.authorities),
    additional: records(packet.additionals),
  };
  if (opt) message.ednsUdpPayloadBytes = opt.udpPayloadSize;
  const view: MessageView = {
    id: message.id,
    flags: {
      qr: packet.flag_qr,
      opcode: (packet as { opcode?: string }).opcode ?? 'QUERY',
      aa: packet.flag_aa,
      tc: packet.flag_tc,
      rd: packet.flag_rd,
      ra: packet.flag_ra,
      ad: packet.flag_ad,
      cd: packet.flag_cd,
    },
    rcode,
    question: message.question,
    answer: message.answer.map(toRecordView),
    authority: message.authority.map(toRecordView),
    additional: message.additional.map(toRecordView),
    ...(opt ? { ednsUdpPayloadBytes: opt.udpPayloadSize } : {}),
    sizeBytes: bytes.length,
    hex: Buffer.from(bytes).toString('hex'),
  };
  return { message, view };
}

/**
 * Encodes a message so it fits limitBytes, the way servers truncate: optional additional records go
 * first without setting TC (RFC 2181 section 9); if it still does not fit, TC=1 is set and whole
 * RRsets are dropped from the end until it does (RFC 1035 section 4.2.1; RFC 9471 makes needed glue
 * "required", so losing it sets TC too).
 */
export function encodeWithinLimit(message: DnsMessage, limitBytes: number, isRequiredAdditional: (record: ResourceRecord) => boolean = () => false): WireMessage {
  let current = message;
  let bytes = encodeMessage(current);
  if (bytes.length > limitBytes) {
    const required = current.additional.filter(isRequiredAdditional);
    if (required.length < current.additional.length) {
      current = { ...current, additional: required };
      bytes = encodeMessage(current);
    }
  }
  let truncated = false;
  while (bytes.length > limitBytes) {
    truncated = true;
    current = dropLastRrset({ ...current, tc: true });
    bytes = encodeMessage(current);
    if (current.answer.length + current.authority.length + current.additional.length === 0) break;
  }
  const decoded = decodeMessage(bytes);
  return { message: decoded.message, view: decoded.view, bytes, truncated };
}

function dropLastRrset(message: DnsMessage): DnsMessage {
  for (const section of ['additional', 'authority', 'answer'] as const) {
    const records = message[section];
    if (records.length === 0) continue;
    const last = records[records.length - 1]!;
    let start = records.length - 1;
    while (start > 0 && records[start - 1]!.name === last.name && records[start - 1]!.type === last.type) start--;
    return { ...message, [section]: records.slice(0, start) };
  }
  return message;
}
