import type { ResolutionEvent, ResponseReceivedEvent } from '../events.js';
import { isPriming, lastCacheCheck, lookupStart, outcomeOf } from './moment-events.js';
import { cacheLookupOptions, cacheStoreOptions, durationOptions, nextServerOptions, responseOptions } from './moment-options.js';
import { moment, type ScenarioQuiz } from './moment-types.js';
import type { ScenarioId } from './scenario-types.js';

const fromResolver = (event: ResolutionEvent) => event.from.role === 'resolver';
// The first query of the resolver's walk (root priming, which some resolvers send first, is not part of it).
const firstResolverQuery = (event: ResolutionEvent, before: readonly ResolutionEvent[]) =>
  fromResolver(event) && !isPriming(event) && !before.some((other) => other.type === 'query-sent' && fromResolver(other) && !isPriming(other));
const lastCname = (before: readonly ResolutionEvent[]) => before.findLast((other): other is ResponseReceivedEvent => other.type === 'response-received' && other.kind === 'cname');

/** The quiz of the walk scenarios: where a walk starts, what a cache holds, aliases, and answers too big for UDP. */
export const RESOLUTION_QUIZ = {
  'cold-cache': {
    name: 'A resolver that has just started',
    moments: [
      moment({
        id: 'first-server', kind: 'query-sent',
        when: firstResolverQuery,
        askAt: lastCacheCheck,
        ask: (event, run) => `The resolver has just started: its cache holds nothing but the root hints. Whom does ${event.from.name} ask first about ${outcomeOf(event, run).name}?`,
        options: nextServerOptions,
        why: 'A resolver with an empty cache knows only the root hints, so every walk starts at a root server, which refers it to the TLD servers.',
      }),
      moment({
        id: 'referral-ttl', kind: 'cache-stored',
        // A TLD's delegation: NS records for a one-label name (the root's own NS set has none).
        when: (event) => event.cache.some((op) => op.op === 'store' && op.type === 'NS' && /^[^.]+\.?$/.test(op.name)),
        ask: 'A root server has referred the resolver to the com servers (NS records with glue addresses). What does the resolver keep, and for how long?',
        options: (event) => cacheStoreOptions(event, [300, 3600], ['nothing: a referral is used for this walk only']),
        why: 'A referral is cached like any data, for the TTL of its NS records: TLD delegations are cached for a day or two, so a busy resolver seldom asks the root.',
      }),
    ],
  },
  'warm-cache': {
    name: 'A name someone looked up a minute ago',
    moments: [
      moment({
        id: 'cache-hit', kind: 'cache-checked',
        when: (event) => fromResolver(event) && event.kind === 'cache-hit',
        ask: 'A minute ago someone asked this resolver for www.example.com A, whose TTL is 300 s. Now the laptop asks: what does the resolver find in its cache?',
        options: (event, run) => cacheLookupOptions(event, run, 300),
        why: 'A cache keeps a record for its TTL and hands out the time that remains, so the entry stored a minute ago has about 240 of its 300 s left.',
      }),
      moment({
        id: 'wait', kind: 'lookup-finished',
        when: () => true,
        askAt: lookupStart,
        contextEvents: 0,
        ask: 'The laptop asks the resolver for www.example.com A, which the resolver looked up a minute ago (TTL 300 s). How long does the application wait for the answer?',
        options: (event, run) => {
          const ms = outcomeOf(event, run).durationMs;
          return durationOptions(ms, [ms + 250, ms + 5000, ms * 15]);
        },
        why: 'An answer from the resolver\'s cache costs one round trip from the laptop to the resolver: no name server is asked.',
      }),
    ],
  },
  'partially-warm': {
    name: 'A .com name after another .com lookup',
    moments: [
      moment({
        id: 'first-server', kind: 'query-sent',
        when: firstResolverQuery,
        askAt: lastCacheCheck,
        ask: 'Ten minutes ago the resolver looked up www.acme-widgets.com. Now the laptop asks for www.example.com, which the resolver has never seen. Whom does the resolver ask first?',
        options: nextServerOptions,
        why: 'The resolver starts from the closest delegation it has cached: the com NS set and glue from the earlier lookup are still valid, so it skips the root.',
      }),
    ],
  },
  'cname-chain': {
    name: 'A shop\'s name hosted on a CDN',
    moments: [
      moment({
        id: 'alias', kind: 'response-received',
        when: (event) => event.kind === 'cname' && event.from.role === 'authoritative',
        ask: (event) => `${event.from.name} is asked about ${event.message.question.name} ${event.message.question.type}, a name the shop serves from a CDN. What comes back?`,
        options: () => responseOptions('cname'),
        why: 'The shop points its name at the CDN with a CNAME; the shop\'s server answers only for its own zone, so it returns the alias, not the CDN\'s address.',
      }),
      moment({
        id: 'restart', kind: 'query-sent',
        when: (event, before) => {
          const alias = lastCname(before);
          return fromResolver(event) && alias !== undefined && !before.some((other) => other.seq > alias.seq && other.type === 'query-sent');
        },
        askAt: lastCacheCheck,
        ask: (_event, run) => {
          const alias = run.events.find((other): other is ResponseReceivedEvent => other.type === 'response-received' && other.kind === 'cname');
          const record = alias?.message.answer.find((answer) => answer.type === 'CNAME');
          return `${alias?.from.name} answered that ${record?.name.replace(/\.$/, '')} is an alias for ${record?.data.replace(/\.$/, '')}. Whom does the resolver ask next?`;
        },
        options: nextServerOptions,
        why: 'The target of a CNAME is looked up from scratch, like a new question; nothing is cached for cdn-provider.net or net., so that walk starts at a root server.',
      }),
    ],
  },
  'cname-loop': {
    name: 'Two names that alias each other',
    moments: [
      moment({
        id: 'loop', kind: 'response-received',
        when: (event) => event.to.role === 'stub' && event.kind === 'servfail',
        ask: 'loop.example.net turns out to be an alias back to loop.example.com, the name the lookup started from. What does the resolver send the stub?',
        options: () => ({
          right: 'SERVFAIL: it stops at the loop',
          wrong: ['the two CNAME records, with no address', 'NXDOMAIN: the name does not exist', 'nothing: it follows the loop until the stub times out'],
          tells: ['SERVFAIL'],
        }),
        why: 'A resolver remembers the names a lookup has visited (and caps CNAME restarts); seeing one again it gives up with SERVFAIL instead of looping.',
      }),
      moment({
        id: 'retry', kind: 'cache-checked',
        // A hit with no cache entry: the resolver's cache of recent failures answered.
        when: (event) => fromResolver(event) && event.kind === 'cache-hit' && event.cache.length === 0,
        ask: 'glibc got SERVFAIL and retries at once (attempt 2 of 2). What does the resolver do with the retry?',
        options: () => ({
          right: 'answers SERVFAIL again from its cache of recent failures, without a new walk',
          wrong: ['walks the loop again from loop.example.com', 'answers with the cached CNAMEs and no address', 'drops the retry'],
          tells: ['cached SERVFAIL'],
        }),
        why: 'Resolvers cache failures briefly (servfail-ttl 1 s here; RFC 9520 asks for at least 1 s), so retries cannot turn one broken name into a storm of walks.',
      }),
    ],
  },
  'truncation-tcp': {
    name: 'A TXT record set of about 1.4 KB',
    moments: [
      moment({
        id: 'truncated', kind: 'response-received',
        when: (event) => event.kind === 'truncated' && event.from.role === 'authoritative',
        ask: (event) => `The TXT records of big.example.com add up to about 1.4 KB; the resolver's queries advertise a 1232-byte EDNS buffer. What comes back from ${event.from.name} over UDP?`,
        options: () => responseOptions('truncated'),
        why: 'An answer larger than the UDP size the query allows is cut to the header and question with TC=1 set, telling the asker to repeat the query over TCP.',
      }),
      moment({
        id: 'stub-truncated', kind: 'response-received',
        when: (event) => event.kind === 'truncated' && event.to.role === 'stub',
        contextEvents: 3,
        ask: 'The resolver now holds the whole answer, about 1.4 KB. The stub sent its query without EDNS. What does the resolver send the stub over UDP?',
        options: () => ({
          right: 'a truncated answer (TC=1): a query without EDNS allows 512 bytes',
          wrong: ['the whole answer in one UDP message', 'the answer split across several UDP messages', 'SERVFAIL: the answer is too big for the stub'],
          tells: ['TC=1'],
        }),
        why: 'Without an EDNS OPT record a UDP answer may be at most 512 bytes (RFC 1035), so the stub also gets TC=1 and must ask again over TCP.',
      }),
    ],
  },
} satisfies Partial<Record<ScenarioId, ScenarioQuiz>>;
