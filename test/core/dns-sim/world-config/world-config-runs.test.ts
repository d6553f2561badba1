import { describe, expect, it } from 'vitest';
import { simulateSession, type SimulationResult } from '../../../../src/core/dns-sim/simulate.js';
import type { World } from '../../../../src/core/dns-sim/world/world.js';
import { withResolverConfig } from '../../../../src/core/dns-sim/world-config/resolver-config-options.js';
import { FIXED_RTT } from '../sim-fixture.js';
import { EXAMPLE_V2_ZONE as V2, loadWith, serversYaml } from './config-fixture.js';

const CLUSTER_ZONE = `$ORIGIN cluster.local.
$TTL 30
@ SOA ns.dns.cluster.local. hostmaster.cluster.local. 1 7200 3600 1209600 5
@ NS ns.dns
ns.dns A 10.96.0.10
web.default.svc A 10.244.1.7
`;
const CLUSTER_SERVER = '  - { name: coredns.kube-system, address: 10.96.0.10, zones: [cluster.local] }\n';

function world(resolver: string, tail: string, extra: Record<string, string> = {}): World {
  const { world: loaded, errors } = loadWith({ 'servers.yaml': serversYaml(resolver, tail), ...extra });
  expect(errors).toEqual([]);
  return loaded;
}

// Runs the questions as `swelearn sim` does: the world's resolver configuration beneath the run's options.
const run = (w: World, queries: { name: string; type: 'A'; atMs: number }[]): SimulationResult => simulateSession(w, queries, withResolverConfig(FIXED_RTT, w.resolverConfig), 1);

const sentTo = (result: SimulationResult, address: string) =>
  result.events.flatMap((event) => (event.type === 'query-sent' && event.to.address === address ? [{ timeMs: event.timeMs, name: event.message.question.name, rd: event.message.flags.rd }] : []));
const changes = (result: SimulationResult) => result.events.flatMap((event) => (event.type === 'world-changed' ? [[event.timeMs, event.explanation]] : []));
const answers = (result: SimulationResult) => result.outcomes.map((outcome) => [outcome.status, outcome.addresses]);
const staleAnswerTimes = (result: SimulationResult) => result.events.flatMap((event) => (event.type === 'cache-checked' && event.explanation.includes('(serve-stale, RFC 8767)') ? [event.timeMs] : []));

