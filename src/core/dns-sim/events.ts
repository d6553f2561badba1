import type { RecordType } from './world/world.js';

/** Who takes part in a resolution: the application, its stub resolver, a recursive resolver, or a name server by level. */
export type Role = 'client' | 'stub' | 'resolver' | 'root' | 'tld' | 'authoritative';

/** How a message travels: a datagram, a TCP stream, or a call inside one host. */
export type Transport = 'udp' | 'tcp' | 'local';

/** One party of a message: its name, its address and its role. */
export interface Endpoint {
  name: string;
  address: string;
  role: Role;
}

/** What a response (or the lack of one) meant to the party that waited for it. */
export type ResponseKind =
  | 'answer'
  | 'cname'
  | 'referral'
  | 'nxdomain'
  | 'nodata'
  | 'servfail'
  | 'refused'
  | 'timeout'
  | 'unreachable'
  | 'truncated'
  | 'cache-hit';

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

/** One cache action of a resolver, with the TTL it saw or set. */
export interface CacheOperation {
  op: 'hit' | 'miss' | 'store' | 'expire';
  name: string;
  type: RecordType;
  /** Remaining TTL for a hit, the TTL stored for a store, 0 for a miss or an expiry. */
  ttlSeconds: number;
  /** Set for negative entries (RFC 2308): the name does not exist, or has no data of this type. */
  negative?: 'nxdomain' | 'nodata';
  /** The records involved, when there are any. */
  records?: RecordView[];
}

/** What every step of a resolution has: when it happened, between whom, how, and which lookup it serves. */
export interface EventBase {
  /** Position in the event list, from 0. */
  seq: number;
  /** Virtual time in milliseconds since the session started. */
  timeMs: number;
  from: Endpoint;
  to: Endpoint;
  transport: Transport;
  /** A one-line explanation a learner can read. */
  explanation: string;
  /** 0 for the application and its stub, 1 for the resolver working on the client's question, 2+ for nested lookups. */
  depth: number;
  /** Which query of the session this event belongs to, from 0. */
  queryIndex: number;
  /** The lookup this step serves, e.g. "A www.example.com" or "A ns1.example.net (to reach example.org)". */
  lookup: string;
}

/** The application (or a browser) starts a lookup; a browser says what its host cache held. */
export interface LookupStartedEvent extends EventBase {
  type: 'lookup-started';
  cache?: CacheOperation[];
}

/** The stub read /etc/hosts; kind is "answer" when it had the name. */
export interface HostsCheckedEvent extends EventBase {
  type: 'hosts-checked';
  kind?: 'answer';
}

/** The stub tries a name from the search list (or the name as given). */
export interface NameExpandedEvent extends EventBase {
  type: 'name-expanded';
}

/** A query left its sender. */
export interface QuerySentEvent extends EventBase {
  type: 'query-sent';
  message: MessageView;
}

/** A TCP handshake finished, one round trip after the connection was asked for. */
export interface TcpConnectedEvent extends EventBase {
  type: 'tcp-connected';
}

/** Forged responses an attacker flooded during one query's window: how many, whether one was accepted, and the odds (RFC 5452 section 7). */
export interface ForgedFlood {
  packets: number;
  accepted: boolean;
  odds: number;
}

/** A response arrived, in time or late, real or forged. */
export interface ResponseReceivedEvent extends EventBase {
  type: 'response-received';
  kind: ResponseKind;
  message: MessageView;
  /** Set on a response that arrived after its receiver had stopped waiting. */
  late?: true;
  forged?: ForgedFlood;
}

/** No answer came within the querier's wait. */
export interface QueryTimedOutEvent extends EventBase {
  type: 'query-timed-out';
  kind: 'timeout';
}

/** An ICMP port unreachable came back instead of an answer. */
export interface PortUnreachableEvent extends EventBase {
  type: 'port-unreachable';
  kind: 'unreachable';
}

