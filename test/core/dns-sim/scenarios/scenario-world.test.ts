import { describe, expect, it } from 'vitest';
import { SCENARIOS, scenarioWorld, scenarioWorldFile } from '../../../../src/core/dns-sim/scenarios/scenarios.js';
import { readScenarioWorld, scenarioWorldProblems, withScenarioWorld } from '../../../../src/core/dns-sim/scenarios/scenario-world.js';
import { bundledWorldDir } from '../../../../src/io/package-paths.js';
import { loadWorldFolder } from '../../../../src/io/world-folder.js';

const WORLD_SCENARIOS = ['stale-after-migration', 'lowered-ttl-migration', 'dnssec-valid', 'dnssec-bogus-expired', 'dnssec-cd-bit', 'compact-denial', 'wildcard-synthesis', 'servfail-storm', 'serve-stale', 'dns64-synthesis', 'conditional-forwarding'];

describe('bundled scenarios written as world settings', () => {
  it('are exactly the scenarios docs/world-format.md lists as data', () => {
    expect(SCENARIOS.filter((scenario) => scenario.world).map((scenario) => scenario.id)).toEqual(WORLD_SCENARIOS);
  });

  it.each(WORLD_SCENARIOS)('%s loads against the bundled world as a user world would, without a problem', async (id) => {
    const world = await loadWorldFolder(bundledWorldDir());
    const scenario = SCENARIOS.find((candidate) => candidate.id === id)!;
    expect(scenarioWorldProblems(scenarioWorld(scenario), world, scenarioWorldFile(scenario))).toEqual([]);
  });

  // The change each migration scenario built in code before it was written as a schedule entry.
  it.each([
    ['stale-after-migration', { atMs: 600_000, kind: 'set-records', zone: 'acme-widgets.com', name: 'www.acme-widgets.com', type: 'A', records: [{ name: 'www.acme-widgets.com', type: 'A', ttlSeconds: 3600, data: '198.51.100.80' }], description: 'the team moves www.acme-widgets.com to the new data centre' }],
    ['lowered-ttl-migration', { atMs: 30_000, kind: 'set-records', zone: 'acme-widgets.com', name: 'api.acme-widgets.com', type: 'A', records: [{ name: 'api.acme-widgets.com', type: 'A', ttlSeconds: 60, data: '198.51.100.81' }], description: 'the team moves api.acme-widgets.com to the new data centre' }],
  ])('%s: its one-RRset schedule entry is the change it built in code', async (id, change) => {
    const world = await loadWorldFolder(bundledWorldDir());
    const scenario = SCENARIOS.find((candidate) => candidate.id === id)!;
    expect(withScenarioWorld({}, scenarioWorld(scenario), world, scenarioWorldFile(scenario)).changes).toEqual([change]);
  });
});

describe('readScenarioWorld', () => {
  it.each([
    ['a servers list (the scenario runs on the world\'s)', 'servers: []\n', 1, "unknown field 'servers'"],
    ['a resolver name', 'resolver:\n  name: r.example\n', 2, "unknown field 'name'"],
    ['a misspelt schedule key', 'schedule:\n  - at: 20s\n    server: ns1.example.com\n    behavior: drop\n', 4, "unknown field 'behavior'"],
    ['a fault that does not exist', 'signed_zones:\n  - zone: com\n    fault: stale-keys\n', 3, 'fault "stale-keys" is not'],
    ['a serve-stale setting of another program', 'resolver:\n  serve_stale:\n    max-stale-ttl: 60\n', 3, 'max-stale-ttl'],
  ])('refuses %s at its line, under the same rules as servers.yaml', (_, text, line, message) => {
    const read = readScenarioWorld(text, 'scenario x');
    expect(read.errors.filter((error) => error.message.includes(message)).map((error) => [error.file, error.line])).toEqual([['scenario x', line]]);
  });

  it('names the world\'s missing server and unsigned zone as the world loader would', async () => {
    const world = await loadWorldFolder(bundledWorldDir());
    const read = readScenarioWorld('schedule:\n  - { at: 1s, server: ns9.nowhere.example, behaviour: drop }\nsigned_zones:\n  - zone: nowhere.example\n', 'scenario x');
    expect(read.errors).toEqual([]);
    expect(scenarioWorldProblems(read, world, 'scenario x').map((problem) => problem.line)).toEqual([2, 4]);
  });
});
