import { beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO_CARD_IDS, SCENARIO_IDS } from '../../../../src/core/dns-sim/scenarios/scenario-ids.js';
import { findScenario, SCENARIOS, scenarioRun } from '../../../../src/core/dns-sim/scenarios/scenarios.js';
import { simulateSession } from '../../../../src/core/dns-sim/simulate.js';
import type { World } from '../../../../src/core/dns-sim/world/world.js';
import { bundledWorldDir } from '../../../../src/io/package-paths.js';
import { loadWorldFolder } from '../../../../src/io/world-folder.js';
import { steps } from '../sim-fixture.js';

interface Expected {
  steps: string[];
  outcomes: { status: string; addresses: string[]; startedAtMs: number; durationMs: number; stale?: boolean }[];
}

// The observable outcome of every scenario on the bundled world with its own seed: who talked to
// whom in which order, what the application got, and exactly how long it took on the virtual clock.
const EXPECTED: Record<string, Expected> = {
  'cold-cache': {
    steps: [
      'laptop (glibc stub) > resolver.isp.net www.example.com A',
      'resolver.isp.net > g.root-servers.net  NS',
      'g.root-servers.net > resolver.isp.net answer',
      'resolver.isp.net > f.root-servers.net com A',
      'f.root-servers.net > resolver.isp.net referral',
      'resolver.isp.net > d.gtld-servers.net example.com A',
      'd.gtld-servers.net > resolver.isp.net referral',
      'resolver.isp.net > ns1.example.com www.example.com A',
      'ns1.example.com > resolver.isp.net answer',
      'resolver.isp.net > laptop (glibc stub) answer',
    ],
    outcomes: [{"status":"answer","addresses":["203.0.113.10"],"startedAtMs":0,"durationMs":248}],
  },
  'warm-cache': {
    steps: [
      'laptop (glibc stub) > resolver.isp.net www.example.com A',
      'resolver.isp.net > laptop (glibc stub) answer',
    ],
    outcomes: [{"status":"answer","addresses":["203.0.113.10"],"startedAtMs":0,"durationMs":4}],
  },
  'partially-warm': {
    steps: [
      'laptop (glibc stub) > resolver.isp.net www.example.com A',
      'resolver.isp.net > b.gtld-servers.net example.com A',
      'b.gtld-servers.net > resolver.isp.net referral',
      'resolver.isp.net > ns2.example.com www.example.com A',
      'ns2.example.com > resolver.isp.net answer',
      'resolver.isp.net > laptop (glibc stub) answer',
    ],
    outcomes: [{"status":"answer","addresses":["203.0.113.10"],"startedAtMs":0,"durationMs":61}],
  },
  'cname-chain': {
    steps: [
      'laptop (glibc stub) > resolver.isp.net www.shop.example.com A',
      'resolver.isp.net > g.root-servers.net  NS',
      'g.root-servers.net > resolver.isp.net answer',
      'resolver.isp.net > f.root-servers.net com A',
      'f.root-servers.net > resolver.isp.net referral',
      'resolver.isp.net > d.gtld-servers.net example.com A',
      'd.gtld-servers.net > resolver.isp.net referral',
      'resolver.isp.net > ns1.example.com shop.example.com A',
      'ns1.example.com > resolver.isp.net nodata',
      'resolver.isp.net > ns2.example.com www.shop.example.com A',
      'ns2.example.com > resolver.isp.net cname',
      'resolver.isp.net > d.root-servers.net net A',
      'd.root-servers.net > resolver.isp.net referral',
      'resolver.isp.net > b.gtld-servers.net cdn-provider.net A',
      'b.gtld-servers.net > resolver.isp.net referral',
      'resolver.isp.net > ns2.cdn-provider.net shop.cdn-provider.net A',
      'ns2.cdn-provider.net > resolver.isp.net cname',
      'resolver.isp.net > ns1.cdn-provider.net edge.cdn-provider.net A',
      'ns1.cdn-provider.net > resolver.isp.net referral',
      'resolver.isp.net > ns2.edge.cdn-provider.net shop.edge.cdn-provider.net A',
      'ns2.edge.cdn-provider.net > resolver.isp.net answer',
      'resolver.isp.net > laptop (glibc stub) answer',
    ],
    outcomes: [{"status":"answer","addresses":["203.0.113.101","203.0.113.102"],"startedAtMs":0,"durationMs":543}],
  },
  'cname-loop': {
    steps: [
      'laptop (glibc stub) > resolver.isp.net loop.example.com A',
      'resolver.isp.net > g.root-servers.net  NS',
      'g.root-servers.net > resolver.isp.net answer',
      'resolver.isp.net > f.root-servers.net com A',
      'f.root-servers.net > resolver.isp.net referral',
      'resolver.isp.net > d.gtld-servers.net example.com A',
      'd.gtld-servers.net > resolver.isp.net referral',
      'resolver.isp.net > ns1.example.com loop.example.com A',
      'ns1.example.com > resolver.isp.net cname',
      'resolver.isp.net > h.root-servers.net net A',
      'h.root-servers.net > resolver.isp.net referral',
      'resolver.isp.net > b.gtld-servers.net example.net A',
      'b.gtld-servers.net > resolver.isp.net referral',
      'resolver.isp.net > ns2.example.net loop.example.net A',
      'ns2.example.net > resolver.isp.net cname',
      'resolver.isp.net > laptop (glibc stub) servfail',
      'laptop (glibc stub) > resolver.isp.net loop.example.com A',
      'resolver.isp.net > laptop (glibc stub) servfail',
    ],
    outcomes: [{"status":"servfail","addresses":[],"startedAtMs":0,"durationMs":332}],
  },
  'nxdomain-negative-cache': {
    steps: [
      'laptop (glibc stub) > resolver.isp.net doesnotexist.example.com A',
      'resolver.isp.net > g.root-servers.net  NS',
      'g.root-servers.net > resolver.isp.net answer',
      'resolver.isp.net > f.root-servers.net com A',
      'f.root-servers.net > resolver.isp.net referral',
      'resolver.isp.net > d.gtld-servers.net example.com A',
      'd.gtld-servers.net > resolver.isp.net referral',
      'resolver.isp.net > ns1.example.com doesnotexist.example.com A',
      'ns1.example.com > resolver.isp.net nxdomain',
      'resolver.isp.net > laptop (glibc stub) nxdomain',
      'laptop (glibc stub) > resolver.isp.net doesnotexist.example.com A',
      'resolver.isp.net > laptop (glibc stub) nxdomain',
    ],
    outcomes: [{"status":"nxdomain","addresses":[],"startedAtMs":0,"durationMs":248},{"status":"nxdomain","addresses":[],"startedAtMs":60000,"durationMs":4}],
  },
  'nodata': {
    steps: [
      'laptop (glibc stub) > resolver.isp.net legacy.example.com AAAA',
      'resolver.isp.net > g.root-servers.net  NS',
      'g.root-servers.net > resolver.isp.net answer',
      'resolver.isp.net > f.root-servers.net com A',
      'f.root-servers.net > resolver.isp.net referral',
      'resolver.isp.net > d.gtld-servers.net example.com A',
      'd.gtld-servers.net > resolver.isp.net referral',
      'resolver.isp.net > ns1.example.com legacy.example.com A',
      'ns1.example.com > resolver.isp.net answer',
      'resolver.isp.net > ns2.example.com legacy.example.com AAAA',
      'ns2.example.com > resolver.isp.net nodata',
      'resolver.isp.net > laptop (glibc stub) nodata',
    ],
    outcomes: [{"status":"nodata","addresses":[],"startedAtMs":0,"durationMs":285}],
  },
  'stub-failover': {
    steps: [
      'laptop (glibc stub) > 10.0.0.2 www.example.com A',
      'laptop (glibc stub) > 10.0.0.2 www.example.com AAAA',
      'laptop (glibc stub) > 10.0.0.2 timeout',
      'laptop (glibc stub) > 10.0.0.2 timeout',
      'laptop (glibc stub) > resolver.isp.net www.example.com A',
      'laptop (glibc stub) > resolver.isp.net www.example.com AAAA',
      'resolver.isp.net > laptop (glibc stub) answer',
      'resolver.isp.net > laptop (glibc stub) answer',
    ],
    outcomes: [{"status":"answer","addresses":["203.0.113.10","2001:db8::10"],"startedAtMs":0,"durationMs":5004}],
  },
  'stub-single-nameserver': {
    steps: [
      'laptop (glibc stub) > 10.0.0.2 www.example.com A',
      'laptop (glibc stub) > 10.0.0.2 www.example.com AAAA',
      'laptop (glibc stub) > 10.0.0.2 timeout',
      'laptop (glibc stub) > 10.0.0.2 timeout',
      'laptop (glibc stub) > 10.0.0.2 www.example.com A',
      'laptop (glibc stub) > 10.0.0.2 www.example.com AAAA',
      'laptop (glibc stub) > 10.0.0.2 timeout',
      'laptop (glibc stub) > 10.0.0.2 timeout',
    ],
    outcomes: [{"status":"timeout","addresses":[],"startedAtMs":0,"durationMs":10000}],
  },
  'dead-authoritative': {
    steps: [
      'laptop (glibc stub) > resolver.isp.net www.flaky-dns.com A',
      'resolver.isp.net > k.root-servers.net  NS',
      'k.root-servers.net > resolver.isp.net answer',
      'resolver.isp.net > j.root-servers.net com A',
      'j.root-servers.net > resolver.isp.net referral',
      'resolver.isp.net > a.gtld-servers.net flaky-dns.com A',
      'a.gtld-servers.net > resolver.isp.net referral',
      'resolver.isp.net > ns1.flaky-dns.com www.flaky-dns.com A',
      'resolver.isp.net > ns1.flaky-dns.com timeout',
      'resolver.isp.net > ns1.flaky-dns.com www.flaky-dns.com A',
      'resolver.isp.net > ns1.flaky-dns.com timeout',
      'resolver.isp.net > ns2.flaky-dns.com www.flaky-dns.com A',
      'ns2.flaky-dns.com > resolver.isp.net answer',
      'resolver.isp.net > laptop (glibc stub) answer',
    ],
    outcomes: [{"status":"answer","addresses":["203.0.113.60"],"startedAtMs":0,"durationMs":989}],
  },
  'lame-delegation': {
    steps: [
      'laptop (glibc stub) > resolver.isp.net www.lame-example.com A',
      'resolver.isp.net > m.root-servers.net  NS',
      'm.root-servers.net > resolver.isp.net answer',
      'resolver.isp.net > i.root-servers.net com A',
      'i.root-servers.net > resolver.isp.net referral',
      'resolver.isp.net > b.gtld-servers.net lame-example.com A',
      'b.gtld-servers.net > resolver.isp.net referral',
      'resolver.isp.net > ns2.lame-example.com www.lame-example.com A',
      'ns2.lame-example.com > resolver.isp.net refused',
      'resolver.isp.net > ns2.lame-example.com www.lame-example.com A',
      'ns2.lame-example.com > resolver.isp.net refused',
      'resolver.isp.net > ns2.lame-example.com www.lame-example.com A',
      'ns2.lame-example.com > resolver.isp.net refused',
      'resolver.isp.net > ns2.lame-example.com www.lame-example.com A',
      'ns2.lame-example.com > resolver.isp.net refused',
      'resolver.isp.net > ns2.lame-example.com www.lame-example.com A',
      'ns2.lame-example.com > resolver.isp.net refused',
      'resolver.isp.net > ns1.lame-example.com www.lame-example.com A',
      'ns1.lame-example.com > resolver.isp.net answer',
      'resolver.isp.net > laptop (glibc stub) answer',
    ],
    outcomes: [{"status":"answer","addresses":["203.0.113.70"],"startedAtMs":0,"durationMs":396}],
  },
  'missing-glue': {
    steps: [
      'laptop (glibc stub) > resolver.isp.net www.noglue.com A',
      'resolver.isp.net > g.root-servers.net  NS',
      'g.root-servers.net > resolver.isp.net answer',
      'resolver.isp.net > f.root-servers.net com A',
      'f.root-servers.net > resolver.isp.net referral',
      'resolver.isp.net > d.gtld-servers.net noglue.com A',
      'd.gtld-servers.net > resolver.isp.net referral',
      'resolver.isp.net > c.gtld-servers.net noglue.com A',
      'c.gtld-servers.net > resolver.isp.net referral',
      'resolver.isp.net > a.gtld-servers.net noglue.com A',
      'resolver.isp.net > laptop (glibc stub) servfail',
      'laptop (glibc stub) > resolver.isp.net www.noglue.com A',
      'resolver.isp.net > laptop (glibc stub) servfail',
      'a.gtld-servers.net > resolver.isp.net referral',
    ],
    outcomes: [{"status":"servfail","addresses":[],"startedAtMs":0,"durationMs":141}],
  },
  'glueless-delegation': {
    steps: [
      'laptop (glibc stub) > resolver.isp.net www.example.org A',
      'resolver.isp.net > g.root-servers.net  NS',
      'g.root-servers.net > resolver.isp.net answer',
      'resolver.isp.net > f.root-servers.net org A',
      'f.root-servers.net > resolver.isp.net referral',
      'resolver.isp.net > d0.org.afilias-nst.org example.org A',
      'd0.org.afilias-nst.org > resolver.isp.net referral',
      'resolver.isp.net > c.root-servers.net net A',
      'c.root-servers.net > resolver.isp.net referral',
      'resolver.isp.net > c.gtld-servers.net example.net A',
      'c.gtld-servers.net > resolver.isp.net referral',
      'resolver.isp.net > ns1.example.net ns2.example.net A',
      'resolver.isp.net > ns1.example.net ns1.example.net A',
      'ns1.example.net > resolver.isp.net answer',
      'resolver.isp.net > ns1.example.net www.example.org A',
      'ns1.example.net > resolver.isp.net answer',
      'ns1.example.net > resolver.isp.net answer',
      'resolver.isp.net > laptop (glibc stub) answer',
    ],
    outcomes: [{"status":"answer","addresses":["203.0.113.90"],"startedAtMs":0,"durationMs":372}],
  },
  'stale-after-migration': {
    steps: [
      'laptop (glibc stub) > resolver.isp.net www.acme-widgets.com A',
      'resolver.isp.net > g.root-servers.net  NS',
      'g.root-servers.net > resolver.isp.net answer',
      'resolver.isp.net > f.root-servers.net com A',
      'f.root-servers.net > resolver.isp.net referral',
      'resolver.isp.net > d.gtld-servers.net acme-widgets.com A',
      'd.gtld-servers.net > resolver.isp.net referral',
      'resolver.isp.net > ns2.acme-widgets.com www.acme-widgets.com A',
      'ns2.acme-widgets.com > resolver.isp.net answer',
      'resolver.isp.net > laptop (glibc stub) answer',
      'laptop (glibc stub) > resolver.isp.net www.acme-widgets.com A',
      'resolver.isp.net > laptop (glibc stub) answer',
      'laptop (glibc stub) > resolver.isp.net www.acme-widgets.com A',
      'resolver.isp.net > ns2.acme-widgets.com www.acme-widgets.com A',
      'ns2.acme-widgets.com > resolver.isp.net answer',
      'resolver.isp.net > laptop (glibc stub) answer',
    ],
    outcomes: [{"status":"answer","addresses":["192.0.2.80"],"startedAtMs":0,"durationMs":144},{"status":"answer","addresses":["192.0.2.80"],"startedAtMs":1860000,"durationMs":4,"stale":true},{"status":"answer","addresses":["198.51.100.80"],"startedAtMs":3720000,"durationMs":65}],
  },
  'lowered-ttl-migration': {
    steps: [
      'laptop (glibc stub) > resolver.isp.net api.acme-widgets.com A',
      'resolver.isp.net > g.root-servers.net  NS',
      'g.root-servers.net > resolver.isp.net answer',
      'resolver.isp.net > f.root-servers.net com A',
      'f.root-servers.net > resolver.isp.net referral',
      'resolver.isp.net > d.gtld-servers.net acme-widgets.com A',
      'd.gtld-servers.net > resolver.isp.net referral',
      'resolver.isp.net > ns2.acme-widgets.com api.acme-widgets.com A',
      'ns2.acme-widgets.com > resolver.isp.net answer',
      'resolver.isp.net > laptop (glibc stub) answer',
      'laptop (glibc stub) > resolver.isp.net api.acme-widgets.com A',
      'resolver.isp.net > laptop (glibc stub) answer',
      'laptop (glibc stub) > resolver.isp.net api.acme-widgets.com A',
      'resolver.isp.net > ns2.acme-widgets.com api.acme-widgets.com A',
      'ns2.acme-widgets.com > resolver.isp.net answer',
      'resolver.isp.net > laptop (glibc stub) answer',
    ],
    outcomes: [{"status":"answer","addresses":["192.0.2.81"],"startedAtMs":0,"durationMs":144},{"status":"answer","addresses":["192.0.2.81"],"startedAtMs":45000,"durationMs":4,"stale":true},{"status":"answer","addresses":["198.51.100.81"],"startedAtMs":90000,"durationMs":65}],
  },
  'truncation-tcp': {
    steps: [
      'laptop (glibc stub) > resolver.isp.net big.example.com TXT',
      'resolver.isp.net > g.root-servers.net  NS',
      'g.root-servers.net > resolver.isp.net answer',
      'resolver.isp.net > f.root-servers.net com A',
      'f.root-servers.net > resolver.isp.net referral',
      'resolver.isp.net > d.gtld-servers.net example.com A',
      'd.gtld-servers.net > resolver.isp.net referral',
      'resolver.isp.net > ns1.example.com big.example.com A',
      'ns1.example.com > resolver.isp.net nodata',
      'resolver.isp.net > ns2.example.com big.example.com TXT',
      'ns2.example.com > resolver.isp.net truncated',
      'resolver.isp.net > ns2.example.com tcp big.example.com TXT',
      'ns2.example.com > resolver.isp.net answer',
      'resolver.isp.net > laptop (glibc stub) truncated',
      'laptop (glibc stub) > resolver.isp.net tcp big.example.com TXT',
      'resolver.isp.net > laptop (glibc stub) answer',
    ],
    outcomes: [{"status":"answer","addresses":[],"startedAtMs":0,"durationMs":367}],
  },
  'k8s-ndots': {
    steps: [
      'pod orders-7d9f8 (glibc stub) > coredns (kube-dns) api.example.com.shop.svc.cluster.local A',
      'pod orders-7d9f8 (glibc stub) > coredns (kube-dns) api.example.com.shop.svc.cluster.local AAAA',
      'coredns (kube-dns) > pod orders-7d9f8 (glibc stub) nxdomain',
      'coredns (kube-dns) > pod orders-7d9f8 (glibc stub) nxdomain',
      'pod orders-7d9f8 (glibc stub) > coredns (kube-dns) api.example.com.svc.cluster.local A',
      'pod orders-7d9f8 (glibc stub) > coredns (kube-dns) api.example.com.svc.cluster.local AAAA',
      'coredns (kube-dns) > pod orders-7d9f8 (glibc stub) nxdomain',
      'coredns (kube-dns) > pod orders-7d9f8 (glibc stub) nxdomain',
      'pod orders-7d9f8 (glibc stub) > coredns (kube-dns) api.example.com.cluster.local A',
      'pod orders-7d9f8 (glibc stub) > coredns (kube-dns) api.example.com.cluster.local AAAA',
      'coredns (kube-dns) > pod orders-7d9f8 (glibc stub) nxdomain',
      'coredns (kube-dns) > pod orders-7d9f8 (glibc stub) nxdomain',
      'pod orders-7d9f8 (glibc stub) > coredns (kube-dns) api.example.com A',
      'coredns (kube-dns) > resolver.isp.net api.example.com A',
      'pod orders-7d9f8 (glibc stub) > coredns (kube-dns) api.example.com AAAA',
      'coredns (kube-dns) > resolver.isp.net api.example.com AAAA',
      'resolver.isp.net > coredns (kube-dns) answer',
      'resolver.isp.net > coredns (kube-dns) answer',
      'coredns (kube-dns) > pod orders-7d9f8 (glibc stub) answer',
      'coredns (kube-dns) > pod orders-7d9f8 (glibc stub) answer',
    ],
    outcomes: [{"status":"answer","addresses":["203.0.113.20","2001:db8::20"],"startedAtMs":0,"durationMs":6}],
  },
  'k8s-ndots-fixed': {
    steps: [
      'pod orders-7d9f8 (glibc stub) > coredns (kube-dns) api.example.com A',
      'coredns (kube-dns) > resolver.isp.net api.example.com A',
      'pod orders-7d9f8 (glibc stub) > coredns (kube-dns) api.example.com AAAA',
      'coredns (kube-dns) > resolver.isp.net api.example.com AAAA',
      'resolver.isp.net > coredns (kube-dns) answer',
      'resolver.isp.net > coredns (kube-dns) answer',
      'coredns (kube-dns) > pod orders-7d9f8 (glibc stub) answer',
      'coredns (kube-dns) > pod orders-7d9f8 (glibc stub) answer',
    ],
    outcomes: [{"status":"answer","addresses":["203.0.113.20","2001:db8::20"],"startedAtMs":0,"durationMs":3}],
  },
  'k8s-trailing-dot': {
    steps: [
      'pod orders-7d9f8 (glibc stub) > coredns (kube-dns) api.example.com A',
      'coredns (kube-dns) > resolver.isp.net api.example.com A',
      'pod orders-7d9f8 (glibc stub) > coredns (kube-dns) api.example.com AAAA',
      'coredns (kube-dns) > resolver.isp.net api.example.com AAAA',
      'resolver.isp.net > coredns (kube-dns) answer',
      'resolver.isp.net > coredns (kube-dns) answer',
      'coredns (kube-dns) > pod orders-7d9f8 (glibc stub) answer',
      'coredns (kube-dns) > pod orders-7d9f8 (glibc stub) answer',
    ],
    outcomes: [{"status":"answer","addresses":["203.0.113.20","2001:db8::20"],"startedAtMs":0,"durationMs":3}],
  },
};

