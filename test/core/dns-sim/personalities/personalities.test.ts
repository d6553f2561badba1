import { describe, expect, it } from 'vitest';
import { cacheOperationsOf, type QuerySentEvent, type ResolutionEvent } from '../../../../src/core/dns-sim/events.js';
import { DEFAULT_PERSONALITY, findPersonality, PERSONALITIES } from '../../../../src/core/dns-sim/personalities/index.js';
import { resolverOptionsFor, simulateResolution, simulateSession, type SimulationOptions } from '../../../../src/core/dns-sim/simulate.js';
import type { RecordType } from '../../../../src/core/dns-sim/world/world.js';
import { FIXED_RTT, TEST_FILES, testWorld } from '../sim-fixture.js';

const world = testWorld();
type Id = 'unbound' | 'bind' | 'knot';
const run = (id: Id, name: string, type: RecordType, extra: SimulationOptions = {}, onWorld = world, seed = 1) =>
  simulateResolution(onWorld, { name, type }, { ...FIXED_RTT, personality: id, ...extra }, seed);
const upstream = (events: ResolutionEvent[]) => events.filter((event): event is QuerySentEvent => event.type === 'query-sent' && event.from.role === 'resolver');
// Knot Resolver's 0x20 mixes the case on the wire: compare names in lowercase.
const asked = (events: ResolutionEvent[]) => upstream(events).map((event) => `${event.message.question.name.toLowerCase()} ${event.message.question.type}`);

describe('resolver personalities are data over the shared options', () => {
  it('lists Unbound, BIND and Knot Resolver, and runs Unbound when no --resolver is given', () => {
    expect(PERSONALITIES.map((personality) => personality.id)).toEqual(['unbound', 'bind', 'knot']);
    expect(DEFAULT_PERSONALITY).toBe(findPersonality('unbound'));
    expect(findPersonality('default')).toBeUndefined();
    expect(findPersonality('powerdns')).toBeUndefined();
    const unnamed = simulateResolution(world, { name: 'www.example.com', type: 'A' }, FIXED_RTT, 1);
    expect(unnamed.resolverModel.id).toBe('unbound');
    expect(unnamed.events).toEqual(run('unbound', 'www.example.com', 'A').events);
  });

  it.each([
    ['unbound', 'A', 376, 0, true, false],
    ['bind', 'NS', 800, 0, false, false],
    ['knot', 'NS', 400, 5, true, true],
  ] as const)('%s: minimised queries use %s, unknown servers wait %i ms, cache-min-ttl %i s', (id, type, timeoutMs, minTtl, perType, caps) => {
    const options = resolverOptionsFor({ personality: id });
    expect(options.minimisedQueryType).toBe(type);
    expect(options.unknownServerTimeoutMs).toBe(timeoutMs);
    expect(options.minCacheTtlSeconds).toBe(minTtl);
    expect(options.negativeCachePerType).toBe(perType);
    expect(options.caseRandomisation).toBe(caps);
  });
});

