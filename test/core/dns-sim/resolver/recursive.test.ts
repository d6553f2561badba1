import { describe, expect, it } from 'vitest';
import { cacheOperationsOf, kindOf, type CacheCheckedEvent, type QuerySentEvent } from '../../../../src/core/dns-sim/events.js';
import { defaultResolvConf, simulateResolution, simulateSession, type SimulationOptions, type SimulationResult } from '../../../../src/core/dns-sim/simulate.js';
import type { RecordType } from '../../../../src/core/dns-sim/world/world.js';
import { FIXED_RTT, steps, TEST_FILES, testWorld } from '../sim-fixture.js';

const world = testWorld();
// Which of example.com's two servers answers depends on the seed, as in Unbound: normalise it.
const anyNs = (list: string[]): string[] => list.map((step) => step.replace(/ns[12]\.example\.com/g, 'nsX.example.com'));
const run = (name: string, type: RecordType, options: SimulationOptions = {}, seed = 1, onWorld = world) =>
  simulateResolution(onWorld, { name, type }, { ...FIXED_RTT, ...options }, seed);
const STUB = 'laptop (glibc stub)';
const R = 'resolver.test';

// Unbound 1.17.1 is the default resolver. With the fixture's fixed round trips (resolver 2 ms, root 20, TLD 40,
// authoritative 100), a cold walk takes 1 ms for the question to arrive, 20 ms for the blocking root priming (. NS),
// 20 + 40 ms of referrals, 100 ms per question to example.com's servers and 1 ms back to the stub.
const question = (event: QuerySentEvent): string => `${event.message.question.name || '.'} ${event.message.question.type}`;

