import { SCENARIOS, findScenario } from '../../../core/dns-sim/scenarios/scenarios.js';

/** Every scenario the simulator offers, in the order `swelearn sim --list` shows them. */
export const SCENARIO_LIST = SCENARIOS;

/** A scenario's title, or its id when it is unknown (a card naming a scenario this build lacks). */
export function scenarioTitle(id: string): string {
  return findScenario(id)?.title ?? id;
}

export { QUERY_TYPES, type QueryType } from '../../../app/simulator/sim-request.js';
