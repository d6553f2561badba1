import { describe, expect, it } from 'vitest';
import { createCache, lookupEntry, recordsWithRemainingTtl, storeEntry, type CacheEntry } from '../../../../src/core/dns-sim/resolver/cache.js';
import { createInfraCache, estimateServer, observe, UNKNOWN_SERVER_RTO_MS } from '../../../../src/core/dns-sim/resolver/infra-cache.js';

const positive = (storedAtMs: number, ttlSeconds: number, data = '192.0.2.1', rank: 'glue' | 'answer' = 'answer'): CacheEntry => ({
  kind: 'positive', name: 'www.example.com', type: 'A', rank, ttlSeconds, storedAtMs, expiresAtMs: storedAtMs + ttlSeconds * 1000,
  records: [{ name: 'www.example.com', type: 'A', ttlSeconds, data }],
});

describe('resolver cache on the virtual clock', () => {
  it.each([
    [0, 'hit', 300],
    [1, 'hit', 300],
    [60_000, 'hit', 240],
    [299_500, 'hit', 1],
    [300_000, 'expired', undefined],
    [900_000, 'expired', undefined],
  ] as const)('an entry stored at 0 with TTL 300 s, looked up at %i ms, is %s', (now, status, left) => {
    const cache = createCache();
    storeEntry(cache, positive(0, 300));
    const found = lookupEntry(cache, 'www.example.com', 'A', now);
    expect(found.status).toBe(status);
    if (found.status === 'hit') expect(found.remainingSeconds).toBe(left);
  });

  it('does not show an entry to a lookup that happens before it was stored (parallel lookups)', () => {
    const cache = createCache();
    storeEntry(cache, positive(500, 300));
    expect(lookupEntry(cache, 'www.example.com', 'A', 100).status).toBe('miss');
    expect(lookupEntry(cache, 'www.example.com', 'A', 500).status).toBe('hit');
  });

  it('never answers from glue when answer rank is required (RFC 2181 5.4.1)', () => {
    const cache = createCache();
    storeEntry(cache, positive(0, 300, '192.0.2.9', 'glue'));
    expect(lookupEntry(cache, 'www.example.com', 'A', 10, 'answer').status).toBe('miss');
    expect(lookupEntry(cache, 'www.example.com', 'A', 10, 'glue').status).toBe('hit');
  });

  it('lets an NXDOMAIN cover every type at the name, but NODATA only its own type (RFC 2308 5)', () => {
    const cache = createCache();
    storeEntry(cache, { kind: 'nxdomain', name: 'nope.example.com', type: 'A', ttlSeconds: 300, storedAtMs: 0, expiresAtMs: 300_000 });
    storeEntry(cache, { kind: 'nodata', name: 'www.example.com', type: 'MX', ttlSeconds: 300, storedAtMs: 0, expiresAtMs: 300_000 });
    expect(lookupEntry(cache, 'nope.example.com', 'AAAA', 10).status).toBe('hit');
    expect(lookupEntry(cache, 'www.example.com', 'MX', 10).status).toBe('hit');
    expect(lookupEntry(cache, 'www.example.com', 'TXT', 10).status).toBe('miss');
  });

  it('counts TTLs down in the records it returns', () => {
    const entry = positive(0, 300) as CacheEntry & { kind: 'positive' };
    expect(recordsWithRemainingTtl(entry, 100_000)[0]!.ttlSeconds).toBe(200);
  });
});

describe('infra cache (memory of servers)', () => {
  it('starts unknown servers at Unbound\'s 376 ms and doubles the timeout on each loss', () => {
    const infra = createInfraCache();
    expect(estimateServer(infra, '192.0.2.1', 0, 900).rtoMs).toBe(UNKNOWN_SERVER_RTO_MS);
    observe(infra, { atMs: 376, address: '192.0.2.1', outcome: 'timeout', ms: 376 });
    expect(estimateServer(infra, '192.0.2.1', 400, 900).rtoMs).toBe(752);
    observe(infra, { atMs: 1200, address: '192.0.2.1', outcome: 'timeout', ms: 752 });
    expect(estimateServer(infra, '192.0.2.1', 1300, 900).rtoMs).toBe(1504);
  });

  it('moves the timeout towards measured round trips (util/rtt.c arithmetic)', () => {
    const infra = createInfraCache();
    observe(infra, { atMs: 100, address: '192.0.2.2', outcome: 'ok', ms: 100 });
    // srtt 0 + 100/8 = 12; rttvar 94 + (100-94)/4 = 95; rto = 12 + 4 * 95.
    expect(estimateServer(infra, '192.0.2.2', 200, 900).rtoMs).toBe(392);
  });

  it('forgets what it learned after infra-host-ttl', () => {
    const infra = createInfraCache();
    observe(infra, { atMs: 0, address: '192.0.2.1', outcome: 'timeout', ms: 376 });
    observe(infra, { atMs: 0, address: '192.0.2.1', outcome: 'lame', zone: 'example.com' });
    expect(estimateServer(infra, '192.0.2.1', 899_000, 900).lameZones).toEqual(['example.com']);
    const later = estimateServer(infra, '192.0.2.1', 900_001, 900);
    expect(later.rtoMs).toBe(376);
    expect(later.lameZones).toEqual([]);
  });
});
