import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../../src/core/dns-sim/events.js';
import { combinedOdds, formatOdds, ID_SPACE, letterCount, PORT_SPACE, raceForgeries, spoofingOdds } from '../../../../src/core/dns-sim/attacks/poisoning.js';
import type { SimState } from '../../../../src/core/dns-sim/sim-state.js';
import type { DnsMessage } from '../../../../src/core/dns-sim/wire/wire.js';
import { testWorld } from '../sim-fixture.js';

describe('RFC 5452 section 7: the odds of a spoofing attempt', () => {
  it.each([
    // F forged packets, N servers, P ports, I ids, 0x20 letters: P_s = D * F / (N * P * I * 2^letters).
    [4000, 2, 1, 0, 4000 / (2 * 65536)],
    [4000, 2, PORT_SPACE, 0, 4000 / (2 * 64512 * 65536)],
    [4000, 2, 1, 15, 4000 / (2 * 65536 * 32768)],
    [1, 1, 1, 0, 1 / 65536],
    [200_000, 1, 1, 0, 1],
  ] as const)('F=%i, N=%i, P=%i, %i case bits', (forged, servers, ports, caseBits, expected) => {
    expect(spoofingOdds(forged, { servers, ports, caseBits })).toBeCloseTo(expected, 15);
  });

  it('D identical outstanding queries multiply the chance (the birthday attack RFC 5452 section 5 warns of)', () => {
    expect(spoofingOdds(100, { servers: 1, ports: 1, caseBits: 0 }, 10)).toBeCloseTo((10 * 100) / ID_SPACE, 15);
  });

  it('section 7.2: P_cs = 1 - (1 - P_s)^(T/W)', () => {
    expect(combinedOdds(0.03, 1)).toBeCloseTo(0.03, 12);
    expect(combinedOdds(0.0305, 40)).toBeCloseTo(1 - (1 - 0.0305) ** 40, 12);
    expect(combinedOdds(0, 1000)).toBe(0);
  });

  it('counts the letters 0x20 can flip', () => {
    expect(letterCount('r0001.bank-example.com')).toBe(15);
    expect(letterCount('1.2.3.4.in-addr.arpa')).toBe(10);
  });

  it('writes odds for people', () => {
    expect(formatOdds(0.0305)).toBe('3.05%');
    expect(formatOdds(4000 / (2 * 64512 * 65536))).toBe('1 in 2.11 million');
  });
});

describe('the simulated race agrees with the formula', () => {
  const world = testWorld();
  const server: Endpoint = { name: 'ns1.example.com', address: '192.0.2.1', role: 'authoritative' };
  const resolver: Endpoint = { name: 'resolver', address: '10.0.0.53', role: 'resolver' };
  const query: DnsMessage = { id: 4242, qr: false, rcode: 'NOERROR', question: { name: 'r1.example.com', type: 'A' }, answer: [], authority: [], additional: [] };
  const sim = (seed: number): SimState => ({
    seed, world, changes: [], network: { lossRate: 0 }, responders: new Map(), events: [], queryIndex: 0, recording: false, packetCounter: 0, stubCallCounter: 0, forgedAddresses: new Set(),
    attack: { zone: 'example.com', packetsPerSecond: 50_000, nsName: 'ns1.example.com', address: '203.0.113.66', outOfBailiwick: { name: 'x.test', type: 'A', ttlSeconds: 1, data: '203.0.113.66' }, active: true },
  });

  it('wins in the fraction of windows P_s predicts (20,000 windows, within 4 standard deviations)', () => {
    const odds = { servers: 2, ports: 1, caseBits: 0 };
    const expected = spoofingOdds(4000, odds);
    const windows = 20_000;
    let wins = 0;
    for (let packet = 0; packet < windows; packet++) if (raceForgeries(sim(7), query, resolver, server, odds, 0, 80, packet, 'A r1.example.com.', 1)?.winner) wins++;
    const sd = Math.sqrt(expected * (1 - expected) / windows);
    expect(Math.abs(wins / windows - expected)).toBeLessThan(4 * sd);
  });

  it('never races outside the attacked zone, and a winning forgery carries the real id and arrives before the real answer', () => {
    const odds = { servers: 1, ports: 1, caseBits: 0 };
    expect(raceForgeries(sim(1), { ...query, question: { name: 'www.other.test', type: 'A' } }, resolver, server, odds, 0, 80, 1, 'x', 1)).toBeUndefined();
    const state = sim(1);
    state.attack!.packetsPerSecond = 10_000_000; // F = 800,000 > N * P * I: a certain win
    const race = raceForgeries(state, query, resolver, server, odds, 0, 80, 1, 'x', 1)!;
    expect(race.odds).toBe(1);
    expect(race.winner!.message.id).toBe(4242);
    expect(race.winner!.atMs).toBeLessThan(80);
  });
});
