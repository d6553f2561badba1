import type { CacheOperation, Endpoint, ResponseKind } from '../events.js';
import type { QueryOutcome } from '../outcome.js';

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

/** For each kind, the words with which the simulator reports it: seen before the question, they would answer it. */
export const RESPONSE_TELLS: Partial<Record<ResponseKind, string[]>> = {
  answer: ['authoritative answer for'],
  cname: ['CNAME to'],
  referral: ['referral:'],
  nxdomain: ['NXDOMAIN'],
  nodata: ['NODATA'],
  servfail: ['SERVFAIL'],
  refused: ['REFUSED'],
  timeout: ['no answer from'],
  truncated: ['TC=1'],
};

const ROLE_WORDS: Record<Endpoint['role'], string> = { client: 'application', stub: 'stub resolver', resolver: 'resolver', root: 'root server', tld: 'TLD server', authoritative: 'authoritative server' };

/** "g.root-servers.net (root server)". */
export function endpointLabel(endpoint: Endpoint): string {
  return `${endpoint.name} (${ROLE_WORDS[endpoint.role]})`;
}

function withDot(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

/** A cache entry as an option: "www.example.com. A for 300 s", or a negative entry. */
export function cacheStoreLabel(op: CacheOperation, ttlSeconds = op.ttlSeconds): string {
  if (op.negative === 'nxdomain') return `that ${withDot(op.name)} does not exist, for ${ttlSeconds} s`;
  if (op.negative === 'nodata') return `that ${withDot(op.name)} has no ${op.type} records, for ${ttlSeconds} s`;
  return `${withDot(op.name)} ${op.type} for ${ttlSeconds} s`;
}

/** A cache lookup's result as an option: a hit or a negative entry with the seconds left. */
export function cacheHitLabel(op: CacheOperation, ttlSeconds = op.ttlSeconds): string {
  if (op.negative) return `a negative entry: ${withDot(op.name)} ${op.negative === 'nxdomain' ? 'does not exist' : `has no ${op.type} records`}, ${ttlSeconds} s left`;
  return `a hit: ${withDot(op.name)} ${op.type} with ${ttlSeconds} s left`;
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
      return 'an error after the timeouts: no server answered (EAI_AGAIN)';
    case 'refused':
      return 'an error: the resolver refused the query';
  }
}

/** A duration as an option: "257 ms", "5.0 s", "12.0 s". */
export function durationLabel(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** A time relative to the question's start, for the context: "+233 ms", "-60.0 s", "-31.0 min". */
export function relativeTimeLabel(ms: number): string {
  const size = Math.abs(ms);
  const text = size < 10_000 ? `${Math.round(size)} ms` : size < 600_000 ? `${(size / 1000).toFixed(1)} s` : `${(size / 60_000).toFixed(1)} min`;
  return `${ms < 0 ? '-' : '+'}${text}`;
}
