import type { CacheOperation, Endpoint, ResponseKind } from '../../dns-sim/events.js';
import type { QueryOutcome } from '../../dns-sim/outcome.js';

/** How each kind of response reads as an option. */
export const RESPONSE_LABELS: Partial<Record<ResponseKind, string>> = {
  answer: 'the answer itself, authoritatively (AA=1)',
  cname: 'a CNAME: the name is an alias for another name',
  referral: 'a referral: NS records for a zone further down (AA=0)',
  nxdomain: 'NXDOMAIN: the name does not exist',
  nodata: 'NODATA: the name exists but has no record of this type',
  servfail: 'SERVFAIL: the server could not produce an answer',
  refused: 'REFUSED: the server will not answer for this zone',
  timeout: 'nothing: the query times out',
  truncated: 'a truncated answer (TC=1): too big for UDP',
};

/** For each kind, the wrong options a learner is most likely to confuse it with, best first. */
export const CONFUSABLE: Partial<Record<ResponseKind, ResponseKind[]>> = {
  answer: ['referral', 'nxdomain', 'cname'],
  cname: ['answer', 'referral', 'nxdomain'],
  referral: ['answer', 'nxdomain', 'servfail'],
  nxdomain: ['nodata', 'answer', 'servfail'],
  nodata: ['nxdomain', 'answer', 'servfail'],
  servfail: ['nxdomain', 'timeout', 'answer'],
  refused: ['servfail', 'nxdomain', 'timeout'],
  timeout: ['servfail', 'refused', 'answer'],
  truncated: ['answer', 'servfail', 'timeout'],
};

const ROLE_WORDS: Record<Endpoint['role'], string> = { client: 'application', stub: 'stub resolver', resolver: 'resolver', root: 'root server', tld: 'TLD server', authoritative: 'authoritative server' };

/** "g.root-servers.net (root server)". */
export function endpointLabel(endpoint: Endpoint): string {
  return `${endpoint.name} (${ROLE_WORDS[endpoint.role]})`;
}

/** A cache entry as an option: "www.example.com. A for 300 s", or a negative entry. */
export function cacheStoreLabel(op: CacheOperation, ttlSeconds = op.ttlSeconds): string {
  const name = op.name.endsWith('.') ? op.name : `${op.name}.`;
  if (op.negative === 'nxdomain') return `that ${name} does not exist, for ${ttlSeconds} s`;
  if (op.negative === 'nodata') return `that ${name} has no ${op.type} records, for ${ttlSeconds} s`;
  return `${name} ${op.type} for ${ttlSeconds} s`;
}

/** A cache lookup's result as an option. */
export function cacheHitLabel(op: CacheOperation): string {
  const name = op.name.endsWith('.') ? op.name : `${op.name}.`;
  if (op.negative) return `a negative entry: ${name} ${op.negative === 'nxdomain' ? 'does not exist' : `has no ${op.type} records`}, ${op.ttlSeconds} s left`;
  return `a hit: ${name} ${op.type} with ${op.ttlSeconds} s left`;
}

/** What the application receives, as an option. */
export function outcomeLabel(outcome: Pick<QueryOutcome, 'status' | 'addresses' | 'records'>): string {
  switch (outcome.status) {
    case 'answer': {
      const data = outcome.addresses.length > 0 ? outcome.addresses : outcome.records.map((record) => record.data);
      const text = data.join(', ');
      return `the answer: ${text.length > 60 ? `${text.slice(0, 59)}…` : text}`;
    }
    case 'nxdomain':
      return 'an error: the name does not exist (NXDOMAIN)';
    case 'nodata':
      return 'no data: the name exists but has no record of this type';
    case 'servfail':
      return 'an error: the resolver could not get an answer (SERVFAIL)';
    case 'timeout':
      return 'an error after the timeouts: no server answered';
    case 'refused':
      return 'an error: the resolver refused the query';
  }
}

/** A duration as an option: "257 ms", "5004 ms", "12.0 s". */
export function durationLabel(ms: number): string {
  return ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Plausible wrong durations: the same order of magnitude, a cache hit, a timeout. */
export function durationDistractors(ms: number): string[] {
  const own = durationLabel(ms);
  const candidates = [ms < 50 ? 250 : Math.round(ms / 4), ms * 4 + 4, ms < 5000 ? ms + 5000 : Math.max(2, Math.round(ms / 50)), ms * 10 + 40, 2];
  return [...new Set(candidates.map(durationLabel))].filter((label) => label !== own);
}
