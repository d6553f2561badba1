import type { ResolutionEvent, ResponseReceivedEvent } from '../events.js';
import { afterRecordChange, askedAgain, lookupStart, secondsBetween } from './moment-events.js';
import { cacheLookupOptions, cacheStoreOptions, responseOptions } from './moment-options.js';
import { moment, type Moment, type MomentOptions, type MomentRun, type ScenarioQuiz } from './moment-types.js';
import type { ScenarioId } from './scenario-types.js';

const negativeAnswer = (kind: 'nxdomain' | 'nodata') => (event: ResolutionEvent, before: readonly ResolutionEvent[]) =>
  before.findLast((other): other is ResponseReceivedEvent => other.type === 'response-received' && other.kind === kind && other.from.role === 'authoritative');

// The TTL of example.com's SOA record in the zone file; a negative answer carries the SOA with its TTL already
// lowered to the MINIMUM (RFC 2308 section 3), so the run cannot show it.
const ZONE_SOA_TTL = 3600;

/** The MINIMUM field (the last one) of the SOA in a negative answer's authority section. */
function minimumOf(response: ResponseReceivedEvent | undefined): number {
  const soa = response?.message.authority.find((record) => record.type === 'SOA');
  if (!soa) throw new Error('the negative answer carries no SOA');
  return Number(soa.data.trim().split(/\s+/).at(-1));
}

/** The addresses a session's lookups got, first and last: before and after a move. */
function addressesOf(run: MomentRun): { old: string; moved: string } {
  const answers = run.outcomes.map((outcome) => outcome.addresses.join(', '));
  return { old: answers[0] ?? '', moved: answers.findLast((answer) => answer !== answers[0]) ?? '' };
}

/** Which address a lookup after a move gets, as options: the old one from the cache, the new one, both, an error. */
function moveOptions(run: MomentRun, gets: 'old' | 'moved', tells: string[]): MomentOptions {
  const { old, moved } = addressesOf(run);
  const labels = { old: `the old address, ${old}, from the resolver's cache`, moved: `the new address, ${moved}` };
  return { right: labels[gets], wrong: [labels[gets === 'old' ? 'moved' : 'old'], `both addresses, ${old} and ${moved}`, 'an error (SERVFAIL): the resolver\'s copy no longer matches the zone'], tells };
}

const since = (event: ResolutionEvent, run: MomentRun) => {
  const start = lookupStart(event, run.events)!;
  const seconds = secondsBetween(run.events[0]!, start);
  return seconds >= 600 ? `${Math.round(seconds / 60)} minutes` : `${seconds} s`;
};

/** The lookup after the cached copy of a moved name expired: the new address at last. */
function movedAddress(ttl: string): Moment {
  return moment({
    id: 'after-expiry', kind: 'lookup-finished',
    when: (event, before) => afterRecordChange(before) && before.some((other) => other.type === 'cache-checked' && other.queryIndex === event.queryIndex && other.cache.some((op) => op.op === 'expire')),
    askAt: lookupStart,
    ask: (event, run) => `The application asks again, ${since(event, run)} after its first lookup. Which address does it get?`,
    options: (_event, run) => moveOptions(run, 'moved', ['expired from the cache']),
    why: `The resolver's copy expired ${ttl} after it was fetched; the next question makes it ask the name servers, which now give the new address.`,
  });
}

