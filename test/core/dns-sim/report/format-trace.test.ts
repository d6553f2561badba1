import { beforeAll, describe, expect, it } from 'vitest';
import { parseDurationMs } from '../../../../src/core/dns-sim/duration.js';
import { formatTraceText } from '../../../../src/core/dns-sim/report/format-trace.js';
import { findScenario, scenarioRun } from '../../../../src/core/dns-sim/scenarios/scenarios.js';
import { simulateResolution, simulateSession, type SimulationResult } from '../../../../src/core/dns-sim/simulate.js';
import { TRACE_FORMAT_VERSION, toTraceDocument } from '../../../../src/core/dns-sim/report/trace-json.js';
import type { World } from '../../../../src/core/dns-sim/world/world.js';
import { bundledWorldDir } from '../../../../src/io/package-paths.js';
import { loadWorldFolder } from '../../../../src/io/world-folder.js';

let world: World;
let cold: SimulationResult;
beforeAll(async () => {
  world = await loadWorldFolder(bundledWorldDir());
  cold = simulateResolution(world, { name: 'www.example.com', type: 'A' }, {}, 1);
});
const ANSI = /\u001b\[/;

describe('text trace', () => {
  it('shows each step with time, sender -> receiver (role address), question, flags, size and round trip, nested steps indented', () => {
    const text = formatTraceText(cold, { query: 'www.example.com A' }, { color: false });
    // Unbound (the default) primes first: its . NS sub-request is indented one step deeper than the walk (depth 2).
    expect(text).toMatch(/ 2 ms {6}resolver\.isp\.net \(resolver 10\.0\.0\.53\) -> g\.root-servers\.net \(root 192\.112\.36\.4\) {2}udp {2}\. NS {2}id \d+ \[\] edns 1232 {2}28 B\n/);
    expect(text).toMatch(/ 17 ms {6}g\.root-servers\.net \(root 192\.112\.36\.4\) -> resolver\.isp\.net \(resolver 10\.0\.0\.53\) {2}udp {2}ANSWER NOERROR {2}id \d+ \[qr aa\] edns 1232 {2}239 B {2}rtt 15 ms/);
    // The referral for com. then comes from another root server; with seed 1 the seeded network gives these round trips.
    expect(text).toMatch(/ 48 ms {4}f\.root-servers\.net \(root 192\.5\.5\.241\) -> resolver\.isp\.net \(resolver 10\.0\.0\.53\) {2}udp {2}REFERRAL NOERROR {2}id \d+ \[qr\] edns 1232 {2}176 B {2}rtt 31 ms/);
    expect(text).toContain('authority  com. 172800 IN NS a.gtld-servers.net.');
    expect(text).toContain('answer     www.example.com. 300 IN A 203.0.113.10');
    expect(text).toContain(';; question 1: www.example.com A -> ANSWER in 248 ms');
  });

  it('writes no escape codes without colour, and some with it', () => {
    expect(formatTraceText(cold, { query: 'x' }, { color: false })).not.toMatch(ANSI);
    expect(formatTraceText(cold, { query: 'x' }, { color: true })).toMatch(ANSI);
  });

  it('prints the hex bytes of every message only when asked', () => {
    expect(formatTraceText(cold, { query: 'x' }, { color: false })).not.toContain('hex ');
    expect(formatTraceText(cold, { query: 'x' }, { color: false, hex: true })).toMatch(/hex [0-9a-f]{24,}/);
  });

  it('marks stale answers and world changes in a session', () => {
    const scenario = findScenario('stale-after-migration')!;
    const run = scenarioRun(scenario, world);
    const text = formatTraceText(simulateSession(world, run.queries, run.options, run.seed), { query: 'www.acme-widgets.com A', scenario }, { color: false });
    expect(text).toContain('world change at ns1.acme-widgets.com');
    expect(text).toContain('stale: the zone now says www.acme-widgets.com. A 198.51.100.80');
    expect(text).toContain(';; question 3 of 3, at 1 h 2 min');
  });

  it('shows punycode names with their Unicode form', () => {
    const idn = simulateResolution(world, { name: 'xn--bcher-kva.example.com', type: 'A' }, {}, 1);
    expect(formatTraceText(idn, { query: 'bücher.example.com (xn--bcher-kva.example.com) A' }, { color: false })).toContain('xn--bcher-kva.example.com. (bücher.example.com.)');
  });
});

describe('JSON trace document', () => {
  it('is versioned, names the resolver program imitated, and carries the outcomes and events unchanged', () => {
    const document = toTraceDocument(cold, { input: 'www.example.com', ascii: 'www.example.com', unicode: 'www.example.com', type: 'A' }, null);
    expect(document.version).toBe(TRACE_FORMAT_VERSION);
    expect(document.kind).toBe('swelearn-sim-trace');
    expect(Object.keys(document)).toEqual(['version', 'kind', 'query', 'scenario', 'seed', 'resolver', 'resolverModel', 'qnameMinimisation', 'resolvConf', 'outcomes', 'events', 'warnings']);
    // A run without --resolver imitates Unbound, and says so.
    expect(document.resolverModel).toMatchObject({ id: 'unbound', name: 'Unbound 1.17.1' });
    expect(document.events).toBe(cold.events);
  });
});

describe('durations for --after', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['90', 90_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['2d', 172_800_000],
    ['1.5s', 1500],
    ['soon', undefined],
    ['5 m', undefined],
    ['', undefined],
  ])('%s is %s ms', (text, ms) => {
    expect(parseDurationMs(text)).toBe(ms);
  });
});
