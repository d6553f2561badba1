import { describe, expect, it } from 'vitest';
import { cacheOperationsOf, kindOf, type CacheCheckedEvent, type QuerySentEvent } from '../../../../src/core/dns-sim/events.js';
import { simulateResolution, simulateSession, type SimulationOptions } from '../../../../src/core/dns-sim/simulate.js';
import type { RecordType } from '../../../../src/core/dns-sim/world/world.js';
import { FIXED_RTT, steps, TEST_FILES, testWorld } from '../sim-fixture.js';

const world = testWorld();
// Which of example.com's two servers answers depends on the seed, as in Unbound: normalise it.
const anyNs = (list: string[]): string[] => list.map((step) => step.replace(/ns[12]\.example\.com/g, 'nsX.example.com'));
const run = (name: string, type: RecordType, options: SimulationOptions = {}, seed = 1, onWorld = world) =>
  simulateResolution(onWorld, { name, type }, { ...FIXED_RTT, ...options }, seed);
const STUB = 'laptop (glibc stub)';
const R = 'resolver.test';

describe('iterative resolution (RFC 1034 5.3.3)', () => {
  it.each([
    ['www.example.com', 'A', true, 162, 'answer', ['com A', 'example.com A', 'www.example.com A']],
    ['www.example.com', 'A', false, 162, 'answer', ['www.example.com A', 'www.example.com A', 'www.example.com A']],
    ['a.b.c.example.com', 'A', true, 362, 'answer', ['com A', 'example.com A', 'c.example.com A', 'b.c.example.com A', 'a.b.c.example.com A']],
    ['a.b.c.example.com', 'A', false, 162, 'answer', ['a.b.c.example.com A', 'a.b.c.example.com A', 'a.b.c.example.com A']],
    ['nope.example.com', 'A', true, 162, 'nxdomain', ['com A', 'example.com A', 'nope.example.com A']],
    ['www.example.com', 'MX', true, 162, 'nodata', ['com A', 'example.com A', 'www.example.com MX']],
    ['alias.example.com', 'A', true, 162, 'answer', ['com A', 'example.com A', 'alias.example.com A']],
  ] as const)('%s %s with QNAME minimisation %s: %i ms, %s, asking %j', (name, type, qmin, ms, status, questions) => {
    const result = run(name, type, { resolver: { qnameMinimisation: qmin } });
    const asked = result.events.filter((event): event is QuerySentEvent => event.type === 'query-sent' && event.from.name === R).map((event) => `${event.message.question.name} ${event.message.question.type}`);
    expect(asked).toEqual(questions);
    expect(result.outcomes[0]!.status).toBe(status);
    expect(result.outcomes[0]!.durationMs).toBe(ms);
  });

  it('walks root -> TLD -> authoritative from the world\'s root hints, each hop a referral', () => {
    expect(anyNs(steps(run('www.example.com', 'A')))).toEqual([
      `${STUB} > ${R} www.example.com A`,
      `${R} > a.root-servers.net com A`,
      `a.root-servers.net > ${R} referral`,
      `${R} > a.gtld-servers.net example.com A`,
      `a.gtld-servers.net > ${R} referral`,
      `${R} > nsX.example.com www.example.com A`,
      `nsX.example.com > ${R} answer`,
      `${R} > ${STUB} answer`,
    ]);
  });

  it('rejects out-of-bailiwick (sibling) glue and looks the name server up in a nested walk', () => {
    const result = run('www.sibling.com', 'A');
    const stored = result.events.find((event) => event.type === 'cache-stored' && event.explanation.includes('ignored out-of-bailiwick glue'));
    expect(stored?.explanation).toContain('ns1.hoster.net.');
    const nested = result.events.filter((event): event is QuerySentEvent => event.depth === 2 && event.type === 'query-sent').map((event) => `${event.to.name} ${event.message.question.name}`);
    expect(nested).toEqual(['a.root-servers.net net', 'a.gtld-servers.net hoster.net', 'ns1.hoster.net ns1.hoster.net']);
    expect(result.outcomes[0]).toMatchObject({ status: 'answer', addresses: ['203.0.113.20'], durationMs: 322 });
  });
});

describe('negative caching (RFC 2308 section 5)', () => {
  it.each([
    ['nope.example.com', 'A', 'nxdomain', 300, 'SOA TTL 3600, MINIMUM 300'],
    ['www.example.com', 'MX', 'nodata', 300, 'SOA TTL 3600, MINIMUM 300'],
    ['nope.hoster.net', 'A', 'nxdomain', 600, 'SOA TTL 600, MINIMUM 3600'],
  ] as const)('caches %s %s (%s) for %i s: %s', (name, type, negative, ttl, _why) => {
    const result = run(name, type);
    const store = result.events.flatMap(cacheOperationsOf).find((op) => op.op === 'store' && op.negative === negative);
    expect(store).toMatchObject({ name, ttlSeconds: ttl });
  });

  it('answers the same question from the negative cache, TTL counted down', () => {
    const result = simulateSession(world, [{ name: 'nope.example.com', type: 'A' }, { name: 'nope.example.com', type: 'A', atMs: 60_000 }], FIXED_RTT, 1);
    const hit = result.events.find((event): event is CacheCheckedEvent => event.queryIndex === 1 && event.type === 'cache-checked' && event.kind === 'cache-hit');
    // Stored at 161 ms with 300 s; 240.16 s are left at 60001 ms, shown rounded up as resolvers count whole seconds.
    expect(hit?.cache[0]).toMatchObject({ op: 'hit', negative: 'nxdomain', ttlSeconds: 241 });
    expect(result.outcomes[1]).toMatchObject({ status: 'nxdomain', durationMs: 2 });
  });
});