/** A resolver or forwarder looked in its cache; kind is "cache-hit" when the cache answered. */
export interface CacheCheckedEvent extends EventBase {
  type: 'cache-checked';
  cache: CacheOperation[];
  kind?: 'cache-hit';
}

/** Records or a negative answer went into a cache. */
export interface CacheStoredEvent extends EventBase {
  type: 'cache-stored';
  cache: CacheOperation[];
}

/** A scheduled change to the world took effect. */
export interface WorldChangedEvent extends EventBase {
  type: 'world-changed';
}

/** The lookup ended and the application got its result. */
export interface LookupFinishedEvent extends EventBase {
  type: 'lookup-finished';
  kind: OutcomeStatus;
}

/** One step of a simulated resolution on the virtual clock; its type says which fields it carries. */
export type ResolutionEvent =
  | LookupStartedEvent
  | HostsCheckedEvent
  | NameExpandedEvent
  | QuerySentEvent
  | TcpConnectedEvent
  | ResponseReceivedEvent
  | QueryTimedOutEvent
  | PortUnreachableEvent
  | CacheCheckedEvent
  | CacheStoredEvent
  | WorldChangedEvent
  | LookupFinishedEvent;

/** The things that happen during a resolution, in the past tense. */
export type EventType = ResolutionEvent['type'];

/** An event that carries a DNS message: a query sent or a response received. */
export type PacketEvent = QuerySentEvent | ResponseReceivedEvent;

/** Whether an event carries a DNS message. */
export function isPacketEvent(event: ResolutionEvent): event is PacketEvent {
  return event.type === 'query-sent' || event.type === 'response-received';
}

/** What an event's outcome meant, for the events that carry a kind; undefined for the others. */
export function kindOf(event: ResolutionEvent): ResponseKind | undefined {
  return 'kind' in event ? event.kind : undefined;
}

/** The cache operations an event carries: a cache check or store, or a browser's look at its host cache; none for other events. */
export function cacheOperationsOf(event: ResolutionEvent): CacheOperation[] {
  return 'cache' in event ? event.cache ?? [] : [];
}

/** How one query of a session ended. */
export type OutcomeStatus = 'answer' | 'nxdomain' | 'nodata' | 'servfail' | 'timeout' | 'refused';

/** The result one query of a session gave the application. */
export interface QueryOutcome {
  index: number;
  /** The name as asked (ASCII form), with a trailing dot if it had one. */
  name: string;
  /** "A+AAAA" for a getaddrinfo call, otherwise the record type asked for. */
  type: RecordType | 'A+AAAA';
  startedAtMs: number;
  finishedAtMs: number;
  durationMs: number;
  status: OutcomeStatus;
  /** The name the answer is for, after search-list expansion. */
  resolvedName?: string;
  /** Final answer records, CNAMEs included, in answer order. */
  records: RecordView[];
  /** Addresses a getaddrinfo caller gets (A and AAAA), or the A/AAAA records of the answer. */
  addresses: string[];
  /** The error the application sees when there is no answer, e.g. "EAI_NONAME (Name or service not known)". */
  error?: string;
  /** For SERVFAIL: why the resolver failed, as the simulator knows it (a real stub sees only the rcode). */
  reason?: string;
  /** True when the answer came from a cache although the zone already holds different data. */
  stale?: boolean;
  /** True when the answer carries an address that entered a cache only through a forged packet. */
  poisoned?: boolean;
  /** True when the resolver validated the answer with DNSSEC (AD=1). */
  authenticated?: boolean;
  /** The Extended DNS Error (RFC 8914) the resolver attached, e.g. { code: 7, name: "Signature Expired" }. */
  ede?: { code: number; name: string };
  /** Which cache layer answered before any DNS message was sent: the browser's or the operating system's. */
  cacheLayer?: 'browser' | 'os';
  /** A one-line summary of why it ended this way. */
  explanation: string;
}
