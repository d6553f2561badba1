import type { OutcomeStatus } from './outcome.js';
import type { MessageView, RecordView } from './wire/message-view.js';
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

/** A resolver gave up on replying to a client whose question had waited past its discard-timeout (Unbound); its walk goes on. */
export interface ReplyDiscardedEvent extends EventBase {
  type: 'reply-discarded';
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
  | ReplyDiscardedEvent
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
