import { describe, expect, it } from 'vitest';
import type { QuerySentEvent } from '../../../../src/core/dns-sim/events.js';
import { searchCandidates } from '../../../../src/core/dns-sim/stub/search-list.js';
import { defaultResolvConf, simulateResolution, simulateSession } from '../../../../src/core/dns-sim/simulate.js';
import { nameserverWaitSeconds } from '../../../../src/core/dns-sim/stub/stub-send.js';
import type { RecordType, ResolvConf } from '../../../../src/core/dns-sim/world/world.js';
import { FIXED_RTT, steps, timesOf, testWorld } from '../sim-fixture.js';

const world = testWorld();
const conf = (changes: Partial<ResolvConf>): ResolvConf => ({ ...defaultResolvConf('10.0.0.53'), ...changes });
const run = (name: string, type: RecordType | 'A+AAAA', resolvConf: ResolvConf, extra = {}) =>
  simulateResolution(world, { name, type }, { ...FIXED_RTT, resolvConf, ...extra }, 1);

describe('glibc wait per nameserver index (res_send.c send_dg)', () => {
  it.each([
    [0, 5, 1, 5],
    [0, 5, 2, 5],
    [1, 5, 2, 5],
    [0, 5, 3, 5],
    [1, 5, 3, 3],
    [2, 5, 3, 6],
    [1, 1, 3, 1],
    [2, 30, 3, 40],
  ])('index %i, timeout %i s, %i servers: %i s', (index, timeout, count, expected) => {
    expect(nameserverWaitSeconds(index, timeout, count)).toBe(expected);
  });
});

describe('glibc timings on the virtual clock', () => {
  it('one dead of two nameservers: a 5 s wait, then the answer from the second', () => {
    const result = run('www.example.com', 'A', conf({ nameservers: ['10.0.0.2', '10.0.0.53'] }));
    expect(steps(result).slice(0, 3)).toEqual(['laptop (glibc stub) > 10.0.0.2 www.example.com A', 'laptop (glibc stub) > 10.0.0.2 timeout', 'laptop (glibc stub) > resolver.test www.example.com A']);
    expect(timesOf(result, 'query-timed-out')).toEqual([5000]);
    // 5000 + the cold Unbound walk: 1 + 20 (root priming) + 20 + 40 + 100 + 1 = 182 ms.
    expect(result.outcomes[0]).toMatchObject({ status: 'answer', durationMs: 5182 });
  });

  it('a single dead nameserver with attempts:2: 5 s, again 5 s, then EAI_AGAIN at 10 s', () => {
    const result = run('www.example.com', 'A+AAAA', conf({ nameservers: ['10.0.0.2'] }));
    expect(timesOf(result, 'query-sent')).toEqual([0, 0, 5000, 5000]);
    expect(timesOf(result, 'query-timed-out')).toEqual([5000, 5000, 10000, 10000]);
    expect(result.outcomes[0]).toMatchObject({ status: 'timeout', durationMs: 10000, error: 'EAI_AGAIN (Temporary failure in name resolution)' });
  });

  it('three dead nameservers: waits of 5, 3 and 6 s per round, two rounds', () => {
    const result = run('www.example.com', 'A', conf({ nameservers: ['10.0.0.2', '10.0.0.3', '10.0.0.4'] }));
    expect(timesOf(result, 'query-timed-out')).toEqual([5000, 8000, 14000, 19000, 22000, 28000]);
    expect(result.outcomes[0]!.durationMs).toBe(28000);
  });

  it('loses datagrams at the given loss rate: with every packet lost, the stub times out like a dead server', () => {
    const result = run('www.example.com', 'A', conf({}), { network: { lossRate: 1, fixedRttByRole: { resolver: 2 } } });
    expect(timesOf(result, 'query-timed-out')).toEqual([5000, 10000]);
    expect(result.outcomes[0]!.status).toBe('timeout');
  });

  it('moves on at once when ICMP port unreachable comes back', () => {
    const result = run('www.example.com', 'A', conf({ nameservers: ['127.0.0.1', '10.0.0.53'] }));
    expect(steps(result).slice(0, 2)).toEqual(['laptop (glibc stub) > 127.0.0.1 www.example.com A', '127.0.0.1 > laptop (glibc stub) unreachable']);
    // The ICMP error comes back after 2 ms (the fixture's round trip for 127.0.0.1), then the cold 182 ms walk (priming included).
    expect(result.outcomes[0]).toMatchObject({ status: 'answer', durationMs: 184 });
  });

  it('rotate starts each call one nameserver later (nameserver_offset)', () => {
    const rotate = conf({ nameservers: ['10.0.0.53', '10.0.0.2'], rotate: true });
    const result = simulateSession(world, [{ name: 'www.example.com', type: 'A' }, { name: 'www.example.com', type: 'A', atMs: 1000 }], { ...FIXED_RTT, resolvConf: rotate }, 1);
    const firstTargets = [0, 1].map((index) => result.events.find((event) => event.queryIndex === index && event.type === 'query-sent')!.to.address);
    expect(firstTargets).toEqual(['10.0.0.53', '10.0.0.2']);
    // The second call waits on nameserver index 1: (5 << 1) / 2 = 5 s, then asks the live one (a cache hit: one 2 ms round trip).
    expect(result.outcomes[1]!.durationMs).toBe(5002);
  });

  it('sends A and AAAA together for getaddrinfo, and one after the other with single-request', () => {
    const together = run('www.example.com', 'A+AAAA', conf({}));
    expect(timesOf(together, 'query-sent').filter((_, index) => index < 2)).toEqual([0, 0]);
    const single = run('www.example.com', 'A+AAAA', conf({ singleRequest: true }));
    const stubSends = single.events.filter((event) => event.type === 'query-sent' && event.from.role === 'stub').map((event) => event.timeMs);
    // The AAAA question waits for the A answer: the cold walk's 182 ms (1 + 20 priming + 20 + 40 + 100 + 1).
    expect(stubSends).toEqual([0, 182]);
    expect(single.outcomes[0]!.addresses).toEqual(['203.0.113.10', '2001:db8::10']);
  });

  it('advertises EDNS only with options edns0, with glibc\'s 1200-byte buffer', () => {
    const plain = run('www.example.com', 'A', conf({}));
    const edns = run('www.example.com', 'A', conf({ edns0: true }));
    expect(plain.events.find((event) => event.type === 'query-sent')!.message.ednsUdpPayloadBytes).toBeUndefined();
    expect(edns.events.find((event) => event.type === 'query-sent')!.message.ednsUdpPayloadBytes).toBe(1200);
  });
});

