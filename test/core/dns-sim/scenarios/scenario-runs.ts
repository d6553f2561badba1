import type { PersonalityId } from '../../../../src/core/dns-sim/personalities/index.js';
import { scenarioRun, type Scenario } from '../../../../src/core/dns-sim/scenarios/scenarios.js';
import { simulateSession, type SimulationResult } from '../../../../src/core/dns-sim/simulate.js';
import { bundledWorldDir } from '../../../../src/io/package-paths.js';
import { loadWorldFolder } from '../../../../src/io/world-folder.js';

/** Every resolver the simulator models: Unbound (the default), BIND and Knot Resolver. */
export const EVERY_PERSONALITY: readonly PersonalityId[] = ['unbound', 'bind', 'knot'];

/** Runs bundled scenarios in the bundled world as `swelearn sim` does, once per scenario and resolver. */
export async function scenarioRunner(): Promise<(scenario: Scenario, personality?: PersonalityId) => SimulationResult> {
  const world = await loadWorldFolder(bundledWorldDir());
  const runs = new Map<string, SimulationResult>();
  return (scenario, personality: PersonalityId = 'unbound') => {
    const key = `${scenario.id} ${personality}`;
    let result = runs.get(key);
    if (!result) {
      const run = scenarioRun(scenario, world, { personality });
      result = simulateSession(world, run.queries, run.options, run.seed);
      runs.set(key, result);
    }
    return result;
  };
}
