import { storeEntry, type CacheRank } from './cache.js';
import type { CacheOperation } from '../events.js';
import { fqdn } from '../names/names.js';
import type { WalkContext } from './resolver-state.js';
import { emit } from '../sim-state.js';
import { toRecordView } from '../wire/wire-records.js';
import type { RecordType, ResourceRecord } from '../world/world.js';

/** Caches records as RRsets (one TTL per set, the smallest, between cache-min-ttl and cache-max-ttl) and returns the store operations; signatures ride along with their RRset. */
export function storeRrsets(ctx: WalkContext, records: ResourceRecord[], rank: CacheRank, nowMs: number, extra: StoreExtras = {}): CacheOperation[] {
  const { signatures, secure, subnet } = extra;
  const sets = new Map<string, ResourceRecord[]>();
  for (const record of records) {
    const key = `${record.name}|${record.type}`;
    sets.set(key, [...(sets.get(key) ?? []), record]);
  }
  const ops: CacheOperation[] = [];
  for (const set of sets.values()) {
    const first = set[0]!;
    // RFC 2181 section 5.2: the records of an RRset share one TTL; take the smallest if they disagree.
    const { minCacheTtlSeconds, maxCacheTtlSeconds } = ctx.resolver.options;
    const ttlSeconds = Math.max(minCacheTtlSeconds, Math.min(maxCacheTtlSeconds, ...set.map((record) => record.ttlSeconds)));
    const stored = set.map((record) => ({ ...record, ttlSeconds }));
    const sigs = signatures?.filter((sig) => sig.type === 'RRSIG' && sig.name === first.name && sig.data.typeCovered === first.type);
    storeEntry(ctx.resolver.cache, { kind: 'positive', name: first.name, type: first.type, records: stored, rank, ttlSeconds, storedAtMs: nowMs, expiresAtMs: nowMs + ttlSeconds * 1000, ...(sigs && sigs.length > 0 ? { signatures: sigs } : {}), ...(secure ? { secure } : {}), ...(subnet ? { subnet } : {}) });
    ops.push({ op: 'store', name: first.name, type: first.type, ttlSeconds, records: stored.map(toRecordView) });
  }
  return ops;
}

/** What may come with an RRset into the cache: its RRSIGs, whether it validated, and the ECS scope it is valid for. */
export interface StoreExtras {
  signatures?: ResourceRecord[] | undefined;
  secure?: boolean;
  /** RFC 7871 section 7.3: an answer with a non-zero scope is cached for that client network only, e.g. "198.51.100.0/24". */
  subnet?: string | undefined;
}

/**
 * Caches a negative answer for RFC 2308 section 5: its TTL is the smaller of the SOA record's TTL and
 * the SOA MINIMUM field, from the SOA in the authority section; without an SOA it is not cached.
 */
export function storeNegative(ctx: WalkContext, name: string, type: RecordType, kind: 'nxdomain' | 'nodata', soa: ResourceRecord | undefined, nowMs: number, secure = false): CacheOperation | undefined {
  if (!soa || soa.type !== 'SOA') return undefined;
  const { minCacheTtlSeconds, maxNegativeTtlSeconds, negativeCachePerType } = ctx.resolver.options;
  const ttlSeconds = Math.max(minCacheTtlSeconds, Math.min(soa.ttlSeconds, soa.data.minimum, maxNegativeTtlSeconds));
  // An NXDOMAIN covers every type at the name (RFC 2308 section 5) unless the cache is keyed by question, like Unbound's message cache.
  storeEntry(ctx.resolver.cache, { kind, name, type, soa: { ...soa, ttlSeconds }, ttlSeconds, storedAtMs: nowMs, expiresAtMs: nowMs + ttlSeconds * 1000, ...(secure ? { secure } : {}) }, negativeCachePerType);
  return { op: 'store', name, type, ttlSeconds, negative: kind, records: [toRecordView({ ...soa, ttlSeconds })] };
}

/** Records a cache-stored event for the operations, if there are any. */
export function emitStores(ctx: WalkContext, ops: CacheOperation[], nowMs: number, note = ''): void {
  if (ops.length === 0) return;
  const parts = ops.map((op) => `${op.negative ? `${op.negative} ` : ''}${fqdn(op.name)} ${op.type} (${op.ttlSeconds} s)`);
  emit(ctx.sim, {
    type: 'cache-stored',
    timeMs: nowMs,
    from: ctx.resolver.endpoint,
    to: ctx.resolver.endpoint,
    transport: 'local',
    cache: ops,
    depth: ctx.depth,
    lookup: ctx.lookup,
    explanation: `cached ${parts.join(', ')}${note ? `; ${note}` : ''}`,
  });
}