describe('hosts file and search list', () => {
  it('answers from /etc/hosts without any query (nsswitch hosts: files dns)', () => {
    const result = simulateResolution(world, { name: 'build.internal', type: 'A+AAAA' }, { ...FIXED_RTT, hosts: [{ address: '10.20.30.40', names: ['build.internal'] }] }, 1);
    expect(steps(result)).toEqual([]);
    expect(result.outcomes[0]).toMatchObject({ status: 'answer', durationMs: 0, addresses: ['10.20.30.40'] });
  });

  it.each([
    ['www', ['example.com'], 1, ['www.example.com', 'www']],
    ['www.example.com', ['corp.example'], 1, ['www.example.com', 'www.example.com.corp.example']],
    ['api.example.com', ['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], 5, ['api.example.com.shop.svc.cluster.local', 'api.example.com.svc.cluster.local', 'api.example.com.cluster.local', 'api.example.com']],
    ['api.example.com', ['shop.svc.cluster.local'], 2, ['api.example.com', 'api.example.com.shop.svc.cluster.local']],
    ['api.example.com.', ['shop.svc.cluster.local'], 5, ['api.example.com']],
  ])('%s with search %j and ndots:%i tries %j', (name, search, ndots, expected) => {
    expect(searchCandidates(name, { search, ndots }).map((candidate) => candidate.name)).toEqual(expected);
  });

  it('goes on to the next search domain after NXDOMAIN and stops at the first answer', () => {
    const result = run('www', 'A', conf({ search: ['nope.example.com', 'example.com'] }));
    const asked = result.events.filter((event): event is QuerySentEvent => event.type === 'query-sent' && event.from.role === 'stub').map((event) => event.message.question.name);
    expect(asked).toEqual(['www.nope.example.com', 'www.example.com']);
    expect(result.outcomes[0]).toMatchObject({ status: 'answer', resolvedName: 'www.example.com' });
  });
});