describe('truncation', () => {
  it('retries a TC=1 answer over TCP, to the same server, and the stub does the same', () => {
    const result = run('big.example.com', 'TXT');
    const list = steps(result);
    const truncatedAt = list.findIndex((step) => step.endsWith('truncated'));
    const server = list[truncatedAt]!.split(' > ')[0];
    expect(list[truncatedAt + 1]).toBe(`${R} > ${server} tcp big.example.com TXT`);
    expect(list.slice(-3)).toEqual([`${R} > ${STUB} truncated`, `${STUB} > ${R} tcp big.example.com TXT`, `${R} > ${STUB} answer`]);
    expect(result.events.filter((event) => event.type === 'tcp-connected')).toHaveLength(2);
    // 2 + 20 + 40 + 100 (UDP, TC=1) + 200 (TCP handshake and query) + 1 (back to the stub) + 4 (stub over TCP).
    expect(result.outcomes[0]).toMatchObject({ status: 'answer', durationMs: 366 });
    expect(result.outcomes[0]!.records).toHaveLength(2);
  });
});

describe('bounded walks end in SERVFAIL with a reason', () => {
  const loops = testWorld({
    'example.com.zone': `${TEST_FILES['example.com.zone']}loop CNAME loop.hoster.net.\nx CNAME x.hoster.net.\ny CNAME y.hoster.net.\n`,
    'hoster.net.zone': `${TEST_FILES['hoster.net.zone']}loop CNAME loop.example.com.\nx CNAME y.example.com.\ny A 203.0.113.99\n`,
    'com.zone': `${TEST_FILES['com.zone']}loopa NS ns.loopb.net.\n`,
    'net.zone': `${TEST_FILES['net.zone']}loopb NS ns.loopa.com.\n`,
  });

  it.each([
    ['loop.example.com', {}, /CNAME loop: loop\.example\.com\. -> loop\.hoster\.net\. -> loop\.example\.com\./],
    ['www.loopa.com', {}, /circular dependency/],
    ['x.example.com', { resolver: { maxCnameChain: 2 } }, /CNAME chain longer than 2 restarts/],
  ] as const)('%s', (name, options, reason) => {
    const result = run(name, 'A', options, 1, loops);
    expect(result.outcomes[0]!.status).toBe('servfail');
    expect(result.outcomes[0]!.reason).toMatch(reason);
  });

  it('follows the same cross-zone chain when the limit allows it', () => {
    expect(run('x.example.com', 'A', {}, 1, loops).outcomes[0]).toMatchObject({ status: 'answer', addresses: ['203.0.113.99'] });
  });
});

describe('server selection, failover and memory of failed servers', () => {
  const deadNs1 = testWorld({ 'servers.yaml': TEST_FILES['servers.yaml']!.replace('zones: [example.com] }', 'zones: [example.com], behaviour: drop }') });
  const lameNs2 = testWorld({ 'servers.yaml': TEST_FILES['servers.yaml']!.replace('address: 192.0.2.2, zones: [example.com]', 'address: 192.0.2.2, zones: []') });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i: a dead server costs one 376 ms timeout, then the other answers', (seed) => {
    const result = run('www.example.com', 'A', {}, seed, deadNs1);
    const timedOut = result.events.some((event) => event.type === 'query-timed-out');
    expect(result.outcomes[0]!.status).toBe('answer');
    expect(result.outcomes[0]!.durationMs).toBe(timedOut ? 162 + 376 : 162);
  });

  it.each([1, 2, 3, 4, 5, 6])('seed %i: later walks back off from the dead server (376, then 752 ms) and then avoid it', (seed) => {
    const names = ['www', 'alias', 'a.b.c', 'nope', 'chain0', 'x.wild'];
    const result = simulateSession(deadNs1, names.map((label, index) => ({ name: `${label}.example.com`, type: 'A' as const, atMs: index * 10_000 })), FIXED_RTT, seed);
    const waits = result.events.filter((event) => event.type === 'query-timed-out').map((event) => Number(/within (\d+) ms/.exec(event.explanation)?.[1]));
    // After two losses the timeout is 1504 ms, outside the 400 ms RTT band of the live server: never picked again.
    expect(waits.length).toBeLessThanOrEqual(2);
    expect(waits).toEqual([376, 752].slice(0, waits.length));
    expect(result.outcomes.every((outcome) => outcome.status !== 'servfail')).toBe(true);
  });

  it('marks a REFUSED (lame) server for the zone and does not ask it again in later walks', () => {
    const result = simulateSession(lameNs2, ['www', 'alias', 'a.b.c', 'nope'].map((label, index) => ({ name: `${label}.example.com`, type: 'A' as const, atMs: index * 10_000 })), FIXED_RTT, 5);
    const refused = result.events.filter((event) => kindOf(event) === 'refused');
    expect(refused.length).toBeLessThanOrEqual(1);
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['answer', 'answer', 'answer', 'nxdomain']);
  });

  it('gives SERVFAIL with the reason when every server of a zone is silent', () => {
    const bothDead = testWorld({ 'servers.yaml': TEST_FILES['servers.yaml']!.replace(/zones: \[example\.com\] \}/g, 'zones: [example.com], behaviour: drop }') });
    const result = run('www.example.com', 'A', {}, 1, bothDead);
    expect(result.outcomes[0]!.status).toBe('servfail');
    expect(result.outcomes[0]!.reason).toMatch(/ns1\.example\.com \(192\.0\.2\.1\) timed out/);
  });
});
