import type { QueryTimedOutEvent, ResolutionEvent } from '../events.js';
import { lastCacheCheck, lastReply, lookupStart, outcomeOf, startsNameServerLookup, toNameServerFoundInNestedLookup } from './moment-events.js';
import { durationOptions, nextServerOptions, responseOptions } from './moment-options.js';
import { moment, type ScenarioQuiz } from './moment-types.js';
import type { ScenarioId } from './scenario-types.js';

const fromResolver = (event: ResolutionEvent) => event.from.role === 'resolver';
const resolverTimeout = (event: ResolutionEvent): event is QueryTimedOutEvent => event.type === 'query-timed-out' && fromResolver(event);

/** The quiz of the delegation scenarios: a dead server, a lame one, glue missing or out of zone. */
export const DELEGATION_QUIZ = {
  'dead-authoritative': {
    name: 'A domain with one of its two name servers down',
    moments: [
      moment({
        id: 'failover', kind: 'query-sent',
        // The move to another server: Unbound first asks the silent one once more at the same timeout.
        when: (event, before) => fromResolver(event) && lastReply(event, before)?.type === 'query-timed-out' && lastReply(event, before)?.to.name !== event.to.name,
        ask: (event, run) => {
          const silent = lastReply(event, run.events.slice(0, event.seq))!;
          return `${silent.to.name} has not answered within the ${silent.timeMs - run.events.findLast((other) => other.type === 'query-sent' && other.seq < silent.seq && other.to.name === silent.to.name)!.timeMs} ms the resolver gave it. What does the resolver do next?`;
        },
        options: nextServerOptions,
        why: 'A resolver treats silence as a dead server: after its timeout it asks another server of the zone, and remembers the slow one so that later lookups avoid it.',
      }),
      moment({
        id: 'delay', kind: 'lookup-finished',
        when: (event, before) => before.some((other) => resolverTimeout(other) && other.queryIndex === event.queryIndex),
        askAt: lookupStart,
        contextEvents: 0,
        ask: 'www.flaky-dns.com has two name servers; ns1.flaky-dns.com drops every packet, and the resolver, which has nothing cached, happens to ask it first. How long does the application wait for the answer?',
        options: (event, run) => {
          const ms = outcomeOf(event, run).durationMs;
          const timeout = run.events.find((other) => resolverTimeout(other) && other.queryIndex === event.queryIndex)!;
          const waited = timeout.timeMs - run.events.findLast((other) => other.type === 'query-sent' && other.seq < timeout.seq && other.to.name === timeout.to.name)!.timeMs;
          return durationOptions(ms, [ms - waited, ms - waited + 5000, ms + waited * 2]);
        },
        why: 'The dead server costs the resolver\'s own timeout for a server it has not measured yet (a few hundred ms), not glibc\'s 5 s: the resolver fails over long before the stub gives up.',
      }),
    ],
  },
  'lame-delegation': {
    name: 'A delegation that still lists an old name server',
    moments: [
      moment({
        id: 'refused', kind: 'response-received',
        when: (event) => event.kind === 'refused' && event.from.role === 'authoritative',
        ask: (event) => `com still lists ${event.from.name} as a name server of lame-example.com, but that host no longer serves the zone. What does it answer?`,
        options: () => responseOptions('refused'),
        why: 'A server asked about a zone it does not serve refuses (REFUSED); the delegation pointing at it is lame.',
      }),
      moment({
        id: 'after-refused', kind: 'query-sent',
        when: (event, before) => fromResolver(event) && lastReply(event, before)?.kind === 'refused',
        ask: (_event, run) => `${run.events.find((other) => other.type === 'response-received' && other.kind === 'refused')!.from.name} answered REFUSED. What does the resolver do next?`,
        options: nextServerOptions,
        why: 'REFUSED from one server of a zone is not the zone\'s answer, so the resolver tries again. Unbound keeps no lame mark and may ask the same fast-answering server again, up to five times; BIND and Knot Resolver move to another server at once.',
      }),
    ],
  },
  'missing-glue': {
    name: 'A domain whose name servers are named inside it',
    moments: [
      moment({
        id: 'circular', kind: 'response-received',
        when: (event) => event.to.role === 'stub' && event.kind === 'servfail',
        askAt: (_event, before) => before.find((other, index) => startsNameServerLookup(other, before.slice(0, index))),
        ask: 'com refers the resolver to ns1.noglue.com and ns2.noglue.com, names inside noglue.com itself, and gives no glue addresses for them. What does the stub get back?',
        options: () => ({
          right: 'SERVFAIL: the servers\' addresses can only be found through those same servers',
          wrong: ['the answer, after a nested lookup of ns1.noglue.com', 'NXDOMAIN: noglue.com has no usable name servers', 'nothing: the resolver loops until the stub times out'],
          tells: ['SERVFAIL'],
        }),
        why: 'Without glue, finding ns1.noglue.com means asking noglue.com\'s servers, whose addresses are what is missing: the resolver sees the cycle and gives up with SERVFAIL.',
      }),
    ],
  },
  'glueless-delegation': {
    name: 'An .org domain served by a name server under .net',
    moments: [
      moment({
        id: 'nested-lookup', kind: 'query-sent',
        when: (event, before) => {
          const check = fromResolver(event) ? lastCacheCheck(event, before) : undefined;
          return check !== undefined && check.depth === event.depth && startsNameServerLookup(check, before.slice(0, check.seq));
        },
        askAt: lastCacheCheck,
        ask: 'org refers the resolver to ns1.example.net for example.org, with no glue: the name is under net, not org. What does the resolver ask next, and whom?',
        options: (event) => ({
          right: `${event.to.name}, a ${event.to.role} server, to start a lookup of ns1.example.net's address`,
          wrong: ['an org server again, for the missing glue', 'ns1.example.net about www.example.org, by name', 'nobody: it answers SERVFAIL, as glue is missing'],
          tells: [`→ ${event.to.name}`],
        }),
        why: 'Glue is only possible for names inside the delegated zone; for an out-of-zone name server the resolver pauses and resolves that name first, in a nested lookup from the root.',
      }),
      moment({
        id: 'resume', kind: 'query-sent',
        when: (event, before) => fromResolver(event) && toNameServerFoundInNestedLookup(event, before),
        ask: 'The nested lookup has found ns1.example.net\'s address. What does the resolver do next?',
        options: (event) => ({
          right: `asks ${event.to.name} about www.example.org: the paused lookup resumes`,
          wrong: ['asks the org servers again, now that it knows the address', 'sends ns1.example.net\'s address to the stub', 'starts the lookup of www.example.org over from the root'],
          tells: ['a server for example.org.'],
        }),
        why: 'The nested lookup only supplied the name server\'s address; the original lookup picks up where it paused and asks that server.',
      }),
    ],
  },
} satisfies Partial<Record<ScenarioId, ScenarioQuiz>>;
