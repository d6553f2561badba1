import { describe, expect, it } from 'vitest';
import { runPlan } from '../../../src/app/simulator/plan-run.js';
import { planSession, sessionQueries } from '../../../src/app/simulator/plan-session.js';
import { parseSessionFile } from '../../../src/core/dns-sim/session/session-file.js';
import { FIXED_RTT, steps, testWorld } from '../../core/dns-sim/sim-fixture.js';

const stepsOf = (text: string) => {
  const parsed = parseSessionFile(text, 'lesson.yaml');
  if (parsed.errors.length > 0) throw new Error(parsed.errors[0]!.message);
  return parsed.steps;
};
const run = (text: string) => {
  const plan = planSession(testWorld(), { file: 'lesson.yaml', steps: stepsOf(text), warnings: [] }, { seed: 1 });
  return { plan, result: runPlan({ ...plan, options: { ...plan.options, ...FIXED_RTT } }) };
};

describe('a session on one clock', () => {
  it('the second, different question finds the zone cut the first one cached: one query upstream instead of a walk from the root', () => {
    const { result } = run('- ask: www.example.com\n  type: A\n- at: 40s\n  ask: alias.example.com\n  type: A\n');
    const upstream = (index: number) => steps(result, (event) => event.queryIndex === index && event.type === 'query-sent' && event.from.role === 'resolver');
    expect(upstream(0).length).toBeGreaterThan(2);
    expect(upstream(1)).toHaveLength(1);
    expect(upstream(1)[0]).toMatch(/^resolver\.test > ns[12]\.example\.com alias\.example\.com A$/);
    expect(result.outcomes.map((outcome) => outcome.startedAtMs)).toEqual([0, 40_000]);
  });

  it('a wait delays the next question from the end of the one before', () => {
    const { result } = run('- ask: www.example.com\n  type: A\n- wait: 5m\n- ask: www.example.com\n  type: A\n');
    expect(result.outcomes[1]!.startedAtMs).toBe(result.outcomes[0]!.finishedAtMs + 300_000);
  });

  it('a resolv.conf step holds for the questions after it, not before', () => {
    const { result } = run('- ask: www\n  type: A\n- resolv_conf: |\n    nameserver 10.0.0.53\n    search example.com\n- ask: www\n  type: A\n');
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['nxdomain', 'answer']);
    expect(result.outcomes[1]!.resolvedName).toBe('www.example.com');
  });

  it('each step is listed with its line, and each ask with the question it became', () => {
    const { plan } = run('- ask: a.example.com\n- wait: 1m\n- resolv_conf: "nameserver 10.0.0.53"\n  at: 2m\n- ask: b.example.com\n');
    expect(plan.session.steps).toEqual([
      { index: 0, line: 1, kind: 'ask', queryIndex: 0 },
      { index: 1, line: 2, kind: 'wait', waitMs: 60_000 },
      { index: 2, line: 3, kind: 'resolv-conf', atMs: 120_000 },
      { index: 3, line: 5, kind: 'ask', queryIndex: 1 },
    ]);
    expect(sessionQueries(stepsOf('- ask: a.example.com\n- wait: 1m\n- wait: 30s\n- ask: b.example.com\n')).queries[1]).toMatchObject({ delayMs: 90_000 });
  });
});
