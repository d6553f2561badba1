import type { RecordType, ResourceRecord } from '../world/world.js';

/** Response codes the simulator produces (RFC 1035 section 4.1.1). */
export type Rcode = 'NOERROR' | 'FORMERR' | 'SERVFAIL' | 'NXDOMAIN' | 'NOTIMP' | 'REFUSED';

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
