import type { ResolutionEvent } from '../events.js';
import { clientOf, lookupStart, outcomeOf } from './moment-events.js';
import { outcomeLabel } from './moment-labels.js';
import { durationOptions, responseOptions } from './moment-options.js';
import { moment, type ScenarioQuiz } from './moment-types.js';
import type { ScenarioId } from './scenario-types.js';

const resolverTimeout = (event: ResolutionEvent) => event.type === 'query-timed-out' && event.from.role === 'resolver';

/** The outage so far, in times before the question: when the servers went dark and when the answer was fetched. */
function dark(event: ResolutionEvent, events: readonly ResolutionEvent[]): string {
  const start = lookupStart(event, events)!;
  const wentDark = events.find((other) => other.type === 'world-changed')!;
  return `Both of fragile-shop.com's name servers went dark ${Math.round((start.timeMs - wentDark.timeMs) / 1000)} s ago; www.fragile-shop.com has a TTL of 30 s and was fetched ${Math.round((start.timeMs - events[0]!.timeMs) / 1000)} s ago.`;
}
const SERVFAIL = outcomeLabel({ status: 'servfail', addresses: [], records: [] });
const TIMEOUT = outcomeLabel({ status: 'timeout', addresses: [], records: [] });

/** Whether the lookup was answered from the cache after its own refresh had timed out: stale data was served. */
const servedStale = (event: ResolutionEvent, before: readonly ResolutionEvent[]) =>
  before.some((hit) => hit.type === 'cache-checked' && hit.kind === 'cache-hit' && hit.queryIndex === event.queryIndex && before.some((other) => resolverTimeout(other) && other.queryIndex === event.queryIndex && other.seq < hit.seq));

/** Whether an earlier question was answered from the cache after its refresh had timed out (stale data), in one pass. */
function afterStaleAnswer(event: ResolutionEvent, before: readonly ResolutionEvent[]): boolean {
  const timedOut = new Set<number>();
  for (const other of before) {
    if (other.queryIndex >= event.queryIndex) continue;
    if (resolverTimeout(other)) timedOut.add(other.queryIndex);
    else if (other.type === 'cache-checked' && other.kind === 'cache-hit' && timedOut.has(other.queryIndex)) return true;
  }
  return false;
}