let world: World;
beforeAll(async () => {
  world = await loadWorldFolder(bundledWorldDir());
});

describe('scenario registry', () => {
  it('has exactly the scenario ids the cards link to, in the same order', () => {
    expect(SCENARIOS.map((scenario) => scenario.id)).toEqual([...SCENARIO_IDS]);
  });

  it('lists the card of every scenario, and no other, in SCENARIO_CARD_IDS', () => {
    expect([...SCENARIO_CARD_IDS].sort()).toEqual([...new Set(SCENARIOS.map((scenario) => scenario.cardId))].sort());
  });

  it.each(SCENARIOS.map((scenario) => [scenario.id, scenario] as const))('%s has a title, a one-paragraph description and a card', (_id, scenario) => {
    expect(scenario.title.length).toBeGreaterThan(10);
    expect(scenario.description.length).toBeGreaterThan(80);
    expect(scenario.description).not.toContain('\n');
    expect(scenario.cardId).toMatch(/^[a-z0-9-]+$/);
    for (const [id, note] of Object.entries(scenario.resolverNotes ?? {})) {
      expect(['bind', 'knot'], `${scenario.id}: a note for ${id}, the default, belongs in the description`).toContain(id);
      expect(note.length).toBeGreaterThan(40);
      expect(note).not.toContain('\n');
    }
  });
});

// Part one's scenarios are pinned here step by step; part two's are tested on their outcomes in scenarios-part-two.test.ts.
describe.each(Object.keys(EXPECTED).map((id) => [id]))('scenario %s', (id) => {
  it('runs the expected steps to the expected outcome in the expected virtual time', () => {
    const scenario = findScenario(id)!;
    const run = scenarioRun(scenario, world);
    const result = simulateSession(world, run.queries, run.options, run.seed);
    const expected = EXPECTED[id]!;
    expect(steps(result)).toEqual(expected.steps);
    expect(result.outcomes.map(({ status, addresses, startedAtMs, durationMs, stale }) => ({ status, addresses, startedAtMs, durationMs, ...(stale ? { stale } : {}) }))).toEqual(expected.outcomes);
  });
});
