import { describe, expect, it } from 'vitest';
import { SCENARIOS, scenarioRun, scenarioSession } from '../../../../src/core/dns-sim/scenarios/scenarios.js';
import { bundledWorldDir } from '../../../../src/io/package-paths.js';
import { loadWorldFolder } from '../../../../src/io/world-folder.js';

const SESSION_SCENARIOS = ['warm-cache', 'partially-warm'];

describe('bundled scenarios written as session files', () => {
  it('are exactly the scenarios docs/world-format.md lists as sessions', () => {
    expect(SCENARIOS.filter((scenario) => scenario.session).map((scenario) => scenario.id)).toEqual(SESSION_SCENARIOS);
  });

  it.each(SESSION_SCENARIOS)('%s: the session asks exactly the scenario\'s question, so the file runs the scenario under sim --session', (id) => {
    const scenario = SCENARIOS.find((candidate) => candidate.id === id)!;
    const asked = scenarioSession(scenario).flatMap((step) => (step.kind === 'ask' ? [{ name: step.name, type: step.type }] : []));
    expect(asked).toEqual([scenario.query]);
  });

  // The prewarm each scenario built in code before it was written as a session's prewarm step.
  it.each([
    ['warm-cache', [{ atMs: -60_000, name: 'www.example.com', type: 'A' }]],
    ['partially-warm', [{ atMs: -600_000, name: 'www.acme-widgets.com', type: 'A' }]],
  ])('%s: its prewarm step is the prewarm it built in code', async (id, prewarm) => {
    const world = await loadWorldFolder(bundledWorldDir());
    expect(scenarioRun(SCENARIOS.find((candidate) => candidate.id === id)!, world).options.prewarm).toEqual(prewarm);
  });
});
