import type { DigOptions } from '../../core/dns-sim/dig/dig-options.js';
import type { PersonalityId } from '../../core/dns-sim/personalities/types.js';
import { SUPPORTED_TYPES } from '../../core/dns-sim/world/supported-types.js';
import type { RecordType, ResolvConf } from '../../core/dns-sim/world/world.js';

/** A question type: a record type, or A+AAAA as getaddrinfo asks. */
export type QueryType = RecordType | 'A+AAAA';

// The types people ask most, first; every other type the simulator supports follows in its own order.
const COMMON_FIRST: readonly QueryType[] = ['A', 'AAAA', 'A+AAAA', 'CNAME', 'MX', 'TXT'];

/** Every question type once, the common ones first: A, AAAA, getaddrinfo's pair, CNAME, MX, TXT, then the rest. */
export const QUERY_TYPES: readonly QueryType[] = [...COMMON_FIRST, ...SUPPORTED_TYPES.filter((type) => !COMMON_FIRST.includes(type))];

/** What is simulated: a ready-made scenario (optionally with another question), or a name and type of one's own. */
export type SimSource = { kind: 'scenario'; id: string; query?: { name: string; type: QueryType } } | { kind: 'custom'; name: string; type: QueryType };

/** A TTL changed for a run, by owner name and type. */
export interface TtlOverride {
  name: string;
  type: RecordType;
  ttlSeconds: number;
}

/** Edits to the world and the session for one run: the app's what-if menu. */
export interface WhatIf {
  /** Servers (by name) taken down at the start of the run: they drop every packet. */
  downServers: string[];
  /** Servers that are down in the world, brought back up at the start of the run. */
  upServers: string[];
  ttl: TtlOverride[];
  /** Extra questions, each asked this long after the previous one was asked ("advance the clock"). */
  askAgainAfterMs: number[];
  qnameMinimisation?: boolean;
  /** The resolver program the recursive resolver imitates (Unbound, BIND, Knot); Unbound when absent. */
  personality?: PersonalityId;
}

/** No what-if at all. */
export const NO_WHAT_IF: WhatIf = { downServers: [], upServers: [], ttl: [], askAgainAfterMs: [] };

/** A run as `swelearn sim`'s flags or the simulator screen ask for it. */
export interface SimRequest {
  source: SimSource;
  /** The seed; the scenario's own, or 1, when not given. */
  seed?: number;
  /** Ask the question this many times, `afterMs` apart (a custom question, or a scenario's own question replaced). */
  repeat?: number;
  afterMs?: number;
  /** The client's resolv.conf in place of the world's. */
  resolvConf?: ResolvConf;
  /** A browser host cache (Chrome's rule) in front of getaddrinfo. */
  browserCache?: boolean;
  /** systemd-resolved between the stub and the resolver. */
  osCache?: boolean;
  /** dig asks instead of the glibc stub, with these options (a custom question of one type). */
  dig?: DigOptions;
  whatIf?: WhatIf;
}

/** The question type a typed word names ("aaaa", "A+AAAA", "addrs"), or undefined. */
export function parseQueryType(text: string): QueryType | undefined {
  const upper = text.toUpperCase();
  if (upper === 'A+AAAA' || upper === 'ADDRS') return 'A+AAAA';
  return (SUPPORTED_TYPES as readonly string[]).includes(upper) ? (upper as RecordType) : undefined;
}
