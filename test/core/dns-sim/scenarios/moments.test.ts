import { describe, expect, it } from 'vitest';
import type { ResolutionEvent } from '../../../../src/core/dns-sim/events.js';
import type { QueryOutcome } from '../../../../src/core/dns-sim/outcome.js';
import { askedAgain } from '../../../../src/core/dns-sim/scenarios/moment-events.js';
import { SCENARIOS, type Scenario } from '../../../../src/core/dns-sim/scenarios/scenarios.js';
import { findMoment } from '../../../../src/core/dns-sim/scenarios/moment-types.js';
import { SCENARIO_IDS } from '../../../../src/core/dns-sim/scenarios/scenario-ids.js';
import type { RecordView } from '../../../../src/core/dns-sim/wire/message-view.js';
import { EVERY_PERSONALITY, scenarioRunner } from './scenario-runs.js';

const has = (entry: object) => expect.arrayContaining([expect.objectContaining(entry)]);

// The event each moment is about, by what makes it that event (never by its place in the walk), for every resolver
// the simulator models, as the default will change; and for lookups, what the application got in today's walk.
const INTENDED: [scenario: string, moment: string, event: object, outcome?: Partial<QueryOutcome>][] = [
  ['cold-cache', 'first-server', { type: 'query-sent', from: { role: 'resolver' }, to: { role: 'root' }, depth: 1 }],
  ['cold-cache', 'referral-ttl', { type: 'cache-stored', cache: has({ op: 'store', name: 'com', type: 'NS' }) }],
  ['warm-cache', 'cache-hit', { type: 'cache-checked', kind: 'cache-hit', cache: has({ op: 'hit', name: 'www.example.com', type: 'A' }) }],
  ['warm-cache', 'wait', { type: 'lookup-finished', kind: 'answer' }],
  ['partially-warm', 'first-server', { type: 'query-sent', from: { role: 'resolver' }, to: { role: 'tld' } }],
  ['cname-chain', 'alias', { type: 'response-received', kind: 'cname', message: { question: { name: expect.stringMatching(/^www\.shop\.example\.com$/i) as string } } }],
  // BIND learned net. while it looked up a.gtld-servers.net itself (its ADB drops the root's glue), so its restart starts at the TLD.
  ['cname-chain', 'restart', { type: 'query-sent', from: { role: 'resolver' }, to: { role: expect.stringMatching(/^(root|tld)$/) as string }, lookup: 'A www.shop.example.com.' }],
  ['cname-loop', 'loop', { type: 'response-received', kind: 'servfail', to: { role: 'stub' }, message: { rcode: 'SERVFAIL' } }],
  ['cname-loop', 'retry', { type: 'cache-checked', kind: 'cache-hit', cache: [], from: { role: 'resolver' } }],
  ['nxdomain-negative-cache', 'negative-ttl', { type: 'cache-stored', cache: has({ negative: 'nxdomain', ttlSeconds: 300 }) }],
  ['nxdomain-negative-cache', 'negative-hit', { type: 'cache-checked', queryIndex: 1, cache: has({ op: 'hit', negative: 'nxdomain' }) }],
  ['nodata', 'nodata', { type: 'response-received', kind: 'nodata', from: { role: 'authoritative' }, message: { rcode: 'NOERROR', question: { type: 'AAAA' } } }],
  ['nodata', 'per-type', { type: 'cache-stored', cache: has({ negative: 'nodata', type: 'AAAA' }) }],
  ['stub-failover', 'next-nameserver', { type: 'query-sent', from: { role: 'stub' }, to: { address: '10.0.0.53' } }],
  ['stub-failover', 'delay', { type: 'lookup-finished', kind: 'answer' }, { durationMs: expect.any(Number) as number }],
  ['stub-single-nameserver', 'give-up-after', { type: 'lookup-finished', kind: 'timeout' }],
  ['stub-single-nameserver', 'error', { type: 'lookup-finished', kind: 'timeout' }, { error: expect.stringContaining('EAI_AGAIN') as string }],
  ['dead-authoritative', 'failover', { type: 'query-sent', from: { role: 'resolver' }, to: { name: 'ns2.flaky-dns.com' } }],
  ['dead-authoritative', 'delay', { type: 'lookup-finished', kind: 'answer' }],
  ['lame-delegation', 'refused', { type: 'response-received', kind: 'refused', from: { name: 'ns2.lame-example.com' }, message: { rcode: 'REFUSED' } }],
  // Unbound asks the lame server again (it keeps no lame mark); BIND and Knot move to ns1.
  ['lame-delegation', 'after-refused', { type: 'query-sent', to: { role: 'authoritative', name: expect.stringMatching(/^ns[12]\.lame-example\.com$/) as string } }],
  ['missing-glue', 'circular', { type: 'response-received', kind: 'servfail', to: { role: 'stub' } }],
  ['glueless-delegation', 'nested-lookup', { type: 'query-sent', depth: 2, to: { role: 'root' } }],
  ['glueless-delegation', 'resume', { type: 'query-sent', depth: 1, to: { role: 'authoritative' }, message: { question: { name: expect.stringMatching(/example\.org$/i) as string } } }],
  ['stale-after-migration', 'before-expiry', { type: 'lookup-finished', queryIndex: 1 }, { addresses: ['192.0.2.80'] }],
  ['stale-after-migration', 'after-expiry', { type: 'lookup-finished', queryIndex: 2 }, { addresses: ['198.51.100.80'] }],
  ['lowered-ttl-migration', 'short-ttl-hit', { type: 'cache-checked', kind: 'cache-hit', queryIndex: 1 }],
  ['lowered-ttl-migration', 'after-expiry', { type: 'lookup-finished', queryIndex: 2 }, { addresses: ['198.51.100.81'] }],
  ['truncation-tcp', 'truncated', { type: 'response-received', kind: 'truncated', from: { role: 'authoritative' }, message: { flags: { tc: true } } }],
  ['truncation-tcp', 'stub-truncated', { type: 'response-received', kind: 'truncated', to: { role: 'stub' }, transport: 'udp' }],
  ['k8s-ndots', 'first-name', { type: 'query-sent', from: { role: 'stub' }, message: { question: { name: 'api.example.com.shop.svc.cluster.local' } } }],
  ['k8s-ndots', 'query-count', { type: 'lookup-finished', kind: 'answer' }],
  ['k8s-ndots-fixed', 'first-name', { type: 'query-sent', from: { role: 'stub' }, message: { question: { name: 'api.example.com' } } }],
  ['k8s-ndots-fixed', 'query-count', { type: 'lookup-finished', kind: 'answer' }],
  ['k8s-trailing-dot', 'first-name', { type: 'query-sent', from: { role: 'stub' }, message: { question: { name: 'api.example.com' } } }],
  ['k8s-trailing-dot', 'query-count', { type: 'lookup-finished', kind: 'answer' }],
  ['dnssec-valid', 'chain-of-trust', { type: 'query-sent', to: { role: 'root' }, message: { question: { type: 'DNSKEY', name: expect.stringMatching(/^\.?$/) as string } } }],
  ['dnssec-valid', 'validated', { type: 'lookup-finished', kind: 'answer' }, { authenticated: true }],
  // Which EDE comes with it is the resolver's own (test/core/dns-sim/personalities/errors-stale-releases.test.ts).
  ['dnssec-bogus-expired', 'bogus', { type: 'response-received', kind: 'servfail', to: { role: 'stub' }, message: { rcode: 'SERVFAIL' } }],
  ['dnssec-cd-bit', 'unchecked', { type: 'response-received', kind: 'answer', to: { role: 'stub' }, message: { flags: { ad: false } } }],
  ['compact-denial', 'compact-answer', { type: 'response-received', kind: 'nodata', from: { role: 'authoritative' }, message: { rcode: 'NOERROR', authority: has({ type: 'NSEC', data: expect.stringMatching(/ NXNAME$/) as string }) } }],
  ['compact-denial', 'per-type', { type: 'cache-checked', queryIndex: 1, cache: has({ op: 'miss', type: 'MX' }) }],
  ['wildcard-synthesis', 'synthesised', { type: 'response-received', kind: 'answer', from: { role: 'authoritative' }, message: { answer: has({ type: 'RRSIG', data: expect.stringMatching(/^A 13 2 /) as string }) } }],
  ['wildcard-synthesis', 'empty-non-terminal', { type: 'response-received', kind: 'nxdomain', to: { role: 'stub' }, queryIndex: 2, message: { rcode: 'NXDOMAIN' } }],
  ['poisoning-txid-only', 'odds', { type: 'response-received', forged: { packets: 4000 } }],
  ['poisoning-txid-only', 'victim', { type: 'lookup-finished', kind: 'answer' }, { poisoned: true }],
  ['poisoning-port-random', 'odds', { type: 'response-received', forged: { packets: 4000 } }],
  ['poisoning-port-random', 'victim', { type: 'lookup-finished', kind: 'answer' }, { addresses: ['192.0.2.200'] }],
  ['poisoning-0x20', 'odds', { type: 'response-received', forged: { packets: 4000 } }],
  ['poisoning-0x20', 'victim', { type: 'lookup-finished', kind: 'answer' }, { addresses: ['192.0.2.200'] }],
  ['bailiwick-scrubbing', 'out-of-zone', { type: 'cache-stored', cache: has({ op: 'store', name: 'www.evil-example.net', type: 'A' }) }],
  ['bailiwick-scrubbing', 'later-lookup', { type: 'lookup-finished', lookup: 'A www.example.com' }, { addresses: ['203.0.113.10'] }],
  // Whole where the resolver's max-udp-size allows it (reference, Unbound 1.17), truncated under BIND 9.18 and Knot 5.6.
  ['amplification-open-resolver', 'reflected', { type: 'response-received', kind: expect.stringMatching(/^(answer|truncated)$/) as string, to: { address: '203.0.113.99' } }],
  ['amplification-rrl', 'slip', { type: 'response-received', kind: 'truncated', to: { address: '203.0.113.99' }, message: { flags: { tc: true } } }],
  ['servfail-storm', 'dark-server', { type: 'query-timed-out', from: { role: 'resolver' }, to: { role: 'authoritative' } }],
  ['servfail-storm', 'outcome', { type: 'lookup-finished', kind: expect.stringMatching(/^(servfail|timeout)$/) as string }, { status: 'timeout' }],
  // Unbound serves expired data with its serve-expired-reply-ttl, 30 s, and no EDE by default.
  ['serve-stale', 'stale-answer', { type: 'lookup-finished', kind: 'answer' }, { status: 'answer', records: [expect.objectContaining({ ttlSeconds: 30 }) as RecordView] }],
  ['serve-stale', 'stale-wait', { type: 'lookup-finished', kind: 'answer' }, { status: 'answer', records: [expect.objectContaining({ ttlSeconds: 30 }) as RecordView] }],
  // The next question after a stale answer: a stale hit at once (reference) or a miss and the dark servers again (the three programs).
  ['serve-stale', 'no-retry', { type: 'cache-checked', from: { role: 'resolver' } }],
  ['prefetch', 'refresh-early', { type: 'cache-checked', kind: 'cache-hit', cache: has({ op: 'hit', name: 'www.example.com' }) }],
  ['coalescing', 'join', { type: 'cache-checked', cache: [], queryIndex: 1 }],
  ['steering-round-robin', 'cached-order', { type: 'lookup-finished', queryIndex: 1 }, { addresses: ['198.51.100.11', '198.51.100.12', '198.51.100.13'] }],
  ['steering-round-robin', 'rotated', { type: 'lookup-finished', queryIndex: 2 }, { addresses: ['198.51.100.12', '198.51.100.13', '198.51.100.11'] }],
  ['steering-weighted', 'fresh-decision', { type: 'cache-checked', cache: has({ op: 'expire', name: 'www.gslb-example.com' }) }],
  ['steering-geo', 'isp-resolver', { type: 'response-received', to: { name: 'resolver.isp.net' }, message: { answer: has({ data: '198.51.100.31' }) } }],
  ['steering-geo', 'public-resolver', { type: 'response-received', to: { name: 'dns.public-resolver.example' }, message: { answer: has({ data: '198.51.100.41' }) } }],
  ['steering-latency-ecs', 'other-subnet', { type: 'cache-checked', queryIndex: 1, cache: has({ op: 'miss', name: 'www.gslb-example.com' }) }],
  ['steering-latency-ecs', 'nearest-pop', { type: 'response-received', from: { role: 'authoritative' }, message: { answer: has({ data: '198.51.100.51' }) } }],
  ['steering-latency-ecs', 'same-subnet', { type: 'cache-checked', kind: 'cache-hit', queryIndex: 2 }],
  ['failover-health-check', 'first-move', { type: 'lookup-finished', to: { name: 'client-a' } }, { addresses: ['198.51.100.71'] }],
  ['failover-health-check', 'late-client', { type: 'lookup-finished', to: { name: 'client-d' } }, { addresses: ['198.51.100.61'] }],
  ['browser-os-cache', 'browser-cache', { type: 'cache-checked', kind: 'cache-hit', from: { role: 'client' } }],
  ['browser-os-cache', 'os-cache', { type: 'cache-checked', kind: 'cache-hit', from: { name: 'systemd-resolved' } }],
  ['browser-os-cache', 'full-lookup', { type: 'query-sent', from: { name: 'resolver.isp.net' }, to: { role: 'authoritative' } }],
  ['dns64-synthesis', 'a-query', { type: 'query-sent', from: { role: 'resolver' }, to: { role: 'authoritative' }, message: { question: { type: 'A' } } }],
  ['dns64-synthesis', 'synthesised', { type: 'response-received', to: { role: 'stub' }, message: { answer: has({ type: 'AAAA', data: '64:ff9b::cb00:711e' }) } }],
  ['dns64-synthesis', 'real-address', { type: 'response-received', to: { role: 'stub' }, message: { answer: has({ type: 'AAAA', data: '2001:db8::10' }) } }],
  ['conditional-forwarding', 'forwarded', { type: 'query-sent', from: { role: 'resolver' }, to: { name: expect.stringMatching(/^dc[12]\.corp\.example$/) as string }, message: { flags: { rd: true } } }],
  ['conditional-forwarding', 'rest-iterated', { type: 'query-sent', from: { role: 'resolver' }, to: { role: 'root' }, queryIndex: 1 }],
  ['conditional-forwarding', 'forwarder-down', { type: 'query-timed-out', to: { name: 'dc1.corp.example' }, queryIndex: 2 }, { status: 'answer', addresses: ['10.20.1.90'] }],
];

