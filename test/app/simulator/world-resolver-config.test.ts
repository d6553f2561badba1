import { describe, expect, it } from 'vitest';
import { planRun, type PlannedRun } from '../../../src/app/simulator/plan-run.js';
import { NO_WHAT_IF, type SimRequest } from '../../../src/app/simulator/sim-request.js';
import { resolverOptionsFor } from '../../../src/core/dns-sim/simulate.js';
import { loadWith, serversYaml } from '../../core/dns-sim/world-config/config-fixture.js';

const CONFIG = '  personality: bind\n  qname_minimisation: false\n  ede: false\n  serve_stale:\n    stale-answer-ttl: 7\n';
const { world } = loadWith({ 'servers.yaml': serversYaml(CONFIG) });

const plan = (request: Partial<SimRequest> = {}): PlannedRun => {
  const planned = planRun(world, { source: { kind: 'custom', name: 'www.example.com', type: 'A' }, ...request });
  if ('error' in planned) throw new Error(planned.error);
  return planned;
};

describe('the world\'s resolver configuration in a planned run', () => {
  it('runs the personality servers.yaml names, with its switches and its own serve-stale settings', () => {
    const options = resolverOptionsFor(plan().options);
    expect(plan().options.personality).toBe('bind');
    expect([options.qnameMinimisation, options.serveStale, options.serveStaleProfile.replyTtlSeconds, options.extendedErrors, options.serveStaleProfile.staleAnswerEde]).toEqual([false, true, 7, 'none', false]);
  });

  it('lets --resolver win over the personality: the switches still apply, the settings written for BIND do not', () => {
    const planned = plan({ whatIf: { ...NO_WHAT_IF, personality: 'knot' } });
    const options = resolverOptionsFor(planned.options);
    expect(planned.options.personality).toBe('knot');
    // Knot's own 1 s stale TTL (serve_stale.lua), and no EDE at all: Knot's EDE 22 is switched off with the rest.
    expect([options.qnameMinimisation, options.serveStale, options.serveStaleProfile.replyTtlSeconds, options.extendedErrors, options.unreachableAuthorityEde]).toEqual([false, true, 1, 'none', false]);
  });

  it('lets the what-if menu\'s QNAME minimisation win over the world\'s', () => {
    expect(resolverOptionsFor(plan({ whatIf: { ...NO_WHAT_IF, qnameMinimisation: true } }).options).qnameMinimisation).toBe(true);
  });
});
