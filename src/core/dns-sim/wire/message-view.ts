import type { RecordType } from '../world/world.js';

/** A resource record as a trace shows it: presentation-format data, TTL in seconds. */
export interface RecordView {
  name: string;
  type: RecordType;
  ttlSeconds: number;
  /** RDATA in master-file presentation form, e.g. "10 mail.example.com." or "\"v=spf1 -all\"". */
  data: string;
}

/** Header flags of a DNS message (RFC 1035 section 4.1.1, RFC 4035 for AD and CD). */
export interface HeaderFlags {
  qr: boolean;
  opcode: string;
  aa: boolean;
  tc: boolean;
  rd: boolean;
  ra: boolean;
  ad: boolean;
  cd: boolean;
}

/** A DNS message exactly as decoded from the bytes that travelled: header, question, sections, size and hex. */
export interface MessageView {
  id: number;
  flags: HeaderFlags;
  rcode: string;
  question: { name: string; type: RecordType };
  answer: RecordView[];
  authority: RecordView[];
  additional: RecordView[];
  /** The EDNS(0) OPT record's advertised UDP payload size (RFC 6891), when the message carries one. */
  ednsUdpPayloadBytes?: number;
  /** Present when the OPT record's DO bit is set (RFC 3225). */
  dnssecOk?: true;
  /** Extended DNS Errors (RFC 8914) carried in the OPT record. */
  ede?: { code: number; name: string; text?: string }[];
  /** EDNS Client Subnet (RFC 7871), e.g. "198.51.100.0/24 scope /24". */
  ecs?: string;
  sizeBytes: number;
  hex: string;
}