// Walks that do not have one of their scenario's moments: none. The seeds are chosen so every moment happens under
// Unbound, BIND and Knot Resolver; a moment a walk loses must be listed here, with its reason, or the seed changed.
const NOT_IN_WALK: [string, string, string][] = [];

const scenarioById = (id: string): Scenario => SCENARIOS.find((scenario) => scenario.id === id)!;

describe('the key moments of the scenarios', async () => {
  const run = await scenarioRunner();

  it('are listed for every scenario: one to four each, under ids unique within it that do not look like a key point\'s hash', () => {
    expect(SCENARIOS.map((scenario) => scenario.id)).toEqual([...SCENARIO_IDS]);
    for (const scenario of SCENARIOS) {
      const ids = scenario.quiz.moments.map((moment) => moment.id);
      expect(ids.length, scenario.id).toBeGreaterThanOrEqual(1);
      expect(ids.length, scenario.id).toBeLessThanOrEqual(4);
      expect(new Set(ids).size, scenario.id).toBe(ids.length);
      for (const id of ids) expect(id, scenario.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      for (const id of ids) expect(id, scenario.id).not.toMatch(/-[0-9a-f]+$/);
    }
  });

  it('are each named in the table of intended events', () => {
    const listed = INTENDED.map(([scenario, moment]) => `${scenario}/${moment}`);
    expect(listed).toEqual(SCENARIOS.flatMap((scenario) => scenario.quiz.moments.map((moment) => `${scenario.id}/${moment.id}`)));
  });

  describe.each(EVERY_PERSONALITY)('with the %s resolver', (personality) => {
    it.each(INTENDED)('%s: %s is the intended event', (scenarioId, momentId, intended, outcome) => {
      const scenario = scenarioById(scenarioId);
      const result = run(scenario, personality);
      const moment = scenario.quiz.moments.find((candidate) => candidate.id === momentId)!;
      const event = findMoment(moment, result.events);
      if (NOT_IN_WALK.some((gap) => gap.join('/') === `${personality}/${scenarioId}/${momentId}`)) {
        expect(event, `${scenarioId}/${momentId} now happens in the ${personality} walk: drop it from NOT_IN_WALK`).toBeUndefined();
        return;
      }
      // A moment the walk no longer has fails here, named by scenario and moment.
      expect(event, `${scenarioId}/${momentId} did not happen in the ${personality} walk`).toBeDefined();
      expect(event).toMatchObject(intended);
      if (outcome && personality === 'unbound') expect(result.outcomes[event!.queryIndex]).toMatchObject(outcome);
    });
  });

  it('are found by their predicate, not their place: a moment whose predicate matches nothing is reported, not guessed', () => {
    const events = run(scenarioById('lame-delegation')).events;
    const refused = scenarioById('lame-delegation').quiz.moments.find((moment) => moment.id === 'refused')!;
    const shifted = events.slice(3).map((event, seq): ResolutionEvent => ({ ...event, seq }));
    expect(findMoment(refused, shifted)).toMatchObject({ type: 'response-received', kind: 'refused' });
    expect(findMoment(refused, events.filter((event) => event.type !== 'response-received' || event.kind !== 'refused').map((event, seq) => ({ ...event, seq })))).toBeUndefined();
  });
});

describe('"asked again"', async () => {
  const run = await scenarioRunner();
  const lookupOf = (scenarioId: string, queryIndex: number) => run(scenarioById(scenarioId)).events.find((event) => event.type === 'lookup-started' && event.queryIndex === queryIndex)!;

  it.each([
    ['the same client asking the same question a minute later', 'nxdomain-negative-cache', 1, true],
    ['a first lookup', 'nxdomain-negative-cache', 0, false],
    ['another client\'s first question, even when it is the same question', 'coalescing', 19, false],
    ['another client\'s first question through another resolver', 'steering-latency-ecs', 2, false],
  ] as const)('is said of %s: %s, lookup %i', (_what, scenarioId, queryIndex, again) => {
    expect(askedAgain(lookupOf(scenarioId, queryIndex), run(scenarioById(scenarioId)).events)).toBe(again);
  });
});
