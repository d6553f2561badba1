import { beforeAll, describe, expect, it } from 'vitest';
import type { PacketEvent } from '../../../../src/core/dns-sim/events.js';
import { findScenario } from '../../../../src/core/dns-sim/scenarios/scenarios.js';
import type { SimulationResult } from '../../../../src/core/dns-sim/simulate.js';
import { scenarioRunner } from '../scenarios/scenario-runs.js';

let run: Awaited<ReturnType<typeof scenarioRunner>>;
beforeAll(async () => {
  run = await scenarioRunner();
});

const packets = (result: SimulationResult): PacketEvent[] =>
  result.events.filter((event): event is PacketEvent => event.type === 'query-sent' || event.type === 'response-received');

// Sizes the bundled scenarios show, worked out by hand from RFC 1035 with compression, the way the
// message-format card counts them: a 12-byte header; a question of its name, 2 bytes of type and 2 of
// class; a record of its owner (C0 xx when the name came before), 10 fixed bytes and its RDATA; 11
// bytes for an empty OPT record.
// The walks are Unbound's (the default), seed 1: it primes the root at g.root-servers.net, asks f.root-servers.net for com.,
// and asks the full name with type A before the real type (big A, then big TXT, to the other server of example.com).
const SIZES: [scenario: string, from: string, to: string, transport: 'udp' | 'tcp', question: string, bytes: number, why: string][] = [
  ['cold-cache', 'laptop (glibc stub)', 'resolver.isp.net', 'udp', 'www.example.com A', 33, '12 + 17 (www.example.com) + 4, no EDNS: the card\'s 29 bytes plus "www"'],
  ['cold-cache', 'resolver.isp.net', 'g.root-servers.net', 'udp', '. NS', 28, '12 + 1 (the root) + 4 + 11 (OPT): the priming query'],
  ['cold-cache', 'g.root-servers.net', 'resolver.isp.net', 'udp', '. NS', 239, '17; NS a.root-servers.net with owner 0 (the root is one byte, shorter than a pointer) 1+10+20, twelve more 1+10+4 each; 11'],
  ['cold-cache', 'resolver.isp.net', 'f.root-servers.net', 'udp', 'com A', 32, '12 + 5 (com, minimised) + 4 + 11 (OPT)'],
  ['cold-cache', 'f.root-servers.net', 'resolver.isp.net', 'udp', 'com A', 176, '21; NS a.gtld-servers.net in full 2+10+20, three more NS 2+10+4 each; four A glue 2+10+4 each; 11'],
  ['cold-cache', 'd.gtld-servers.net', 'resolver.isp.net', 'udp', 'example.com A', 108, '29; two NS (ns1, ns2 -> example.com) 2+10+6 each; two A glue 2+10+4 each; 11'],
  ['cold-cache', 'ns1.example.com', 'resolver.isp.net', 'udp', 'www.example.com A', 60, '33; the A record C0 0C + 10 + 4; 11'],
  ['cold-cache', 'resolver.isp.net', 'laptop (glibc stub)', 'udp', 'www.example.com A', 49, 'the card\'s 45-byte answer plus "www"; no OPT, as the stub sent none'],
  ['truncation-tcp', 'ns1.example.com', 'resolver.isp.net', 'udp', 'big.example.com A', 95, 'NODATA: 33; SOA C0 10 + 10 + 39 (ns1 -> example.com 6, hostmaster -> example.com 13, five numbers 20); 11'],
  ['truncation-tcp', 'ns2.example.com', 'resolver.isp.net', 'udp', 'big.example.com TXT', 44, 'TC=1: 33 + 11; the one TXT RRset does not fit 1232 bytes, so it goes whole'],
  ['truncation-tcp', 'ns2.example.com', 'resolver.isp.net', 'tcp', 'big.example.com TXT', 1419, '33 + six TXT records (C0 0C + 10 + 1 + 190, 225, 223, 230, 209, 220 = 1375) + 11'],
  ['truncation-tcp', 'resolver.isp.net', 'laptop (glibc stub)', 'udp', 'big.example.com TXT', 33, 'TC=1 within the 512 bytes of a query without EDNS: header and question only'],
  ['truncation-tcp', 'resolver.isp.net', 'laptop (glibc stub)', 'tcp', 'big.example.com TXT', 1408, '1419 without the OPT record'],
];

describe('the sizes the bundled scenarios show are true wire sizes', () => {
  it.each(SIZES)('%s: %s -> %s over %s, %s: %i bytes (%s)', (scenario, from, to, transport, question, bytes) => {
    const found = packets(run(findScenario(scenario)!)).filter((event) =>
      event.from.name === from && event.to.name === to && event.transport === transport && `${event.message.question.name || '.'} ${event.message.question.type}` === question);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((event) => event.message.sizeBytes)).toEqual(found.map(() => bytes));
  });

  it('amplification: 44-byte spoofed queries (33 + an OPT offering 4096) bring 1419-byte answers, 32.25 times as many bytes', () => {
    const values = run(findScenario('amplification-open-resolver')!).report!.values;
    expect(values).toMatchObject({ queries: 30, bytesIn: 30 * 44, bytesOut: 30 * 1419 });
    expect(values.factor).toBeCloseTo(1419 / 44, 10);
  });
});
