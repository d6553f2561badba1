import { beforeAll, describe, expect, it } from 'vitest';
import { comparePersonalities, planRun, runPlan, type PlannedRun, type PlanError } from '../../../src/app/simulator/plan-run.js';
import { NO_WHAT_IF, parseQueryType, QUERY_TYPES, type QueryType, type SimRequest } from '../../../src/app/simulator/sim-request.js';
import { SCENARIOS } from '../../../src/core/dns-sim/scenarios/scenarios.js';
import type { World } from '../../../src/core/dns-sim/world/world.js';
import { SUPPORTED_TYPES } from '../../../src/core/dns-sim/world/record-data.js';
import { bundledWorldDir } from '../../../src/io/package-paths.js';
import { loadWorldFolder } from '../../../src/io/world-folder.js';

let world: World;
beforeAll(async () => {
  world = await loadWorldFolder(bundledWorldDir());
});

const plan = (request: SimRequest): PlannedRun => {
  const planned = planRun(world, request);
  if ('error' in planned) throw new Error(planned.error);
  return planned;
};
const custom = (name: string, type: QueryType = 'A'): SimRequest => ({ source: { kind: 'custom', name, type } });

describe('planning a simulator run', () => {
  it('runs a custom question under seed 1, asked once, and heads the trace with the name as typed in both forms', () => {
    const planned = plan(custom('Bücher.Example.', 'AAAA'));
    expect(planned.seed).toBe(1);
    expect(planned.queries).toEqual([{ name: 'xn--bcher-kva.example.', type: 'AAAA', atMs: 0 }]);
    expect(planned.heading).toEqual({ query: 'bücher.example (xn--bcher-kva.example). AAAA' });
    expect(planned.query).toEqual({ input: 'Bücher.Example.', ascii: 'xn--bcher-kva.example.', unicode: 'bücher.example.', type: 'AAAA' });
    expect(planned.title).toBe('Resolve bücher.example (xn--bcher-kva.example). AAAA');
  });

  it.each<[string, SimRequest, string]>([
    ['an unknown scenario', { source: { kind: 'scenario', id: 'no-such-scenario' } }, 'there is no scenario "no-such-scenario"'],
    ['a name with a space', custom('bad name.example'), 'RFC 1123 2.1'],
    ['two dots in a row', custom('a..example'), 'RFC 1035 3.1'],
  ])('says why %s cannot run', (_name, request, expected) => {
    const planned = planRun(world, request) as PlanError;
    expect(planned.error).toContain(expected);
  });

  it('names the rule a bad name breaks', () => {
    expect(planRun(world, custom('-bad.example'))).toMatchObject({ rule: 'RFC 1123 2.1' });
  });

  it.each(SCENARIOS.map((scenario) => [scenario.id]))('plans scenario %s with its own question, seed and heading', (id) => {
    const scenario = SCENARIOS.find((candidate) => candidate.id === id)!;
    const planned = plan({ source: { kind: 'scenario', id } });
    expect(planned.seed).toBe(scenario.seed);
    expect(planned.heading.scenario).toEqual({ id, title: scenario.title, description: scenario.description, ...(scenario.resolverNotes ? { resolverNotes: scenario.resolverNotes } : {}) });
    expect(planned.title).toBe(scenario.title);
    expect(planned.queries.length).toBeGreaterThan(0);
  });

  it('repeats a question at the interval asked, and a seed given wins over the default', () => {
    const planned = plan({ ...custom('www.example.com'), repeat: 3, afterMs: 60_000, seed: 9 });
    expect(planned.queries.map((query) => query.atMs)).toEqual([0, 60_000, 120_000]);
    expect(planned.seed).toBe(9);
  });

  it('applies the what-ifs: servers down and up at the start, later questions, TTLs, QNAME minimisation, the resolver program', () => {
    const whatIf = { ...NO_WHAT_IF, downServers: ['a.root-servers.net'], upServers: ['b.root-servers.net'], askAgainAfterMs: [30_000, 60_000], ttl: [{ name: 'www.example.com', type: 'A' as const, ttlSeconds: 7 }], qnameMinimisation: false, personality: 'bind' as const };
    const planned = plan({ ...custom('www.example.com'), whatIf });
    expect(planned.options.changes).toEqual([
      expect.objectContaining({ atMs: 0, kind: 'set-behaviour', server: 'a.root-servers.net', behaviour: 'drop' }),
      expect.objectContaining({ atMs: 0, kind: 'set-behaviour', server: 'b.root-servers.net', behaviour: 'up' }),
    ]);
    expect(planned.queries.map((query) => query.atMs)).toEqual([0, 30_000, 90_000]);
    expect(planned.options.resolver).toEqual({ qnameMinimisation: false });
    expect(planned.options.personality).toBe('bind');
    const records = planned.world.zones.flatMap((zone) => zone.records).filter((record) => record.name === 'www.example.com' && record.type === 'A');
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((record) => record.ttlSeconds === 7)).toBe(true);
    expect(world.zones.flatMap((zone) => zone.records).some((record) => record.name === 'www.example.com' && record.type === 'A' && record.ttlSeconds === 7)).toBe(false);
  });

  it('is deterministic: the same world, request and seed give the same walk, event by event', () => {
    const request: SimRequest = { source: { kind: 'scenario', id: SCENARIOS[0]!.id }, seed: 5 };
    expect(runPlan(plan(request)).events).toEqual(runPlan(plan(request)).events);
  });

  it('runs the same plan under every resolver program for --compare', () => {
    const runs = comparePersonalities(plan(custom('www.example.com')));
    expect(runs.map((run) => run.result.resolverModel.id)).toEqual(['unbound', 'bind', 'knot']);
  });
});

describe('question types', () => {
  it('lists every record type the simulator supports once, and getaddrinfo\'s pair, the common ones first', () => {
    expect(QUERY_TYPES.slice(0, 6)).toEqual(['A', 'AAAA', 'A+AAAA', 'CNAME', 'MX', 'TXT']);
    expect(new Set(QUERY_TYPES)).toEqual(new Set(['A+AAAA', ...SUPPORTED_TYPES]));
    expect(QUERY_TYPES).toHaveLength(SUPPORTED_TYPES.length + 1);
  });

  it.each<[string, string | undefined]>([['aaaa', 'AAAA'], ['mx', 'MX'], ['a+aaaa', 'A+AAAA'], ['addrs', 'A+AAAA'], ['ANY', undefined], ['', undefined]])('reads %j as %s', (text, type) => {
    expect(parseQueryType(text)).toBe(type);
  });
});
