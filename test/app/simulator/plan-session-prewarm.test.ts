import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planRun, runPlan } from '../../../src/app/simulator/plan-run.js';
import { planSession } from '../../../src/app/simulator/plan-session.js';
import { NO_WHAT_IF } from '../../../src/app/simulator/sim-request.js';
import { parseSessionFile } from '../../../src/core/dns-sim/session/session-file.js';
import { bundledWorldDir } from '../../../src/io/package-paths.js';
import { loadWorldFolder } from '../../../src/io/world-folder.js';

const world = await loadWorldFolder(bundledWorldDir());
const session = (text: string) => {
  const parsed = parseSessionFile(text, 'warm.yaml');
  if (parsed.errors.length > 0) throw new Error(parsed.errors[0]!.message);
  return { file: 'warm.yaml', steps: parsed.steps, warnings: [] };
};

describe('a session that prewarms the cache before it starts', () => {
  // The sessions that say what warm-cache and partially-warm set up in code: a question answered 1 or 10 minutes before the run.
  it.each([
    ['warm-cache', '- prewarm: www.example.com\n  type: A\n  before: 1m\n- ask: www.example.com\n  type: A\n'],
    ['partially-warm', '- prewarm: www.acme-widgets.com\n  type: A\n  before: 10m\n- ask: www.example.com\n  type: A\n'],
  ].flatMap(([id, text]) => (['unbound', 'bind', 'knot'] as const).map((personality) => [id!, personality, text!] as const)))('as %s under %s: the same events and outcome as the scenario, the question at 0', (id, personality, text) => {
    const whatIf = { ...NO_WHAT_IF, personality };
    const scenario = planRun(world, { source: { kind: 'scenario', id }, whatIf });
    if ('error' in scenario) throw new Error(scenario.error);
    const expected = runPlan(scenario);
    const result = runPlan(planSession(world, session(text), { seed: 1, whatIf }));
    expect(result.events).toEqual(expected.events);
    expect(result.outcomes).toEqual(expected.outcomes);
    expect(result.outcomes[0]!.startedAtMs).toBe(0);
  });

  it('a prewarmed answer comes from the cache with its TTL counted down; without the prewarm the resolver walks from the root', () => {
    const warm = runPlan(planSession(world, session('- prewarm: www.example.com\n  before: 1m\n- ask: www.example.com\n  type: A\n'), { seed: 1 }));
    const cold = runPlan(planSession(world, session('- ask: www.example.com\n  type: A\n'), { seed: 1 }));
    const upstream = (result: typeof warm) => result.events.filter((event) => event.type === 'query-sent' && event.from.role === 'resolver').length;
    expect(upstream(warm)).toBe(0);
    expect(upstream(cold)).toBeGreaterThan(2);
    // Cached with TTL 300 a minute before: about 240 s left.
    const ttl = warm.outcomes[0]!.records[0]!.ttlSeconds;
    expect(ttl).toBeGreaterThan(235);
    expect(ttl).toBeLessThanOrEqual(241);
  });

  it('the prewarm example of docs/session-format.md runs on the bundled world: a cache hit with about 240 s left, and the warm-cache scenario\'s trace', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'session-format.md'), 'utf8');
    const example = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!).find((block) => block.includes('- prewarm:'));
    const result = runPlan(planSession(world, session(example!), { seed: 1 }));
    const scenario = planRun(world, { source: { kind: 'scenario', id: 'warm-cache' }, whatIf: NO_WHAT_IF });
    if ('error' in scenario) throw new Error(scenario.error);
    expect(result.events).toEqual(runPlan(scenario).events);
    expect(result.outcomes[0]!.records[0]!.ttlSeconds).toBeGreaterThan(235);
  });
});
