import { planRun, runPlan } from '../../../app/simulator/plan-run.js';
import type { SimSource, WhatIf } from '../../../app/simulator/sim-request.js';
import type { TraceHeading } from '../../../core/dns-sim/report/format-trace.js';
import type { Scenario } from '../../../core/dns-sim/scenarios/scenarios.js';
import type { SimulationResult } from '../../../core/dns-sim/simulate.js';
import type { World } from '../../../core/dns-sim/world/world.js';

export { NO_WHAT_IF, type SimSource, type TtlOverride, type WhatIf } from '../../../app/simulator/sim-request.js';

/** A finished simulation and what its header and transcript say about it. */
export interface SimRun {
  result: SimulationResult;
  heading: TraceHeading;
  title: string;
  description?: string;
  scenario?: Scenario;
}

/** Runs the source with the seed and the what-ifs through the planner `swelearn sim` uses: the same inputs replay the same run. */
export function buildRun(world: World, source: SimSource, seed: number | undefined, whatIf: WhatIf): SimRun | { error: string } {
  const plan = planRun(world, { source, ...(seed === undefined ? {} : { seed }), whatIf });
  if ('error' in plan) return { error: plan.error };
  const { scenario } = plan;
  return { result: runPlan(plan), heading: plan.heading, title: plan.title, ...(scenario ? { description: scenario.description, scenario } : {}) };
}

const runs = new WeakMap<World, Map<string, SimRun | { error: string }>>();

/** buildRun, remembered per world for the last few inputs, so replaying, going back and what-if previews cost nothing. */
export function cachedRun(world: World, source: SimSource, seed: number | undefined, whatIf: WhatIf): SimRun | { error: string } {
  const key = JSON.stringify([source, seed ?? null, whatIf]);
  let perWorld = runs.get(world);
  if (!perWorld) runs.set(world, (perWorld = new Map()));
  let run = perWorld.get(key);
  if (!run) {
    run = buildRun(world, source, seed, whatIf);
    if (perWorld.size >= 16) perWorld.delete(perWorld.keys().next().value!);
    perWorld.set(key, run);
  }
  return run;
}
