import type { ResolutionOutcome, WalkContext } from './resolver-state.js';
import type { ExtendedError } from '../wire/wire.js';
import type { RecordType, ResourceRecord } from '../world/world.js';

/** How one name's walk down the delegation tree ended (CNAMEs are handed back for the caller to chase). */
export type IterationResult =
  | { kind: 'answer'; records: ResourceRecord[]; atMs: number; secure?: boolean; signatures?: ResourceRecord[]; stale?: boolean }
  | { kind: 'cname'; records: ResourceRecord[]; target: string; atMs: number; secure?: boolean }
  | { kind: 'nxdomain' | 'nodata'; records: ResourceRecord[]; soa?: ResourceRecord; atMs: number; secure?: boolean }
  | { kind: 'servfail'; reason: string; atMs: number; ede?: ExtendedError };

/** Looks up an address for a name server name in a nested walk; returns the time it finished. */
export type AddressLookup = (ctx: WalkContext, nsName: string, zone: string, nowMs: number, failures: string[], opportunistic?: boolean) => number;

/** What a walk may call back into: address lookups for name servers, and whole lookups for the validator's keys. */
export interface WalkServices {
  lookupAddress: AddressLookup;
  resolve: (ctx: WalkContext, name: string, type: RecordType, nowMs: number) => { outcome: ResolutionOutcome & { signatures?: ResourceRecord[] }; atMs: number };
}
