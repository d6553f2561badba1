import { cacheOperationsOf, type LookupStartedEvent, type QueryTimedOutEvent, type ResolutionEvent, type ResponseReceivedEvent } from '../events.js';
import type { QueryOutcome } from '../outcome.js';
import type { MomentRun } from './moment-types.js';

/** The start of the lookup an event belongs to (a browser's, when a browser asked first): where a question about the whole lookup is put. */
export function lookupStart(event: ResolutionEvent, before: readonly ResolutionEvent[]): LookupStartedEvent | undefined {
  return before.find((other): other is LookupStartedEvent => other.type === 'lookup-started' && other.queryIndex === event.queryIndex);
}

/** The last cache check of the same lookup before an event: a resolver's check says where its walk starts. */
export function lastCacheCheck(event: ResolutionEvent, before: readonly ResolutionEvent[]): ResolutionEvent | undefined {
  return before.findLast((other) => other.type === 'cache-checked' && other.queryIndex === event.queryIndex && other.from.name === event.from.name);
}

/** What last came back (or failed to) for the same sender and lookup before an event: a response or a timeout. */
export function lastReply(event: ResolutionEvent, before: readonly ResolutionEvent[]): ResponseReceivedEvent | QueryTimedOutEvent | undefined {
  return before.findLast(
    (other): other is ResponseReceivedEvent | QueryTimedOutEvent =>
      other.queryIndex === event.queryIndex && other.depth === event.depth && ((other.type === 'response-received' && other.to.name === event.from.name) || (other.type === 'query-timed-out' && other.from.name === event.from.name)),
  );
}

/** Whether a lookup-finished event's lookup went through a cache hit (of any cache) before it ended. */
export function answeredFromCache(event: ResolutionEvent, before: readonly ResolutionEvent[]): boolean {
  return before.some((other) => other.type === 'cache-checked' && other.kind === 'cache-hit' && other.queryIndex === event.queryIndex);
}

/**
 * Whether a scheduled change to a zone's records happened before. The event carries no typed change, and the
 * simulator words a server's change "<server> is now <behaviour>" and a record change "<name> <type> now <data>".
 */
export function afterRecordChange(before: readonly ResolutionEvent[]): boolean {
  return before.some((other) => other.type === 'world-changed' && !other.explanation.includes(' is now '));
}

const withoutDot = (name: string) => name.replace(/\.$/, '');

/** Whether an event is part of root priming (RFC 8109): the resolver's own query for the root's NS set, which some resolvers send before their first walk. */
export function isPriming(event: ResolutionEvent): boolean {
  return (event.type === 'query-sent' || event.type === 'response-received') && event.message.question.type === 'NS' && withoutDot(event.message.question.name) === '';
}

/** Whether a cache check starts a nested lookup of a name server's address: it misses a name that an NS record cached earlier points at. */
export function startsNameServerLookup(event: ResolutionEvent, before: readonly ResolutionEvent[]): boolean {
  const asked = event.type === 'cache-checked' && event.depth >= 2 ? event.cache[0] : undefined;
  if (asked?.op !== 'miss') return false;
  return before.some((other) => cacheOperationsOf(other).some((op) => op.op === 'store' && op.type === 'NS' && (op.records ?? []).some((record) => withoutDot(record.data) === withoutDot(asked.name))));
}

/** Whether a nested lookup cached the address of this query's server before it: the query that resumes a paused lookup. */
export function toNameServerFoundInNestedLookup(event: ResolutionEvent, before: readonly ResolutionEvent[]): boolean {
  return before.some((other) => other.type === 'cache-stored' && other.depth > event.depth && other.cache.some((op) => op.op === 'store' && op.type === 'A' && withoutDot(op.name) === event.to.name));
}

/** The application (or browser) that made the lookup an event belongs to. */
export function clientOf(event: ResolutionEvent, events: readonly ResolutionEvent[]): string {
  return lookupStart(event, events)?.from.name ?? 'the application';
}

/** Whether the same client asked the same question in an earlier lookup: only then is a question "asked again". */
export function askedAgain(event: ResolutionEvent, events: readonly ResolutionEvent[]): boolean {
  const start = lookupStart(event, events);
  if (!start) return false;
  return events.some((other) => other.type === 'lookup-started' && other.seq < start.seq && other.queryIndex !== start.queryIndex && other.from.name === start.from.name && other.lookup === start.lookup);
}

/** The result the application got from the lookup an event belongs to. */
export function outcomeOf(event: ResolutionEvent, run: MomentRun): QueryOutcome {
  const outcome = run.outcomes[event.queryIndex];
  if (!outcome) throw new Error(`no outcome for query ${event.queryIndex}`);
  return outcome;
}

/** Seconds between two events, rounded: "31" for 31 minutes as 1860. */
export function secondsBetween(from: ResolutionEvent, to: ResolutionEvent): number {
  return Math.round((to.timeMs - from.timeMs) / 1000);
}
