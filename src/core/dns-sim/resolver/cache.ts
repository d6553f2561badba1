import type { RecordType, ResourceRecord } from '../world/world.js';

/** How much a cached RRset is trusted (RFC 2181 section 5.4.1, simplified): glue < referral NS < an authoritative answer. */
export type CacheRank = 'glue' | 'referral' | 'answer';

const RANK_ORDER: Record<CacheRank, number> = { glue: 0, referral: 1, answer: 2 };

/** One cached RRset or negative answer, stamped with the virtual times it was stored and expires. */
export type CacheEntry =
  | { kind: 'positive'; name: string; type: RecordType; records: ResourceRecord[]; rank: CacheRank; ttlSeconds: number; storedAtMs: number; expiresAtMs: number; signatures?: ResourceRecord[]; secure?: boolean; subnet?: string }
  | { kind: 'nxdomain' | 'nodata'; name: string; type: RecordType; soa?: ResourceRecord; ttlSeconds: number; storedAtMs: number; expiresAtMs: number; secure?: boolean };

/**
 * A resolver's cache on the virtual clock. Entries are versions, never overwritten, and a lookup at
 * time t sees only versions stored at or before t: so lookups that run side by side (A and AAAA sent
 * together) can be simulated one after the other and still see what they would have seen.
 */
export interface ResolverCache {
  entries: Map<string, CacheEntry[]>;
}

/** The result of a cache lookup: a live entry with its remaining TTL, an expired one, or nothing. */
export type CacheLookup =
  | { status: 'hit'; entry: CacheEntry; remainingSeconds: number }
  | { status: 'expired'; entry: CacheEntry }
  | { status: 'miss' };

/** Creates an empty cache. */
export function createCache(): ResolverCache {
  return { entries: new Map() };
}

// NXDOMAIN covers every type at the name (RFC 2308 section 5), so it has one key per name.
const keyOf = (name: string, type: RecordType | '*'): string => `${name}|${type}`;

/** Stores an entry; perQuestion keeps an NXDOMAIN under its own type, as message caches keyed by question do. */
export function storeEntry(cache: ResolverCache, entry: CacheEntry, perQuestion = false): void {
  const key = keyOf(entry.name, entry.kind === 'nxdomain' && !perQuestion ? '*' : entry.type);
  const list = cache.entries.get(key) ?? [];
  list.push(entry);
  cache.entries.set(key, list);
}

/** Finds the best live entry for (name, type) at nowMs: highest rank, then newest; positive data of at least minRank, and (ECS) for this client's network. */
export function lookupEntry(cache: ResolverCache, name: string, type: RecordType, nowMs: number, minRank: CacheRank = 'glue', clientAddress?: string): CacheLookup {
  const usable = (entry: CacheEntry): boolean =>
    entry.storedAtMs <= nowMs && (entry.kind !== 'positive' || (RANK_ORDER[entry.rank] >= RANK_ORDER[minRank] && inSubnet(entry.subnet, clientAddress)));
  let best: CacheEntry | undefined;
  let newestExpired: CacheEntry | undefined;
  // Both lists walked in place: server selection looks up every NS name of a delegation, thousands in a large one.
  for (const list of [cache.entries.get(keyOf(name, type)), cache.entries.get(keyOf(name, '*'))]) for (const entry of list ?? []) {
    if (!usable(entry)) continue;
    if (entry.expiresAtMs <= nowMs) {
      if (!newestExpired || entry.storedAtMs >= newestExpired.storedAtMs) newestExpired = entry;
      continue;
    }
    if (!best || rankOf(entry) > rankOf(best) || (rankOf(entry) === rankOf(best) && entry.storedAtMs >= best.storedAtMs)) best = entry;
  }
  if (best) return { status: 'hit', entry: best, remainingSeconds: remainingSeconds(best, nowMs) };
  if (newestExpired) return { status: 'expired', entry: newestExpired };
  return { status: 'miss' };
}

/** Whole seconds left before an entry expires, as resolvers report decremented TTLs (rounded up, so a fresh entry shows its full TTL). */
export function remainingSeconds(entry: CacheEntry, nowMs: number): number {
  return Math.max(0, Math.ceil((entry.expiresAtMs - nowMs) / 1000));
}

/** The records of a positive entry with their TTLs decremented to what is left at nowMs. */
export function recordsWithRemainingTtl(entry: CacheEntry & { kind: 'positive' }, nowMs: number): ResourceRecord[] {
  const left = remainingSeconds(entry, nowMs);
  return entry.records.map((record) => ({ ...record, ttlSeconds: left }));
}

// An entry cached for a client network (ECS) serves only clients inside it; without a client address only unscoped entries match.
function inSubnet(subnet: string | undefined, address: string | undefined): boolean {
  if (subnet === undefined) return true;
  if (address === undefined) return false;
  const [network, bits] = subnet.split('/') as [string, string];
  const toNumber = (ip: string): number => ip.split('.').reduce((sum, octet) => sum * 256 + Number(octet), 0);
  const prefix = Number(bits);
  if (!address.includes('.') || prefix === 0) return prefix === 0;
  const mask = prefix >= 32 ? 0xffffffff : (0xffffffff << (32 - prefix)) >>> 0;
  return ((toNumber(address) & mask) >>> 0) === ((toNumber(network) & mask) >>> 0);
}

function rankOf(entry: CacheEntry): number {
  // Negative answers come from the zone's own servers, like authoritative answers.
  return entry.kind === 'positive' ? RANK_ORDER[entry.rank] : RANK_ORDER.answer;
}
