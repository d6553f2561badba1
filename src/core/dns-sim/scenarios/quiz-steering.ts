import type { ResolutionEvent, ResponseReceivedEvent } from '../events.js';
import type { Pool } from '../servers/steering.js';
import { afterRecordChange, answeredFromCache, lookupStart, outcomeOf, secondsBetween } from './moment-events.js';
import { cacheLookupOptions } from './moment-options.js';
import { moment, type MomentOptions, type MomentRun, type ScenarioQuiz } from './moment-types.js';
import { DCS, POPS } from './scenario-list-traffic.js';
import type { ScenarioId } from './scenario-types.js';

const poolLabel = (pool: Pool) => `${pool.name} (${pool.addresses.join(', ')})`;

/** Which pool an address belongs to, as options: the other pools are the wrong ones. */
function poolOptions(address: string, pools: readonly Pool[], tells: (pool: Pool) => string[], instead: string[] = []): MomentOptions {
  const pool = pools.find((candidate) => candidate.addresses.includes(address));
  if (!pool) throw new Error(`${address} is in none of the pools`);
  return { right: poolLabel(pool), wrong: [...pools.filter((other) => other !== pool).map(poolLabel), ...instead], tells: tells(pool) };
}

const answeredAddress = (event: ResponseReceivedEvent) => event.message.answer.find((record) => record.type === 'A')?.data ?? '';
const authoritativeAnswer = (event: ResponseReceivedEvent) => event.from.role === 'authoritative' && event.kind === 'answer';

/** Which address leads an answer, against the order of the same client's previous answer. */
function orderOptions(event: ResolutionEvent, run: MomentRun, tells: string[]): MomentOptions {
  const previous = run.outcomes[event.queryIndex - 1]?.addresses ?? [];
  const labels = previous.map((address, shift) => `${address} first: ${shift === 0 ? 'the same order as before' : `the order rotated by ${shift}`}`);
  const first = outcomeOf(event, run).addresses[0];
  const right = labels[previous.indexOf(first ?? '')];
  if (!right) throw new Error(`answer ${event.queryIndex} starts with an address the previous answer did not have`);
  return { right, wrong: [...labels.filter((label) => label !== right), 'a random order, chosen by the stub'], tells };
}

const askOrder = (event: ResolutionEvent, run: MomentRun) =>
  `The name servers rotate the order of the three A records on every answer; the TTL is 60 s. ${secondsBetween(run.events[0]!, lookupStart(event, run.events)!)} s after its first lookup the application asks again. Which address comes first in its answer?`;
const STEERING = 'The provider answers with the data centre nearest the address that asks it (pools eu-fra in Frankfurt, us-east, ap-sin in Singapore).';
const FAILOVER_WRONG = ['no address: the provider stops answering while it fails over', 'both data centres, for the browser to try in turn'];
const FAILOVER = 'dc-east died at 5 s; after three failed health checks the provider answers dc-west from 30 s on. The record\'s TTL is 60 s, and Chrome keeps every answer for 60 s.';

