import * as dnsPacket from 'dns-packet';
import type { MessageView } from './message-view.js';
import type { RecordType, ResourceRecord } from '../world/world.js';
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
  /** The query name exactly as it travels when 0x20 randomised its case; the question keeps the lowercase form. */
  qnameWire?: string;
  /** The DO bit of the OPT record (RFC 3225): the sender wants DNSSEC records. */
  dnssecOk?: boolean;
  /** Extended DNS Errors (RFC 8914), EDNS option 15. */
  ede?: ExtendedError[];
  /** EDNS Client Subnet (RFC 7871), EDNS option 8. */
  ecs?: ClientSubnet;
}

/** One Extended DNS Error: its INFO-CODE and optional EXTRA-TEXT. */
export interface ExtendedError {
  code: number;
  text?: string;
}

/** An EDNS Client Subnet option: the client's network, truncated to the source prefix, and the scope the answer is valid for. */
export interface ClientSubnet {
  address: string;
  sourcePrefixLength: number;
  scopePrefixLength: number;
}

/** RFC 8914 section 4 names of the INFO-CODEs the simulator uses. */
export const EDE_NAMES: Record<number, string> = {
  0: 'Other Error', 3: 'Stale Answer', 6: 'DNSSEC Bogus', 7: 'Signature Expired', 9: 'DNSKEY Missing',
  10: 'RRSIGs Missing', 13: 'Cached Error', 20: 'Not Authoritative', 22: 'No Reachable Authority',
};

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
    const options: dnsPacket.PacketOpt[] = [];
    if (message.ecs) options.push({ code: 8, family: 1, sourcePrefixLength: message.ecs.sourcePrefixLength, scopePrefixLength: message.ecs.scopePrefixLength, ip: message.ecs.address } as dnsPacket.PacketOpt);
    for (const error of message.ede ?? []) options.push({ code: 15, data: edeData(error) } as unknown as dnsPacket.PacketOpt);
    additionals.push({ type: 'OPT', name: '.', udpPayloadSize: message.ednsUdpPayloadBytes, extendedRcode: 0, ednsVersion: 0, flags: message.dnssecOk ? dnsPacket.DNSSEC_OK : 0, flag_do: message.dnssecOk === true, options } as dnsPacket.OptAnswer);
  }
  const buffer = dnsPacket.encode({
    type: message.qr ? 'response' : 'query',
    id: message.id,
    flags,
    questions: [{ type: message.question.type, name: message.question.name === '' ? '.' : message.qnameWire ?? message.question.name, class: 'IN' }],
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
  const wireName = question && question.name !== '.' ? question.name : '';
  const qname = wireName.toLowerCase();
  const records = (answers: dnsPacket.Answer[] | undefined): ResourceRecord[] =>
    (answers ?? []).flatMap((answer) => {
      const record = fromPacketAnswer(answer);
      return record ? [record] : [];
    });
  const opt = packet.additionals?.find((answer) => answer.type === 'OPT') as dnsPacket.OptAnswer | undefined;
  const rcode = ((packet as { rcode?: string }).rcode ?? 'NOERROR') as Rcode;
  const flags = headerFlagsOf(packet);
  const message: DnsMessage = {
    id: packet.id ?? 0,
    ...flags,
    rcode,
    question: { name: qname, type: (question?.type ?? 'A') as RecordType },
    answer: records(packet.answers),
    authority: records(packet.authorities),
    additional: records(packet.additionals),
  };
  if (opt) message.ednsUdpPayloadBytes = opt.udpPayloadSize;
  if (wireName !== qname) message.qnameWire = wireName;
  const extras = readOptExtras(opt);
  Object.assign(message, extras);
  const view: MessageView = {
    id: message.id,
    flags: { ...flags, opcode: (packet as { opcode?: string }).opcode ?? 'QUERY' },
    rcode,
    question: message.qnameWire ? { ...message.question, name: message.qnameWire } : message.question,
    answer: message.answer.map(toRecordView),
    authority: message.authority.map(toRecordView),
    additional: message.additional.map(toRecordView),
    ...(opt ? { ednsUdpPayloadBytes: opt.udpPayloadSize } : {}),
    ...(extras.dnssecOk ? { dnssecOk: true } : {}),
    ...(extras.ede ? { ede: extras.ede.map((error) => ({ code: error.code, name: EDE_NAMES[error.code] ?? `code ${error.code}`, ...(error.text ? { text: error.text } : {}) })) } : {}),
    ...(extras.ecs ? { ecs: `${extras.ecs.address}/${extras.ecs.sourcePrefixLength} scope /${extras.ecs.scopePrefixLength}` } : {}),
    sizeBytes: bytes.length,
    hex: Buffer.from(bytes).toString('hex'),
  };
  return { message, view };
}

function edeData(error: ExtendedError): Buffer {
  const text = Buffer.from(error.text ?? '', 'utf8');
  const data = Buffer.alloc(2 + text.length);
  data.writeUInt16BE(error.code, 0);
  text.copy(data, 2);
  return data;
}

function readOptExtras(opt: dnsPacket.OptAnswer | undefined): Pick<DnsMessage, 'dnssecOk' | 'ede' | 'ecs'> {
  if (!opt) return {};
  const extras: Pick<DnsMessage, 'dnssecOk' | 'ede' | 'ecs'> = {};
  if ((opt as { flag_do?: boolean }).flag_do) extras.dnssecOk = true;
  for (const option of (opt.options ?? []) as { code: number; data?: Buffer; sourcePrefixLength?: number; scopePrefixLength?: number; ip?: string }[]) {
    if (option.code === 15 && option.data && option.data.length >= 2) {
      const text = option.data.subarray(2).toString('utf8');
      (extras.ede ??= []).push(text ? { code: option.data.readUInt16BE(0), text } : { code: option.data.readUInt16BE(0) });
    } else if (option.code === 8 && option.ip !== undefined) {
      extras.ecs = { address: option.ip, sourcePrefixLength: option.sourcePrefixLength ?? 0, scopePrefixLength: option.scopePrefixLength ?? 0 };
    }
  }
  return extras;
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

// The header bits as dns-packet decodes them, shared by the message and its inspector view.
function headerFlagsOf(packet: ReturnType<typeof dnsPacket.decode>) {
  return {
    qr: packet.flag_qr,
    aa: packet.flag_aa,
    tc: packet.flag_tc,
    rd: packet.flag_rd,
    ra: packet.flag_ra,
    ad: packet.flag_ad,
    cd: packet.flag_cd,
  };
}
