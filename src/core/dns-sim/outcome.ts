import type { RecordView } from './wire/message-view.js';
import type { RecordType } from './world/world.js';

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
  /** Present when `dig` asked instead of the glibc stub: the +options that differ from dig's defaults. */
  dig?: { flags: string[] };
}