describe('a world that schedules changes and configures its resolver', () => {
  it('swaps a zone at its scheduled time: the trace shows the change at 30 s, and a question after it gets the new address', () => {
    const w = world('', 'schedule:\n  - { at: 30s, zone: example.com, file: example.com-v2.zone, note: the migration }\n', { 'example.com-v2.zone': V2 });
    const result = run(w, [{ name: 'www.example.com', type: 'A', atMs: 0 }, { name: 'www.example.com', type: 'A', atMs: 600_000 }]);
    expect(changes(result)).toEqual([[30_000, 'the migration (zone example.com. is now the 6 records of example.com-v2.zone)']]);
    expect(answers(result)).toEqual([['answer', ['203.0.113.10']], ['answer', ['203.0.113.99']]]);
  });

  const down = 'schedule:\n  - { at: 30s, server: ns1.example.com, behaviour: drop }\n  - { at: 30s, server: ns2.example.com, behaviour: drop }\n';
  const twice = [{ name: 'www.example.com', type: 'A' as const, atMs: 0 }, { name: 'www.example.com', type: 'A' as const, atMs: 600_000 }];

  it('takes both example.com servers down mid-run: they answer before 30 s, time out after it, and serve-stale answers from the expired cache', () => {
    const result = run(world('  serve_stale: true\n', down), twice);
    expect(changes(result).map(([timeMs]) => timeMs)).toEqual([30_000, 30_000]);
    const timeouts = result.events.filter((event) => event.type === 'query-timed-out' && ['192.0.2.1', '192.0.2.2'].includes(event.to.address));
    expect(timeouts.length).toBeGreaterThan(0);
    expect(timeouts.every((event) => event.timeMs > 600_000)).toBe(true);
    expect(answers(result)).toEqual([['answer', ['203.0.113.10']], ['answer', ['203.0.113.10']]]);
    // Unbound's serve-expired-client-timeout, 1800 ms after the question reached the resolver.
    expect(staleAnswerTimes(result)).toEqual([601_801]);
  });

  it.each<[string, string, number[], string]>([
    ['BIND\'s own stale-answer-client-timeout', '  personality: bind\n  serve_stale:\n    stale-answer-client-timeout: 500\n', [600_501], 'answer'],
    ['Unbound\'s serve-expired-client-timeout 0 (stale at once)', '  serve_stale:\n    serve-expired-client-timeout: 0\n', [600_001], 'answer'],
    ['serve-stale left off', '', [], 'timeout'],
  ])('meets the outage with %s', (_name, resolver, times, status) => {
    const result = run(world(resolver, down), twice);
    expect(staleAnswerTimes(result)).toEqual(times);
    expect(result.outcomes[1]?.status).toBe(status);
  });

  it('forwards cluster.local to the cluster server with RD=1, never asks the root about it, and answers the second question from its cache', () => {
    const w = world('  forward_zones:\n    - { zone: cluster.local, addresses: [10.96.0.10] }\n', CLUSTER_SERVER, { 'cluster.local.zone': CLUSTER_ZONE });
    const result = run(w, [{ name: 'web.default.svc.cluster.local', type: 'A', atMs: 0 }, { name: 'web.default.svc.cluster.local', type: 'A', atMs: 5_000 }]);
    expect(sentTo(result, '10.96.0.10')).toEqual([{ timeMs: 1, name: 'web.default.svc.cluster.local', rd: true }]);
    expect(sentTo(result, '198.41.0.4')).toEqual([]);
    expect(answers(result)).toEqual([['answer', ['10.244.1.7']], ['answer', ['10.244.1.7']]]);
  });

  it('without the forward zone the same question walks from the root, which has never heard of cluster.local', () => {
    const result = run(world('', CLUSTER_SERVER, { 'cluster.local.zone': CLUSTER_ZONE }), [{ name: 'web.default.svc.cluster.local', type: 'A', atMs: 0 }]);
    expect(sentTo(result, '10.96.0.10')).toEqual([]);
    expect(sentTo(result, '198.41.0.4').length).toBeGreaterThan(0);
    expect(answers(result)).toEqual([['nxdomain', []]]);
  });

  it('iterates a stub zone from its own server with RD=0, skipping the root', () => {
    const w = world('  qname_minimisation: false\n  stub_zones:\n    - { zone: cluster.local, addresses: [10.96.0.10] }\n', CLUSTER_SERVER, { 'cluster.local.zone': CLUSTER_ZONE });
    const result = run(w, [{ name: 'web.default.svc.cluster.local', type: 'A', atMs: 0 }]);
    expect(sentTo(result, '10.96.0.10')).toEqual([{ timeMs: 1, name: 'web.default.svc.cluster.local', rd: false }]);
    expect(sentTo(result, '198.41.0.4')).toEqual([]);
    expect(answers(result)).toEqual([['answer', ['10.244.1.7']]]);
  });

  it('changes a server\'s round trip at its time: the same query takes the new RTT after the change', () => {
    const w = world('  forward_zones:\n    - { zone: cluster.local, addresses: [10.96.0.10] }\n', `${CLUSTER_SERVER}schedule:\n  - { at: 1m, server: coredns.kube-system, rtt_ms: 300 }\n`, { 'cluster.local.zone': CLUSTER_ZONE });
    const result = run(w, [{ name: 'web.default.svc.cluster.local', type: 'A', atMs: 0 }, { name: 'web.default.svc.cluster.local', type: 'A', atMs: 120_000 }]);
    const replies = result.events.filter((event) => event.type === 'response-received' && event.from.address === '10.96.0.10');
    expect(replies.map((event) => event.timeMs - (sentTo(result, '10.96.0.10').find((sent) => sent.timeMs <= event.timeMs && event.timeMs - sent.timeMs < 1000)?.timeMs ?? 0))).toEqual([100, 300]);
  });
});
