import { describe, expect, it } from 'vitest';
import type { QuerySentEvent, ResolutionEvent } from '../../../../src/core/dns-sim/events.js';
import { simulateResolution, simulateSession, type SimulationResult } from '../../../../src/core/dns-sim/simulate.js';
import type { World } from '../../../../src/core/dns-sim/world/world.js';
import { FIXED_RTT, TEST_FILES, testWorld } from '../sim-fixture.js';

// Small worlds: example.com has ns1 (192.0.2.1) and ns2 (192.0.2.2); fixed RTTs make every time exact.
const SERVERS = TEST_FILES['servers.yaml']!;
const ns1As = (extra: string): World => testWorld({ 'servers.yaml': SERVERS.replace('address: 192.0.2.1, zones: [example.com] }', `address: 192.0.2.1, zones: [example.com], ${extra} }`) });
const BOTH_SILENT = testWorld({ 'servers.yaml': SERVERS.replace(/zones: \[example\.com\] \}/g, 'zones: [example.com], behaviour: drop }') });
const NS1_ICMP = ns1As('behaviour: unreachable');
const NS1_REFUSES = ns1As('behaviour: refused, rtt_ms: 10');
// A patient stub (one try, 30 s), so the resolver's own schedule decides the outcome.
const PATIENT = { nameservers: ['10.0.0.53'], search: [], ndots: 1, timeoutSeconds: 30, attempts: 1, rotate: false, singleRequest: false, edns0: true };
type Id = 'unbound' | 'bind' | 'knot';

const ask = (id: Id, world: World, seed = 1, resolvConf?: typeof PATIENT): SimulationResult =>
  simulateResolution(world, { name: 'www.example.com', type: 'A' }, { ...FIXED_RTT, personality: id, ...(resolvConf ? { resolvConf } : {}) }, seed);
const toZone = (event: ResolutionEvent): boolean => event.from.role === 'resolver' && /^ns[12]\.example\.com$/.test(event.to.name);
const sent = (result: SimulationResult, queryIndex = 0): QuerySentEvent[] =>
  result.events.filter((event): event is QuerySentEvent => event.type === 'query-sent' && toZone(event) && event.queryIndex === queryIndex);
// Each wait of the walk at example.com: which server, over what, sent when (ms after the first such query) and how long it lasted.
const waits = (result: SimulationResult) => {
  const queries = sent(result);
  const ended = (query: QuerySentEvent) => result.events.find((event) => event.seq > query.seq && ((event.type === 'query-timed-out' && event.to.name === query.to.name) || (event.type === 'response-received' && event.from.name === query.to.name)))!;
  return queries.map((query) => ({ to: query.to.name, transport: query.transport, atMs: query.timeMs - queries[0]!.timeMs, waitMs: ended(query).timeMs - query.timeMs }));
};
// When the resolver took the client's question (half the fixed 2 ms round trip after the stub sent it), and when it answered.
const arrived = (result: SimulationResult): number => result.events.find((event) => event.type === 'query-sent' && event.from.role === 'stub')!.timeMs + 1;
const answered = (result: SimulationResult) => result.events.find((event) => event.type === 'response-received' && event.to.role === 'stub');

describe('every server of the zone is silent', () => {
  it.each([
    // BIND 9.18.49, measured: waits of 0.8, 0.8, 1.6, 1.6, 3.2, 3.2 s and SERVFAIL at exactly 10.0 s; the last wait is cut there
    // (its address fetches for a.gtld-servers.net take 60 ms of the 10 s before the first of these queries).
    ['bind', [800, 800, 1600, 1600, 3200, 1880], [0, 800, 1600, 3200, 4800, 8000], 10000, undefined],
    // Knot Resolver 5.6.0, measured: SERVFAIL with EDE 22 at about 12.8 s (lib/selection.c back-off, TCP after two timeouts).
    ['knot', [400, 800, 800, 800, 2000, 1600, 3200, 3200], [0, 400, 1200, 2000, 2800, 4800, 6400, 9600], 12860, 22],
  ] as const)('%s waits %j ms, sent at %j ms, and answers SERVFAIL %i ms after the question arrived (EDE %s)', (id, waitMs, atMs, servfailMs, ede) => {
    const result = ask(id, BOTH_SILENT, 1, PATIENT);
    expect(waits(result).map((wait) => wait.waitMs)).toEqual(waitMs);
    expect(waits(result).map((wait) => wait.atMs)).toEqual(atMs);
    expect(answered(result)!.timeMs - 1 - arrived(result)).toBe(servfailMs);
    expect(result.outcomes[0]).toMatchObject({ status: 'servfail' });
    expect(result.outcomes[0]!.ede?.code).toBe(ede);
  });

  it('Knot asks the server that timed out twice over TCP, gets no connection in 2 s, and goes back to UDP', () => {
    expect(waits(ask('knot', BOTH_SILENT, 1, PATIENT)).map((wait) => wait.transport)).toEqual(['udp', 'udp', 'udp', 'udp', 'tcp', 'udp', 'udp', 'udp']);
  });

  it.each([1, 2, 3])('Unbound (seed %i) tries each server twice per choice below 5 s, backs off, and sends 14 queries in the first 16 s', (seed) => {
    const result = ask('unbound', BOTH_SILENT, seed, PATIENT);
    const all = waits(result);
    // Measured (Unbound 1.17.1): two tries at 376 ms before the next server; still retrying after 16 s.
    for (const server of ['ns1.example.com', 'ns2.example.com']) {
      expect(all.filter((wait) => wait.to === server).map((wait) => wait.waitMs)).toEqual([376, 376, 752, 752, 1504, 1504, 3008, 3008, 6016]);
    }
    expect(all.filter((wait) => wait.atMs < 16000 - sent(result)[0]!.timeMs)).toHaveLength(14);
    // outbound-msg-retry (5) choices per address end the walk: 18 queries, the last wait over 34.5 s after the first.
    expect(all).toHaveLength(18);
    const last = all.at(-1)!;
    expect(last.atMs + last.waitMs).toBe(34592);
  });

  it('Unbound drops the reply at the 1.9 s discard-timeout while the walk goes on, and the stub sees its own timeout', () => {
    const result = ask('unbound', BOTH_SILENT, 1, PATIENT);
    const discarded = result.events.find((event) => event.type === 'reply-discarded')!;
    expect(discarded.timeMs - arrived(result)).toBe(1900);
    expect(discarded.to.role).toBe('stub');
    expect(discarded.explanation).toMatch(/each tried 5 times/);
    expect(sent(result).filter((query) => query.timeMs > discarded.timeMs).length).toBeGreaterThan(10);
    expect(answered(result)).toBeUndefined();
    expect(result.events.filter((event) => event.type === 'query-timed-out' && event.from.role === 'stub').map((event) => event.timeMs)).toEqual([30000]);
    expect(result.outcomes[0]).toMatchObject({ status: 'timeout' });
  });
});

