import type { PersonalityId } from '../../../core/dns-sim/personalities/types.js';
import type { RecordType } from '../../../core/dns-sim/world/world.js';

/** What the custom form can ask: a record type, or A+AAAA as getaddrinfo does. */
export type QueryType = RecordType | 'A+AAAA';

/** The types the custom form cycles through, the common ones first. */
export const QUERY_TYPES: readonly QueryType[] = ['A', 'AAAA', 'A+AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SOA', 'SRV', 'CAA', 'PTR'];

/** What the simulator runs: a ready-made scenario or a name and type typed by the learner. */
export type SimSource = { kind: 'scenario'; id: string } | { kind: 'custom'; name: string; type: QueryType };

/** A TTL the learner changed, by owner name and type. */
export interface TtlOverride {
  name: string;
  type: RecordType;
  ttlSeconds: number;
}

/** The learner's what-if edits, applied on top of the scenario before it runs again. */
export interface WhatIf {
  /** Servers (by name) taken down at the start of the run: they drop every packet. */
  downServers: string[];
  /** Servers that are down in the world, brought back up at the start of the run. */
  upServers: string[];
  ttl: TtlOverride[];
  /** Extra questions, each asked this long after the previous one was asked ("advance the clock"). */
  askAgainAfterMs: number[];
  qnameMinimisation?: boolean;
  /** The resolver program the recursive resolver imitates (Unbound, BIND, Knot), or the reference model. */
  personality?: PersonalityId;
}

/** No what-if at all. */
export const NO_WHAT_IF: WhatIf = { downServers: [], upServers: [], ttl: [], askAgainAfterMs: [] };