/** The quiz of the outage and resolver-optimisation scenarios: dark servers, serve-stale, prefetch and coalescing. */
export const OUTAGE_QUIZ = {
  'servfail-storm': {
    name: 'A shop whose name servers go dark (30 s TTLs)',
    moments: [
      moment({
        id: 'dark-server', kind: 'query-timed-out',
        when: (event) => event.from.role === 'resolver',
        ask: (event) => `What comes back from ${event.to.name}?`,
        options: () => responseOptions('timeout'),
        why: 'A server that is down or unreachable sends nothing: the resolver learns of it only when its timeout runs out, and then tries the other server, with longer timeouts each round.',
      }),
      moment({
        id: 'outcome', kind: 'lookup-finished',
        when: (event) => event.kind !== 'answer',
        askAt: lookupStart,
        ask: (event, run) => `${dark(event, run.events)} The application asks for it now: what does it get?`,
        options: (event, run) => {
          // A resolver that answers SERVFAIL within glibc's 10 s shows SERVFAIL; the measured ones (Unbound drops the reply at
          // 1.9 s, BIND answers at 10.0 s, Knot at 12.8 s) leave glibc to time out.
          const servfail = outcomeOf(event, run).status === 'servfail';
          return {
            right: servfail ? SERVFAIL : TIMEOUT,
            wrong: ['the last known address, served although expired', servfail ? TIMEOUT : SERVFAIL, outcomeLabel({ status: 'nxdomain', addresses: [], records: [] })],
            tells: [servfail ? 'SERVFAIL' : 'EAI_AGAIN'],
          };
        },
        why: 'Once the cached answer expires, every question sends the resolver back to the dead servers. Unbound drops its reply after 1.9 s while it keeps retrying; BIND answers SERVFAIL at 10 s and Knot at about 12.8 s, just after glibc gave up: the application gets EAI_AGAIN, and each of its retries starts it all again.',
      }),
    ],
  },
  'serve-stale': {
    name: 'A shop whose name servers go dark, with serve-stale on',
    moments: [
      moment({
        id: 'stale-answer', kind: 'lookup-finished',
        when: servedStale,
        askAt: lookupStart,
        ask: (event, run) => `${dark(event, run.events)} The resolver has serve-stale on (RFC 8767). The application asks for it now: what does it get?`,
        // The TTL is the resolver's own: 30 s (RFC 8767, Unbound, BIND), 1 s (Knot's serve_stale).
        options: (event, run) => ({ right: `the expired answer, served stale with a TTL of ${outcomeOf(event, run).records[0]?.ttlSeconds ?? 30} s`, wrong: [SERVFAIL, TIMEOUT, 'the expired answer with its original TTL, as if fresh'], tells: ['answers with the expired'] }),
        why: 'When a refresh fails, serve-stale answers with the expired data rather than SERVFAIL, so existing users keep reaching the shop during the outage. BIND and Knot Resolver mark it with EDE 3 (Stale Answer); Unbound only with ede and ede-serve-expired on.',
      }),
      moment({
        id: 'stale-wait', kind: 'lookup-finished',
        when: servedStale,
        askAt: lookupStart,
        contextEvents: 0,
        ask: (event, run) => `${dark(event, run.events)} The resolver has serve-stale on, and tries to refresh the answer first. The application asks for it now: how long does it wait for its answer?`,
        options: (event, run) => {
          const ms = outcomeOf(event, run).durationMs;
          return durationOptions(ms, [ms - 1800, ms + 5000, 10_000]);
        },
        why: 'The resolver first tries to refresh; when its client response timer fires with no answer, it sends the stale data. RFC 8767 suggests 1.8 s (Unbound\'s serve-expired-client-timeout and BIND\'s stale-answer-client-timeout set to 1800); Knot Resolver\'s serve_stale looks at its 3 s deadline only when its next query is due.',
      }),
      moment({
        id: 'no-retry', kind: 'cache-checked',
        // The resolver's first look at its cache for the question after a stale answer.
        when: (event, before) => event.from.role === 'resolver' && afterStaleAnswer(event, before) && !before.some((other) => other.type === 'cache-checked' && other.from.role === 'resolver' && other.queryIndex === event.queryIndex),
        ask: 'After that stale answer, the application asks again 15 s later. What does the resolver do?',
        options: (event, run) => {
          // RFC 8767's refresh-retry window would skip the dark servers; the measured Unbound, BIND and Knot asked them again.
          const again = run.events.some((other) => resolverTimeout(other) && other.queryIndex === event.queryIndex);
          const atOnce = 'answers with the stale data at once, without asking the dark servers again';
          const retries = 'asks the dark servers again, and answers stale only when its timer runs out';
          return {
            right: again ? retries : atOnce,
            wrong: [again ? atOnce : retries, 'answers SERVFAIL: stale data is served only once', 'walks again from the com servers'],
            tells: [again ? 'asks the dark servers again' : 'not asked again yet'],
          };
        },
        why: 'RFC 8767 suggests waiting (30 s, BIND\'s stale-refresh-time) after a failed refresh before trying the servers again, answering from the stale copy meanwhile, so a dead zone is not hammered. In the measurements Unbound, BIND (whose window starts only when a lookup fails, not when the client timer answered) and Knot Resolver all asked the dead server again on the next question.',
      }),
    ],
  },
  prefetch: {
    name: 'A popular name asked every 40 s, with prefetch on',
    moments: [
      moment({
        id: 'refresh-early', kind: 'cache-checked',
        when: (event, before) => event.kind === 'cache-hit' && before.some((other) => other.type === 'query-sent' && other.queryIndex === event.queryIndex && other.from.role === 'resolver'),
        askAt: (event, before) => before.find((other) => other.type === 'query-sent' && other.queryIndex === event.queryIndex && other.from.role === 'resolver'),
        ask: (event) => `www.example.com (TTL 300 s) is asked every 40 s and has been answered from the cache since the first lookup; now a client asks while the entry has ${event.cache[0]?.ttlSeconds} s left. With prefetch on, what does the resolver do?`,
        options: () => ({
          right: 'answers from the cache and refreshes the entry in the background',
          wrong: ['answers from the cache and lets the entry expire', 'asks ns1.example.com first, then answers with the fresh record', 'answers from the cache with the TTL reset to 300 s'],
          tells: ['refreshed in the background'],
        }),
        why: 'A hit in the last 10% of the TTL starts a background refresh (Unbound\'s prefetch): the client is answered at once and a popular entry never expires under load.',
      }),
    ],
  },
  coalescing: {
    name: 'Twenty clients asking for one name at once',
    moments: [
      moment({
        id: 'join', kind: 'cache-checked',
        // Neither a hit nor a miss: the question joined one already in flight.
        when: (event, before) => event.kind === undefined && event.cache.length === 0 && before.some((other) => other.type === 'cache-checked' && other.queryIndex !== event.queryIndex && other.lookup === event.lookup),
        ask: (event, run) => `${clientOf(event, run.events)} asks for api.example.com just after client-01, whose lookup the resolver has started with a query to a root server. What does the resolver do with ${clientOf(event, run.events)}'s query?`,
        options: () => ({
          right: 'attaches it to the lookup in flight; both get its answer',
          wrong: ['starts a second walk from the root for it', 'answers SERVFAIL until the first walk is done', 'forwards it to the same root server'],
          tells: ['in progress since'],
        }),
        why: 'Resolvers coalesce identical questions in flight (Unbound\'s mesh, BIND\'s fetch contexts): twenty clients cost one walk, so an expiring hot name does not become a burst upstream.',
      }),
    ],
  },
} satisfies Partial<Record<ScenarioId, ScenarioQuiz>>;
