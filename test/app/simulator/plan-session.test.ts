import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

  it('a change step takes both example.com servers down at its offset: the first question is answered by them, the one after the wait times out at them', () => {
    const { plan, result } = run(`- ask: www.example.com
  type: A
- at: 10s
  change: { server: ns1.example.com, behaviour: drop, note: ns1 fails }
- at: 10s
  change: { server: ns2.example.com, behaviour: drop }
- wait: 1h
- ask: www.example.com
  type: A
`);
    const changed = result.events.flatMap((event) => (event.type === 'world-changed' ? [[event.timeMs, event.explanation]] : []));
    expect(changed).toEqual([
      [10_000, 'ns1 fails (ns1.example.com is now drop)'],
      [10_000, 'scheduled in lesson.yaml line 6 (ns2.example.com is now drop)'],
    ]);
    const timedOut = (index: number) => result.events.filter((event) => event.queryIndex === index && event.type === 'query-timed-out' && /^ns[12]\.example\.com$/.test(event.to.name));
    expect(timedOut(0)).toEqual([]);
    expect(timedOut(1).length).toBeGreaterThan(0);
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['answer', 'timeout']);
    expect(plan.session.steps.filter((step) => step.kind === 'change')).toEqual([
      { index: 1, line: 3, kind: 'change', atMs: 10_000 },
      { index: 2, line: 5, kind: 'change', atMs: 10_000 },
    ]);
  });

  it('a change step can slow the servers down: their round-trip time from its offset on', () => {
    const { result } = run('- ask: www.example.com\n  type: A\n- at: 1s\n  change: { server: ns1.example.com, rtt_ms: 700 }\n- at: 1s\n  change: { server: ns2.example.com, rtt_ms: 700 }\n- wait: 1h\n- ask: www.example.com\n  type: A\n');
    const rtts = result.events.flatMap((event) => (event.type === 'response-received' && /^ns[12]\.example\.com$/.test(event.from.name) ? [[event.queryIndex, event.timeMs]] : []));
    const sent = result.events.flatMap((event) => (event.type === 'query-sent' && /^ns[12]\.example\.com$/.test(event.to.name) ? [[event.queryIndex, event.timeMs]] : []));
    const roundTrips = rtts.map(([index, at], k) => [index, at! - sent[k]![1]!]);
    expect(new Set(roundTrips.map(([index, ms]) => `${index}: ${ms}`))).toEqual(new Set(['0: 100', '1: 700']));
  });

  it('the outage example of docs/session-format.md runs on the test world: answered, timed out while both servers are down, answered once ns1 is back', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'session-format.md'), 'utf8');
    const example = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!).find((block) => block.includes('change:'));
    const { result } = run(example!);
    expect(result.events.filter((event) => event.type === 'world-changed').map((event) => event.timeMs)).toEqual([10_000, 10_000, 7_200_000, 7_200_000]);
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['answer', 'timeout', 'answer']);
  });

  it('a change step naming a server the world does not have is refused with the session file and line', () => {
    expect(() => run('- ask: www.example.com\n- at: 5s\n  change: { server: ns9.example.com, behaviour: drop }\n')).toThrow("cannot run the session lesson.yaml: 1 problem\n  lesson.yaml:3: change: no server named ns9.example.com in 'servers'");
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
