import * as dnsPacket from 'dns-packet';
import type { MessageView } from './message-view.js';
import type { RecordType, ResourceRecord } from '../world/world.js';
import { fromPacketAnswer, toRecordView } from './wire-records.js';
import { writeMessage } from './encode.js';
import type { DnsMessage, Rcode } from './dns-message.js';

export type { ClientSubnet, DnsMessage, ExtendedError, Rcode } from './dns-message.js';

/** The EDNS(0) buffer size of DNS Flag Day 2020: fits the smallest common path MTU without IP fragmentation. */
export const EDNS_BUFFER_BYTES = 1232;

/** The classic UDP limit for a message without EDNS (RFC 1035 section 4.2.1). */
export const PLAIN_UDP_LIMIT_BYTES = 512;

/** RFC 8914 section 4 names of the INFO-CODEs the simulator uses. */
export const EDE_NAMES: Record<number, string> = {
  0: 'Other Error', 3: 'Stale Answer', 6: 'DNSSEC Bogus', 7: 'Signature Expired', 9: 'DNSKEY Missing',
  10: 'RRSIGs Missing', 12: 'NSEC Missing', 13: 'Cached Error', 20: 'Not Authoritative', 22: 'No Reachable Authority',
};

/** A message as it left its sender: the bytes, what they decode to, whether it had to be truncated, and the size of the whole. */
export interface WireMessage {
  message: DnsMessage;
  view: MessageView;
  bytes: Uint8Array;
  truncated: boolean;
  /** The whole message's size, every record in (Infinity when a record's RDATA passes 65,535 bytes). */
  fullBytes: number;
  /** How many times the message was written to produce the bytes. */
  passes: number;
}

/** Encodes a message whole, with RFC 1035 section 4.1.4 name compression (see writeMessage). */
export function encodeMessage(message: DnsMessage): Uint8Array {
  return writeMessage(message, Number.POSITIVE_INFINITY, () => false).bytes;
}

/** Bytes that do not decode as a DNS message: a compression pointer that loops or points forward or past the end, a short buffer, a bad label. */
export class MalformedMessageError extends Error {
  constructor(reason: string) {
    super(`malformed DNS message: ${reason}`);
    this.name = 'MalformedMessageError';
  }
}

// dns-packet follows compression pointers only backwards, so a loop cannot hang it: a pointer to
// itself, forward or past the end is "bad pointer"; reading beyond the bytes is "buffer overflow".
function decodePacket(bytes: Uint8Array): ReturnType<typeof dnsPacket.decode> {
  try {
    return dnsPacket.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new MalformedMessageError(error instanceof Error ? error.message : String(error));
  }
}

/** Decodes bytes back into a message and its trace view, so what a trace shows is what travelled. */
export function decodeMessage(bytes: Uint8Array): { message: DnsMessage; view: MessageView } {
  const packet = decodePacket(bytes);
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
 * Encodes a message so it fits limitBytes, the way servers truncate (see writeMessage): optional
 * additional records are left out without TC (RFC 2181 section 9); an answer or authority RRset, or
 * required glue (RFC 9471), that does not fit sets TC=1, and the message ends with the RRsets before it.
 */
export function encodeWithinLimit(message: DnsMessage, limitBytes: number, isRequiredAdditional: (record: ResourceRecord) => boolean = () => false): WireMessage {
  const { bytes, truncated, fullBytes, passes } = writeMessage(message, limitBytes, isRequiredAdditional);
  const decoded = decodeMessage(bytes);
  return { message: decoded.message, view: decoded.view, bytes, truncated, fullBytes, passes };
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