/** The quiz of the traffic-steering scenarios: round robin, weights, geo and latency steering, health-checked failover. */
export const STEERING_QUIZ = {
  'steering-round-robin': {
    name: 'Three web servers behind one name, rotated',
    moments: [
      moment({
        id: 'cached-order', kind: 'lookup-finished',
        when: answeredFromCache,
        askAt: lookupStart,
        ask: askOrder,
        options: (event, run) => orderOptions(event, run, ['cache hit']),
        why: 'The resolver hands everyone its cached copy, in the order it got it, until the TTL runs out: DNS round robin balances per resolver and per TTL, not per client.',
      }),
      moment({
        id: 'rotated', kind: 'lookup-finished',
        when: (event, before) => before.some((other) => other.type === 'cache-checked' && other.queryIndex === event.queryIndex && other.cache.some((op) => op.op === 'expire')),
        askAt: lookupStart,
        ask: askOrder,
        options: (event, run) => orderOptions(event, run, [`starts at ${outcomeOf(event, run).addresses[0]}`]),
        why: 'Once the cached copy expires the resolver asks again, and the name server\'s rotated order reaches everyone behind that resolver for the next 60 s.',
      }),
    ],
  },
  'steering-weighted': {
    name: 'A canary at weight 10 behind a 10 s TTL',
    moments: [
      moment({
        id: 'fresh-decision', kind: 'cache-checked',
        when: (event) => event.cache.some((op) => op.op === 'expire'),
        ask: 'The provider answers web-1 with weight 90 and the canary web-2 with weight 10, with a TTL of 10 s; the application asks every 15 s. At the second question, what does the resolver find in its cache?',
        options: cacheLookupOptions,
        why: 'With a TTL shorter than the gap between questions, every question reaches the provider and gets a fresh weighted draw; a long TTL would freeze one draw for everyone behind the resolver.',
      }),
    ],
  },
  'steering-geo': {
    name: 'Geo steering and a public resolver',
    moments: [
      moment({
        id: 'isp-resolver', kind: 'response-received',
        when: authoritativeAnswer,
        ask: `${STEERING} A laptop in Frankfurt asks through its ISP's resolver (10.0.0.53, in Europe). Which data centre's address does the name server give?`,
        options: (event) => poolOptions(answeredAddress(event), POPS, (pool) => [`served by ${pool.name}`]),
        why: 'The name server sees the resolver\'s address, not the laptop\'s; the ISP\'s resolver is in Europe, so the laptop is steered to Frankfurt.',
      }),
      moment({
        id: 'public-resolver', kind: 'response-received',
        when: (event, before) => authoritativeAnswer(event) && before.some((other) => other.type === 'response-received' && authoritativeAnswer(other) && other.to.name !== event.to.name),
        ask: `${STEERING} The same laptop in Frankfurt now asks through a public resolver whose servers are in the US (198.51.100.200), with no EDNS Client Subnet. Which data centre's address does the name server give?`,
        options: (event) => poolOptions(answeredAddress(event), POPS, (pool) => [`served by ${pool.name}`]),
        why: 'Without EDNS Client Subnet the name server can only locate the resolver, here in the US: the laptop in Frankfurt is sent an ocean away.',
      }),
    ],
  },
  'steering-latency-ecs': {
    name: 'Latency steering and EDNS Client Subnet',
    moments: [
      moment({
        id: 'other-subnet', kind: 'cache-checked',
        when: (event, before) => {
          const asked = event.cache[0];
          return asked?.op === 'miss' && before.some((other) => other.type === 'cache-stored' && other.from.name === event.from.name && other.cache.some((op) => op.op === 'store' && op.name === asked.name && op.type === asked.type));
        },
        ask: 'The public resolver sends each client\'s /24 as EDNS Client Subnet and keeps each answer for the subnet it was given. It holds the answer for a laptop in Frankfurt (203.0.113.0/24, TTL 60 s). 2 s later a laptop in Singapore (100.64.10.20) asks: what does the resolver find in its cache?',
        options: () => ({
          right: 'a miss: the cached answer is only for 203.0.113.0/24',
          wrong: ['a hit: the Frankfurt answer, with 58 s left', 'an expired entry: answers with ECS are not cached', 'a negative entry for www.gslb-example.com'],
          tells: ['cache miss for'],
        }),
        why: 'An answer with ECS scope /24 is cached for that /24 only (RFC 7871), so each client network costs its own lookup: accuracy paid for with cache hits.',
      }),
      moment({
        id: 'nearest-pop', kind: 'response-received',
        when: (event, before) => authoritativeAnswer(event) && before.some((other) => other.type === 'response-received' && authoritativeAnswer(other)),
        ask: 'The name servers pick the point of presence (eu-fra, us-east, ap-sin) with the lowest latency from the client\'s network, which EDNS Client Subnet tells them. The query for the laptop in Singapore carries 100.64.10.0/24. Which address comes back?',
        options: (event) => poolOptions(answeredAddress(event), POPS, (pool) => [`${pool.name} is the fastest`]),
        why: 'With the client\'s subnet in the query, the name server steers by where the client is, not where the resolver is: Singapore gets ap-sin.',
      }),
      moment({
        id: 'same-subnet', kind: 'cache-checked',
        when: (event) => event.kind === 'cache-hit',
        ask: 'A few seconds after the laptop in Frankfurt (203.0.113.45), a phone in the same /24 (203.0.113.77) asks the public resolver. What does the resolver find in its cache?',
        options: cacheLookupOptions,
        why: 'The cached answer\'s scope is 203.0.113.0/24, and the phone is in it: it is answered from the cache.',
      }),
    ],
  },
  'failover-health-check': {
    name: 'A data centre fails behind health-checked DNS',
    moments: [
      moment({
        id: 'first-move', kind: 'lookup-finished',
        when: (event, before) => event.from.role === 'stub' && afterRecordChange(before),
        askAt: lookupStart,
        contextEvents: 0,
        ask: (event, run) => `${FAILOVER} client-a resolved the name at 0 s through resolver.isp.net. At ${secondsBetween(run.events[0]!, lookupStart(event, run.events)!)} s its browser's copy has expired and it resolves the name again: which data centre does it get?`,
        options: (event, run) => poolOptions(outcomeOf(event, run).addresses[0] ?? '', DCS, (pool) => pool.addresses, FAILOVER_WRONG),
        why: 'The browser\'s copy and the resolver\'s (both fetched at 0 s, both kept 60 s) have expired, so the question reaches the provider, which now answers dc-west.',
      }),
      moment({
        id: 'late-client', kind: 'lookup-finished',
        when: (event, before) => event.from.role === 'stub' && afterRecordChange(before) && !before.some((other) => other.type === 'lookup-started' && other.from.name === event.to.name && other.queryIndex !== event.queryIndex),
        askAt: lookupStart,
        contextEvents: 0,
        ask: (event, run) => `${FAILOVER} client-d asks for the first time at ${secondsBetween(run.events[0]!, lookupStart(event, run.events)!)} s, through a public resolver that fetched the answer at 29 s, for another client. Which data centre does client-d get?`,
        options: (event, run) => poolOptions(outcomeOf(event, run).addresses[0] ?? '', DCS, (pool) => pool.addresses, FAILOVER_WRONG),
        why: 'The public resolver fetched dc-east a second before the switch and serves it for its full 60 s; a client arriving late still gets the dead data centre, and its browser then keeps it another 60 s.',
      }),
    ],
  },
} satisfies Partial<Record<ScenarioId, ScenarioQuiz>>;
