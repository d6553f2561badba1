import type { Endpoint } from '../events.js';
import type { QueryOutcome } from '../outcome.js';
import { toStoredName } from '../names/names.js';
import { emit, type SimState } from '../sim-state.js';

/** Chrome's host cache in front of getaddrinfo: results kept 60 s whatever their DNS TTL, failures not kept (net/dns, kCacheEntryTTLSeconds). */
export interface BrowserCacheSpec {
  ttlSeconds: number;
  /** How long failures are kept: 0 in Chrome (kNegativeCacheEntryTTLSeconds). */
  negativeTtlSeconds: number;
}

/** Chrome's values for results from the system resolver. */
export const CHROME_HOST_CACHE: BrowserCacheSpec = { ttlSeconds: 60, negativeTtlSeconds: 0 };

/** One browser's cache: name -> answer and until when it holds. */
export type BrowserCache = Map<string, { outcome: QueryOutcome; untilMs: number; storedAtMs: number }>;

/** Answers from the browser cache when it holds the name; records the hit as events. */
export function browserHit(sim: SimState, cache: BrowserCache, client: Endpoint, name: string, atMs: number, index: number): QueryOutcome | undefined {
  const key = toStoredName(name);
  const entry = cache.get(key);
  const browser: Endpoint = { name: `${client.name} (browser host cache)`, address: client.address, role: 'client' };
  const lookup = `A+AAAA ${name}`;
  if (!entry || atMs >= entry.untilMs) {
    emit(sim, { type: 'lookup-started', timeMs: atMs, from: client, to: browser, transport: 'local', depth: 0, lookup, cache: [entry ? { op: 'expire', name: key, type: 'A', ttlSeconds: 0 } : { op: 'miss', name: key, type: 'A', ttlSeconds: 0 }], explanation: entry ? `the page needs ${key}; the browser's entry (kept ${Math.round((entry.untilMs - entry.storedAtMs) / 1000)} s) has expired, so it calls getaddrinfo` : `the page needs ${key}; the browser's host cache has no entry, so it calls getaddrinfo` });
    return undefined;
  }
  const left = Math.ceil((entry.untilMs - atMs) / 1000);
  emit(sim, { type: 'lookup-started', timeMs: atMs, from: client, to: browser, transport: 'local', depth: 0, lookup, explanation: `the page needs ${key}` });
  emit(sim, { type: 'cache-checked', timeMs: atMs, from: browser, to: browser, transport: 'local', depth: 0, lookup, kind: 'cache-hit', cache: [{ op: 'hit', name: key, type: 'A', ttlSeconds: left }], explanation: `browser host cache hit: ${entry.outcome.addresses.join(', ')}, ${left} s left of the browser's own ${Math.round((entry.untilMs - entry.storedAtMs) / 1000)} s (it does not see the DNS TTL); no DNS message is sent` });
  emit(sim, { type: 'lookup-finished', timeMs: atMs, from: browser, to: client, transport: 'local', depth: 0, lookup, kind: 'answer', explanation: 'answered by the browser cache' });
  return { ...entry.outcome, index, startedAtMs: atMs, finishedAtMs: atMs, durationMs: 0, cacheLayer: 'browser', explanation: `answered by the browser's host cache (${left} s left)` };
}

/** Keeps a finished lookup in the browser cache by the browser's rule. */
export function browserStore(sim: SimState, cache: BrowserCache, spec: BrowserCacheSpec, client: Endpoint, outcome: QueryOutcome): void {
  const ttl = outcome.status === 'answer' ? spec.ttlSeconds : spec.negativeTtlSeconds;
  if (ttl <= 0) return;
  const key = toStoredName(outcome.name);
  cache.set(key, { outcome, untilMs: outcome.finishedAtMs + ttl * 1000, storedAtMs: outcome.finishedAtMs });
  const browser: Endpoint = { name: `${client.name} (browser host cache)`, address: client.address, role: 'client' };
  emit(sim, { type: 'cache-stored', timeMs: outcome.finishedAtMs, from: browser, to: browser, transport: 'local', depth: 0, lookup: `A+AAAA ${outcome.name}`, cache: [{ op: 'store', name: key, type: 'A', ttlSeconds: ttl }], explanation: `the browser keeps ${outcome.addresses.join(', ')} for ${ttl} s, its own rule for system-resolver results, whatever the records' TTL` });
}