/** The quiz of the caching scenarios: negative caching (RFC 2308) and what a TTL means for a move. */
export const CACHING_QUIZ = {
  'nxdomain-negative-cache': {
    name: 'A name that was never created, asked twice',
    moments: [
      moment({
        id: 'negative-ttl', kind: 'cache-stored',
        when: (event) => event.cache.some((op) => op.negative === 'nxdomain'),
        askAt: negativeAnswer('nxdomain'),
        ask: (event, run) => `ns1.example.com answers NXDOMAIN with example.com's SOA in the authority section. In the zone, that SOA record has a TTL of ${ZONE_SOA_TTL} s and a MINIMUM field of ${minimumOf(negativeAnswer('nxdomain')(event, run.events.slice(0, event.seq)))}. For how long does the resolver cache that the name does not exist?`,
        options: (event) => cacheStoreOptions(event, [ZONE_SOA_TTL, 86400], ['nothing: a name that does not exist is not cached']),
        why: 'RFC 2308: a negative answer is cached for the smaller of the SOA record\'s own TTL and its MINIMUM field.',
      }),
      moment({
        id: 'negative-hit', kind: 'cache-checked',
        when: (event) => event.cache.some((op) => op.op === 'hit' && op.negative === 'nxdomain'),
        ask: (event, run) => `A minute later the application asks for doesnotexist.example.com A${askedAgain(event, run.events) ? ' again' : ''}. What does the resolver find in its cache?`,
        options: cacheLookupOptions,
        why: 'The non-existence was cached for 300 s; a minute later the negative entry answers at once, with the TTL counted down.',
      }),
    ],
  },
  nodata: {
    name: 'An IPv4-only name asked for IPv6',
    moments: [
      moment({
        id: 'nodata', kind: 'response-received',
        when: (event) => event.kind === 'nodata' && event.from.role === 'authoritative',
        ask: (event) => `${event.message.question.name} has an IPv4 address but no IPv6 one. What does ${event.from.name} answer when asked for its ${event.message.question.type} records?`,
        options: () => responseOptions('nodata'),
        why: 'The name exists, so the answer is not NXDOMAIN: it is NOERROR with an empty answer section and the zone\'s SOA, which resolvers call NODATA.',
      }),
      moment({
        id: 'per-type', kind: 'cache-stored',
        when: (event) => event.cache.some((op) => op.negative === 'nodata'),
        askAt: negativeAnswer('nodata'),
        ask: 'ns1.example.com answers legacy.example.com AAAA with NOERROR, an empty answer section and the zone\'s SOA (MINIMUM 300). What does the resolver cache?',
        options: (event) => {
          const { right } = cacheStoreOptions(event, []);
          return { right, wrong: [right.replace(/has no AAAA records/, 'does not exist'), 'nothing: an empty answer is not cached', right.replace(/\d+ s$/, '3600 s')], tells: ['cached nodata'] };
        },
        why: 'NODATA is cached for that name and type only (RFC 2308), so the A record still resolves while AAAA is answered from the negative cache.',
      }),
    ],
  },
  'stale-after-migration': {
    name: 'A move to a new address under a one-hour TTL',
    moments: [
      moment({
        id: 'before-expiry', kind: 'lookup-finished',
        when: (_event, before) => afterRecordChange(before),
        askAt: lookupStart,
        ask: (event, run) => `The team moved www.acme-widgets.com to a new address 10 minutes after the first lookup. The application asks again, ${since(event, run)} after its first lookup. Which address does it get?`,
        options: (_event, run) => moveOptions(run, 'old', ['cache hit']),
        why: 'A cache cannot know the zone changed: it serves its copy until the TTL (3600 s) runs out, however stale the copy is.',
      }),
      movedAddress('an hour'),
    ],
  },
  'lowered-ttl-migration': {
    name: 'A move to a new address under a 60 s TTL',
    moments: [
      moment({
        id: 'short-ttl-hit', kind: 'cache-checked',
        when: (event, before) => afterRecordChange(before) && event.kind === 'cache-hit',
        ask: (event, run) => `The team lowered the TTL to 60 s a day ago; the address changed 30 s after the first lookup. ${since(event, run)} after the first lookup the application asks again. What does the resolver find in its cache?`,
        options: cacheLookupOptions,
        why: 'The copy fetched at the first lookup lives for 60 s, so 45 s later it still has about 15 s left and still gives the old address: a short TTL bounds how long caches can be wrong.',
      }),
      movedAddress('60 s'),
    ],
  },
} satisfies Partial<Record<ScenarioId, ScenarioQuiz>>;