describe('a server answers ICMP port unreachable', () => {
  // Seeds whose walk asks the unreachable ns1 first (the choice between two unmeasured servers is random).
  const firstToNs1 = (id: Id) => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((seed) => ask(id, NS1_ICMP, seed)).filter((result) => sent(result)[0]!.to.name === 'ns1.example.com');

  it('Unbound waits its 376 ms timeout anyway and asks ns1 once more (measured, Unbound 1.17.1)', () => {
    const runs = firstToNs1('unbound');
    expect(runs.length).toBeGreaterThan(0);
    for (const result of runs) {
      expect(waits(result).slice(0, 2)).toEqual([
        { to: 'ns1.example.com', transport: 'udp', atMs: 0, waitMs: 376 },
        { to: 'ns1.example.com', transport: 'udp', atMs: 376, waitMs: 376 },
      ]);
      const icmp = result.events.filter((event) => event.type === 'port-unreachable').map((event) => event.timeMs - sent(result)[0]!.timeMs);
      expect(icmp.slice(0, 2)).toEqual([100, 476]);
      expect(result.outcomes[0]).toMatchObject({ status: 'answer', addresses: ['203.0.113.10'] });
    }
  });

  // Not measured for BIND and Knot: the simulator has them act on the ICMP error and move on when it arrives
  // (docs/resolvers.md lists this under "Simplified here").
  it.each([['bind'], ['knot']] as const)('%s moves to ns2 as soon as the ICMP arrives', (id) => {
    const runs = firstToNs1(id);
    expect(runs.length).toBeGreaterThan(0);
    for (const result of runs) expect(sent(result).map((query) => [query.to.name, query.timeMs - sent(result)[0]!.timeMs])).toEqual([['ns1.example.com', 0], ['ns2.example.com', 100]]);
  });
});

describe('a lame server answers REFUSED, then comes the next question', () => {
  const twoQuestions = (id: Id, seed: number) =>
    simulateSession(NS1_REFUSES, [{ name: 'www.example.com', type: 'A' }, { name: 'www.example.com', type: 'AAAA', atMs: 10_000 }], { ...FIXED_RTT, personality: id }, seed);
  const lameAsked = (result: SimulationResult, queryIndex: number) => sent(result, queryIndex).filter((query) => query.to.name === 'ns1.example.com').length;
  const seeds = Array.from({ length: 12 }, (_, index) => index + 1);

  it.each([['bind'], ['knot']] as const)('%s asks it exactly once on the next question, then the other server (measured: BIND once, Knot one try)', (id) => {
    for (const seed of seeds) {
      const result = twoQuestions(id, seed);
      expect(sent(result, 1).map((query) => query.to.name)).toEqual(['ns1.example.com', 'ns2.example.com']);
      expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['answer', 'answer']);
    }
  });

  it('Unbound does not remember it: the next question may ask it again, twice in some draws as measured, never past outbound-msg-retry', () => {
    const counts = seeds.map((seed) => lameAsked(twoQuestions('unbound', seed), 1));
    expect(counts).toContain(2);
    expect(Math.max(...counts)).toBeLessThanOrEqual(5);
    for (const seed of seeds) expect(twoQuestions('unbound', seed).outcomes.map((outcome) => outcome.status)).toEqual(['answer', 'answer']);
  });

});