describe('what each personality does differently, as the events show it', () => {
  it.each([
    ['unbound', [' NS', 'com A', 'example.com A', 'www.example.com A']],
    // BIND 9.18 drops the root's glue for a.gtld-servers.net (outside com.) and fetches its address, unminimised (walk-shape tests).
    ['bind', [' NS', 'com NS', 'a.gtld-servers.net A', 'a.gtld-servers.net A', 'example.com NS', 'www.example.com A']],
    ['knot', [' NS', 'com NS', 'example.com NS', 'www.example.com A']],
  ] as const)('%s asks %j on a cold cache', (id, questions) => {
    expect(asked(run(id, 'www.example.com', 'A').events)).toEqual(questions);
  });

  it.each([
    // Unbound waits for the priming answer; BIND sends it beside the first walk query; Knot sent it at start-up.
    ['unbound', 'after', (priming: number, first: number) => first > priming],
    ['bind', 'together with', (priming: number, first: number) => first === priming],
    ['knot', 'a second after', (priming: number, first: number) => priming < 0 && first >= 0],
  ] as const)('%s primes the root, and the walk starts %s it', (id, _when, ordered) => {
    const sent = upstream(run(id, 'www.example.com', 'A').events);
    const priming = sent.find((event) => event.message.question.name === '' && event.message.question.type === 'NS')!;
    const first = sent.find((event) => event.message.question.name.toLowerCase() === 'com')!;
    expect(ordered(priming.timeMs, first.timeMs)).toBe(true);
  });

  it('only Knot Resolver randomises the case of query names (0x20), and the answers still match', () => {
    for (const id of ['unbound', 'bind'] as const) {
      expect(upstream(run(id, 'www.example.com', 'A').events).every((event) => event.message.question.name === event.message.question.name.toLowerCase())).toBe(true);
    }
    const knot = run('knot', 'www.example.com', 'A');
    expect(upstream(knot.events).some((event) => /[A-Z]/.test(event.message.question.name))).toBe(true);
    expect(knot.outcomes[0]).toMatchObject({ status: 'answer', addresses: ['203.0.113.10'] });
  });

  it.each([['unbound', 376], ['bind', 800], ['knot', 400]] as const)('%s waits %i ms for a dead server it has never measured', (id, waitMs) => {
    const deadNs1 = testWorld({ 'servers.yaml': TEST_FILES['servers.yaml']!.replace('zones: [example.com] }', 'zones: [example.com], behaviour: drop }') });
    // The first wait of each walk: later ones to the same server are backed off (Unbound may ask it again).
    const waits = [1, 2, 3, 4, 5, 6].flatMap((seed) => run(id, 'www.example.com', 'A', {}, deadNs1, seed).events.filter((event) => event.type === 'query-timed-out').slice(0, 1).map((event) => Number(/within (\d+) ms/.exec(event.explanation)?.[1])));
    expect(waits.length).toBeGreaterThan(0);
    expect(new Set(waits)).toEqual(new Set([waitMs]));
  });

  it('Unbound fetches missing name server addresses in parallel (target-fetch-policy "3 2 1 0 0"); BIND and Knot one at a time', () => {
    const glueless = testWorld({ 'com.zone': `${TEST_FILES['com.zone']}twons NS ns1.hoster.net.\ntwons NS ns2.hoster.net.\n`, 'hoster.net.zone': `${TEST_FILES['hoster.net.zone']}ns2 A 192.0.2.54\n`, 'twons.com.zone': `$ORIGIN twons.com.\n$TTL 3600\n@ SOA ns1.hoster.net. h.twons.com. 1 7200 3600 1209600 300\n@ NS ns1.hoster.net.\n@ NS ns2.hoster.net.\nwww A 203.0.113.30\n`, 'servers.yaml': `${TEST_FILES['servers.yaml']}  - { name: ns2.hoster.net, address: 192.0.2.54, zones: [hoster.net, twons.com] }\n`.replace('zones: [hoster.net, sibling.com] }', 'zones: [hoster.net, sibling.com, twons.com] }') });
    const addressLookups = (id: Id) => asked(run(id, 'www.twons.com', 'A', {}, glueless).events).filter((question) => /^ns\d\.hoster\.net A$/.test(question));
    expect(addressLookups('unbound').sort()).toEqual(['ns1.hoster.net A', 'ns2.hoster.net A']);
    // BIND's one fetch is not minimised, so it asks the net server and then hoster.net's for the same name.
    expect(new Set(addressLookups('bind'))).toEqual(new Set(['ns1.hoster.net A']));
    expect(addressLookups('knot')).toHaveLength(1);
  });

  it('Knot Resolver caches a 1 s TTL for 5 s (cache.min_ttl); Unbound and BIND keep it 1 s', () => {
    const short = testWorld({ 'example.com.zone': `${TEST_FILES['example.com.zone']}blink 1 A 203.0.113.77\n` });
    const stored = (id: Id) => run(id, 'blink.example.com', 'A', {}, short).events.flatMap(cacheOperationsOf).find((op) => op.op === 'store' && op.name === 'blink.example.com')!.ttlSeconds;
    expect([stored('unbound'), stored('bind'), stored('knot')]).toEqual([1, 1, 5]);
  });

  it.each([['unbound', 3], ['bind', 0], ['knot', 3]] as const)('%s: an NXDOMAIN for A answers AAAA too? upstream queries for the AAAA: %i', (id, more) => {
    const session = simulateSession(world, [{ name: 'nope.example.com', type: 'A' }, { name: 'nope.example.com', type: 'AAAA', atMs: 10_000 }], { ...FIXED_RTT, personality: id }, 1);
    expect(upstream(session.events.filter((event) => event.queryIndex === 1)).length).toBe(more === 0 ? 0 : 1);
    expect(session.outcomes.map((outcome) => outcome.status)).toEqual(['nxdomain', 'nxdomain']);
  });

  it.each([['unbound', true], ['bind', true], ['knot', true]] as const)('%s: NXDOMAIN for a minimised name falls back to the full name: %s', (id, fallsBack) => {
    const questions = asked(run(id, 'a.nope.example.com', 'A').events);
    expect(questions.includes('a.nope.example.com A')).toBe(fallsBack);
  });

  it.each([['unbound', 'timeout'], ['bind', 'servfail'], ['knot', 'servfail']] as const)('%s: when every server is silent the client gets %s', (id, status) => {
    const bothDead = testWorld({ 'servers.yaml': TEST_FILES['servers.yaml']!.replace(/zones: \[example\.com\] \}/g, 'zones: [example.com], behaviour: drop }') });
    const conf = { nameservers: ['10.0.0.53'], search: [], ndots: 1, timeoutSeconds: 30, attempts: 1, rotate: false, singleRequest: false, edns0: true };
    const result = run(id, 'www.example.com', 'A', { resolvConf: conf }, bothDead);
    expect(result.outcomes[0]!.status).toBe(status);
    if (id === 'unbound') expect(result.events.some((event) => event.type === 'query-timed-out' && /discard-timeout/.test(event.explanation))).toBe(true);
  });

  it('attaches EDE 22 (No Reachable Authority) by default only in Knot Resolver (measured, 5.6.0), and in BIND when set to send every EDE', () => {
    const bothDead = testWorld({ 'servers.yaml': TEST_FILES['servers.yaml']!.replace(/zones: \[example\.com\] \}/g, 'zones: [example.com], behaviour: drop }') });
    const conf = { nameservers: ['10.0.0.53'], search: [], ndots: 1, timeoutSeconds: 30, attempts: 1, rotate: false, singleRequest: false, edns0: true };
    expect(run('knot', 'www.example.com', 'A', { resolvConf: conf }, bothDead).outcomes[0]!.ede).toEqual({ code: 22, name: 'No Reachable Authority' });
    expect(run('bind', 'www.example.com', 'A', { resolvConf: conf }, bothDead).outcomes[0]!.ede).toBeUndefined();
    expect(run('bind', 'www.example.com', 'A', { resolvConf: conf, resolver: { extendedErrors: 'all' } }, bothDead).outcomes[0]!.ede).toEqual({ code: 22, name: 'No Reachable Authority' });
  });
});

describe('personalities are deterministic', () => {
  it.each(['unbound', 'bind', 'knot'] as const)('%s: the same seed gives the same events, another seed other timings', (id) => {
    const once = JSON.stringify(run(id, 'www.example.org', 'A', {}, world, 7).events);
    expect(JSON.stringify(run(id, 'www.example.org', 'A', {}, world, 7).events)).toBe(once);
    expect(JSON.stringify(simulateResolution(world, { name: 'www.example.com', type: 'A' }, { personality: id }, 7).events)).not.toBe(JSON.stringify(simulateResolution(world, { name: 'www.example.com', type: 'A' }, { personality: id }, 8).events));
  });
});