describe('iterative resolution (RFC 1034 5.3.3), as Unbound walks it', () => {
  it.each([
    ['www.example.com', 'A', true, 182, 'answer', ['. NS', 'com A', 'example.com A', 'www.example.com A']],
    ['www.example.com', 'A', false, 182, 'answer', ['. NS', 'www.example.com A', 'www.example.com A', 'www.example.com A']],
    // c and b.c are empty non-terminals (NODATA): one label more each time, 100 ms apiece.
    ['a.b.c.example.com', 'A', true, 382, 'answer', ['. NS', 'com A', 'example.com A', 'c.example.com A', 'b.c.example.com A', 'a.b.c.example.com A']],
    ['a.b.c.example.com', 'A', false, 182, 'answer', ['. NS', 'a.b.c.example.com A', 'a.b.c.example.com A', 'a.b.c.example.com A']],
    ['nope.example.com', 'A', true, 182, 'nxdomain', ['. NS', 'com A', 'example.com A', 'nope.example.com A']],
    // Unbound asks the full name with type A first, then the real type (iterator.c minimises "for A and DS" only).
    ['www.example.com', 'MX', true, 282, 'nodata', ['. NS', 'com A', 'example.com A', 'www.example.com A', 'www.example.com MX']],
    // The CNAME's target is resolved again, although the answer carried its records (measured, all three programs).
    ['alias.example.com', 'A', true, 282, 'answer', ['. NS', 'com A', 'example.com A', 'alias.example.com A', 'www.example.com A']],
  ] as const)('%s %s with QNAME minimisation %s: %i ms, %s, asking %j', (name, type, qmin, ms, status, questions) => {
    const result = run(name, type, { resolver: { qnameMinimisation: qmin } });
    const asked = result.events.filter((event): event is QuerySentEvent => event.type === 'query-sent' && event.from.name === R).map(question);
    expect(asked).toEqual(questions);
    expect(result.outcomes[0]!.status).toBe(status);
    expect(result.outcomes[0]!.durationMs).toBe(ms);
  });

  it('primes the root (. NS) from the world\'s root hints, then walks root -> TLD -> authoritative, each hop a referral', () => {
    expect(anyNs(steps(run('www.example.com', 'A')))).toEqual([
      `${STUB} > ${R} www.example.com A`,
      `${R} > a.root-servers.net  NS`,
      `a.root-servers.net > ${R} answer`,
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
    const nested = result.events.filter((event): event is QuerySentEvent => event.depth === 2 && event.type === 'query-sent').map((event) => `${event.to.name} ${question(event)}`);
    // The priming query is a sub-request at depth 2 too; the nested walk for ns1.hoster.net is minimised like any other.
    expect(nested).toEqual(['a.root-servers.net . NS', 'a.root-servers.net net A', 'a.gtld-servers.net hoster.net A', 'ns1.hoster.net ns1.hoster.net A']);
    // 1 + 20 (priming) + 20 + 40 (com, sibling.com) + 20 + 40 + 100 (net, hoster.net, ns1.hoster.net) + 100 + 1.
    expect(result.outcomes[0]).toMatchObject({ status: 'answer', addresses: ['203.0.113.20'], durationMs: 342 });
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

  it.each([
    // Stored at 181 ms (in second 0) with 300 s, so it expires in second 300; asked in second 60: 240 s (Unbound's whole-second clock).
    ['unbound', 240],
    // BIND stores it at 221 ms (its own lookup of a.gtld-servers.net takes 60 ms): 240.22 s left at 60001 ms, shown rounded up.
    ['bind', 241],
  ] as const)('%s answers the same question from the negative cache a minute later, TTL counted down to %i s', (personality, ttlSeconds) => {
    const result = simulateSession(world, [{ name: 'nope.example.com', type: 'A' }, { name: 'nope.example.com', type: 'A', atMs: 60_000 }], { ...FIXED_RTT, personality }, 1);
    const hit = result.events.find((event): event is CacheCheckedEvent => event.queryIndex === 1 && event.type === 'cache-checked' && event.kind === 'cache-hit');
    expect(hit?.cache[0]).toMatchObject({ op: 'hit', negative: 'nxdomain', ttlSeconds });
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
    // 1 + 20 (priming) + 20 + 40 + 100 (Unbound's big A first: NODATA) + 100 (big TXT over UDP, TC=1)
    // + 200 (TCP handshake and query) + 1 (back to the stub) + 4 (stub over TCP).
    expect(result.outcomes[0]).toMatchObject({ status: 'answer', durationMs: 486 });
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

describe('server selection, failover and memory of failed servers (Unbound)', () => {
  const deadNs1 = testWorld({ 'servers.yaml': TEST_FILES['servers.yaml']!.replace('zones: [example.com] }', 'zones: [example.com], behaviour: drop }') });
  const lameNs2 = testWorld({ 'servers.yaml': TEST_FILES['servers.yaml']!.replace('address: 192.0.2.2, zones: [example.com]', 'address: 192.0.2.2, zones: []') });
  const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
  // How long each of the resolver's waits on the dead ns1 lasted (the stub's own timeouts are not counted).
  const waitsOnNs1 = (result: SimulationResult): number[] =>
    result.events.filter((event) => event.type === 'query-timed-out' && event.from.name === R && event.to.name === 'ns1.example.com').map((event) => Number(/within (\d+) ms/.exec(event.explanation)?.[1]));
  // Each choice of ns1 is two tries at the same timeout (outside_network.c: one retry below 5000 ms); only then does rtt_lost
  // double it. After two choices its timeout is 1504 ms, beyond the RTT band (400 ms) above ns2's (376 ms unmeasured, 392 ms
  // after one 100 ms answer): not chosen again.
  const PAIRS = [376, 376, 752, 752];
  // 0 waits: the cold walk, 182 ms. 2 waits: 182 + 2 x 376. 4 waits: ns2 answers at 2437 ms, 2436 ms after the question
  // arrived, past the 1900 ms discard-timeout: the stub hears nothing, waits its 5 s and gets the cached answer in 2 ms.
  const DURATION_BY_WAITS: Record<number, number> = { 0: 182, 2: 934, 4: 5002 };

  it.each(SEEDS)('seed %i: a dead server costs two tries at 376 ms per choice, then the other answers', (seed) => {
    const result = run('www.example.com', 'A', {}, seed, deadNs1);
    const waits = waitsOnNs1(result);
    expect(waits).toEqual(PAIRS.slice(0, waits.length));
    expect(result.outcomes[0]).toMatchObject({ status: 'answer', addresses: ['203.0.113.10'], durationMs: DURATION_BY_WAITS[waits.length] });
    expect(result.events.some((event) => event.type === 'reply-discarded')).toBe(waits.length === 4);
  });

  it('seeds 1 to 8 cover the three walks: ns2 first (no wait), ns1 chosen once (two waits) and twice (four)', () => {
    expect(new Set(SEEDS.map((seed) => waitsOnNs1(run('www.example.com', 'A', {}, seed, deadNs1)).length))).toEqual(new Set([0, 2, 4]));
  });

  it.each(SEEDS.slice(0, 6))('seed %i: later walks back off from the dead server in pairs (376, 376, then 752, 752 ms) and then avoid it', (seed) => {
    const names = ['www', 'alias', 'a.b.c', 'nope', 'chain0', 'x.wild'];
    const result = simulateSession(deadNs1, names.map((label, index) => ({ name: `${label}.example.com`, type: 'A' as const, atMs: index * 10_000 })), FIXED_RTT, seed);
    const waits = waitsOnNs1(result);
    expect(waits).toEqual(PAIRS.slice(0, waits.length));
    expect([0, 2, 4]).toContain(waits.length);
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['answer', 'answer', 'answer', 'nxdomain', 'answer', 'answer']);
  });

  it('does not remember a REFUSED (lame) server: it throws the answer away, asks again, and later walks ask it again', () => {
    const result = simulateSession(lameNs2, ['www', 'alias', 'a.b.c', 'nope'].map((label, index) => ({ name: `${label}.example.com`, type: 'A' as const, atMs: index * 10_000 })), FIXED_RTT, 5);
    const refused = result.events.filter((event) => kindOf(event) === 'refused');
    // Seed 5: ns2 refuses the first question once and the fourth twice (iter_resptype.c: RESPONSE_TYPE_THROWAWAY, never infra_set_lame).
    expect(refused.map((event) => event.queryIndex)).toEqual([0, 3, 3]);
    for (const event of refused) expect(result.events.find((next) => next.seq > event.seq && next.type === 'query-sent')?.from.name).toBe(R);
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['answer', 'answer', 'answer', 'nxdomain']);
  });

  it.each([
    // BIND 9.18.49: resolver-query-timeout 10 s, measured; three waits on each server (0.8, 0.8, 1.6, 1.6, 3.2 and the cut last).
    ['bind', 10002, /^gave up after 10 s without an answer: ns1\.example\.com \(192\.0\.2\.1\) timed out \(3x\); ns2\.example\.com \(192\.0\.2\.2\) timed out \(3x\)$/],
    // Knot Resolver 5.6.0: the time limit is checked when a wait ends, at about 12.8 s (measured).
    ['knot', 12862, /^gave up after 10 s without an answer \(checked when the last wait ended, 2860 ms past the limit\): .*ns1\.example\.com \(192\.0\.2\.1\) timed out \(4x\)/],
  ] as const)('%s gives SERVFAIL after %i ms with the reason when every server of a zone is silent', (personality, ms, reason) => {
    // Unbound gives the client no reply at all here (failure-timing.test.ts); a patient stub (one 30 s try) sees BIND's and Knot's SERVFAIL.
    const patient = { ...defaultResolvConf('10.0.0.53'), timeoutSeconds: 30, attempts: 1 };
    const bothDead = testWorld({ 'servers.yaml': TEST_FILES['servers.yaml']!.replace(/zones: \[example\.com\] \}/g, 'zones: [example.com], behaviour: drop }') });
    const result = run('www.example.com', 'A', { personality, resolvConf: patient }, 1, bothDead);
    expect(result.outcomes[0]).toMatchObject({ status: 'servfail', durationMs: ms });
    expect(result.outcomes[0]!.reason).toMatch(reason);
  });
});
