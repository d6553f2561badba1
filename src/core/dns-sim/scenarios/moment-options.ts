import type { CacheCheckedEvent, CacheOperation, CacheStoredEvent, Endpoint, QuerySentEvent, ResponseKind } from '../events.js';
import { cacheOperationsOf } from '../events.js';
import { CONFUSABLE, RESPONSE_LABELS, RESPONSE_TELLS, cacheHitLabel, cacheStoreLabel, durationLabel, endpointLabel } from './moment-labels.js';
import type { MomentOptions, MomentRun } from './moment-types.js';

/** What comes back, as options: the kind's label, the kinds it is confused with, and the words that report it. */
export function responseOptions(kind: ResponseKind): MomentOptions {
  return {
    right: RESPONSE_LABELS[kind]!,
    wrong: (CONFUSABLE[kind] ?? []).map((other) => RESPONSE_LABELS[other]!),
    tells: RESPONSE_TELLS[kind] ?? [],
  };
}

const DEPTH_OF_ROLE: Record<Endpoint['role'], number> = { authoritative: 0, tld: 1, root: 2, resolver: 3, stub: 4, client: 5 };

/**
 * Which server a query goes to, as options: the other servers the same sender asks in the run (another
 * of the same zone first; one root and one TLD server at most, as those are interchangeable), then giving up.
 */
export function nextServerOptions(event: QuerySentEvent, run: MomentRun): MomentOptions {
  const others = new Map<string, Endpoint>();
  for (const other of run.events) {
    if (other.type !== 'query-sent' || other.from.name !== event.from.name || other.to.name === event.to.name) continue;
    const interchangeable = other.to.role === 'root' || other.to.role === 'tld';
    if (interchangeable && (other.to.role === event.to.role || [...others.values()].some((seen) => seen.role === other.to.role))) continue;
    others.set(other.to.name, other.to);
  }
  const sameRole = [...others.values()].filter((other) => other.role === event.to.role);
  const otherRoles = [...others.values()].filter((other) => other.role !== event.to.role).sort((a, b) => DEPTH_OF_ROLE[a.role] - DEPTH_OF_ROLE[b.role]);
  const first = !run.events.some((other) => other.type === 'query-sent' && other.from.name === event.from.name && other.seq < event.seq);
  const giveUp = event.from.role === 'stub' ? 'nobody: getaddrinfo gives up with an error' : first ? 'nobody: it answers from its own cache' : 'nobody: it gives up and answers SERVFAIL';
  const root = event.to.role !== 'root' && !otherRoles.some((other) => other.role === 'root') && event.from.role === 'resolver' ? ['a root server, from the root hints'] : [];
  // The same server asked again in this lookup (Unbound after REFUSED, or a retry): its name alone is already on screen.
  const again = run.events.some((other) => other.type === 'query-sent' && other.seq < event.seq && other.queryIndex === event.queryIndex && other.from.name === event.from.name && other.to.name === event.to.name);
  const right = again ? `${endpointLabel(event.to)}, again` : endpointLabel(event.to);
  return {
    right,
    wrong: [...sameRole.map(endpointLabel), giveUp, ...otherRoles.map(endpointLabel), ...root],
    tells: [again ? right : `→ ${event.to.name}`],
  };
}

/** The entry a cache lookup is about: the first operation, which concerns the question (a delegation hit may follow). */
function askedEntry(event: CacheCheckedEvent): CacheOperation | undefined {
  return event.cache[0];
}

/** The TTL the entry was stored with, from the last store of the same name and type before the lookup. */
function storedSeconds(op: CacheOperation, event: CacheCheckedEvent, run: MomentRun): number | undefined {
  const stores = run.events.filter((other) => other.seq < event.seq && other.from.name === event.from.name).flatMap(cacheOperationsOf);
  return stores.filter((entry) => entry.op === 'store' && entry.name === op.name && entry.type === op.type).at(-1)?.ttlSeconds;
}

/** Words with which the simulator reports a TTL: "241 s left", "241 s of", "TTL 241 s", "for 241 s". */
export function ttlTells(ttlSeconds: number): string[] {
  return [`${ttlSeconds} s left`, `${ttlSeconds} s of`, `TTL ${ttlSeconds} s`, `for ${ttlSeconds} s`];
}

const MISS = 'a miss: it has to ask the name servers';
const EXPIRED = 'an expired entry: it has to ask the name servers again';

/**
 * What a cache lookup finds, as options: a hit with the seconds left (against the TTL it was stored with,
 * a miss and an expired entry), or an expired entry (against hits). `storedTtlSeconds` is for entries
 * cached before the run began.
 */
export function cacheLookupOptions(event: CacheCheckedEvent, run: MomentRun, storedTtlSeconds?: number): MomentOptions {
  const op = askedEntry(event);
  if (!op) throw new Error(`cache check ${event.seq} has no entry to ask about`);
  const stored = storedTtlSeconds ?? storedSeconds(op, event, run);
  if (op.op === 'hit') {
    const fresh = stored !== undefined && stored !== op.ttlSeconds ? [cacheHitLabel(op, stored)] : [];
    const notCached = op.negative ? 'a miss: negative answers are not cached, so it asks again' : MISS;
    return { right: cacheHitLabel(op), wrong: [...fresh, notCached, EXPIRED], tells: ttlTells(op.ttlSeconds) };
  }
  if (op.op === 'expire') {
    const stillThere = stored === undefined ? [] : [cacheHitLabel(op, stored)];
    return { right: EXPIRED, wrong: [...stillThere, cacheHitLabel(op, 1), 'a miss: the name was never cached'], tells: ['expired from the cache'] };
  }
  throw new Error(`cache check ${event.seq}: a ${op.op} needs options of its own`);
}

/** What goes into a cache and for how long, as options: other TTLs, and what a learner might expect instead. */
export function cacheStoreOptions(event: CacheStoredEvent, wrongTtlSeconds: number[], instead: string[] = []): MomentOptions {
  const op = event.cache.find((entry) => entry.op === 'store' && entry.negative) ?? event.cache.find((entry) => entry.op === 'store');
  if (!op) throw new Error(`cache store ${event.seq} stores nothing`);
  return {
    right: cacheStoreLabel(op),
    wrong: [...instead, ...wrongTtlSeconds.filter((ttl) => ttl !== op.ttlSeconds).map((ttl) => cacheStoreLabel(op, ttl))],
    // As the simulator words the store ("cached com. NS (86400 s)") and a negative answer ("cache that for 300 s").
    tells: [`${op.name.replace(/\.$/, '')}. ${op.type} (${op.ttlSeconds} s)`, `cache that for ${op.ttlSeconds} s`],
  };
}

/** How long something took, as options: the other durations a learner might expect. */
export function durationOptions(ms: number, wrongMs: number[]): MomentOptions {
  const right = durationLabel(ms);
  return { right, wrong: wrongMs.map(durationLabel).filter((label) => label !== right), tells: [right, `after ${Math.round(ms)} ms`] };
}
