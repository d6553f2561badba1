import { describe, expect, it } from 'vitest';
import { planRun, runPlan } from '../../../src/app/simulator/plan-run.js';
import { NO_WHAT_IF, type SimRequest } from '../../../src/app/simulator/sim-request.js';
import { loadWith, serversYaml } from '../../core/dns-sim/world-config/config-fixture.js';

const SIGNED = 'signed_zones:\n  - { zone: "." }\n  - { zone: com }\n  - { zone: example.com, fault: ds-mismatch }\n';

// A planned run as `swelearn sim` makes it: the world's signed zones and resolver keys beneath the run's own options.
function outcome(resolver: string, request: Partial<SimRequest> = {}): [string, number] {
  const { world, errors } = loadWith({ 'servers.yaml': serversYaml(resolver, SIGNED) });
  expect(errors).toEqual([]);
  const planned = planRun(world, { source: { kind: 'custom', name: 'www.example.com', type: 'A' }, ...request });
  if ('error' in planned) throw new Error(planned.error);
  const result = runPlan(planned);
  const keyQueries = result.events.filter((event) => event.type === 'query-sent' && event.message.question.type === 'DNSKEY').length;
  return [result.outcomes[0]!.status, keyQueries];
}

describe('a signed world in a planned run', () => {
  it.each<[string, string, Partial<SimRequest>, [string, number]]>([
    ['validates by default and fails on the DS that matches no key', '', {}, ['servfail', 3]],
    ['keeps validation off under --resolver, as the world says', '  dnssec_validation: false\n', { whatIf: { ...NO_WHAT_IF, personality: 'knot' } }, ['answer', 0]],
  ])('%s', (_name, resolver, request, expected) => {
    expect(outcome(resolver, request)).toEqual(expected);
  });
});
