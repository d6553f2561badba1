import { planRun, runPlan } from '../../../app/simulator/plan-run.js';
import { planSession, type LoadedSession, type SessionStepView } from '../../../app/simulator/plan-session.js';
import type { SimSource, WhatIf } from '../../../app/simulator/sim-request.js';
import type { SessionStep } from '../../../core/dns-sim/session/session-file.js';
import type { TraceHeading } from '../../../core/dns-sim/report/format-trace.js';
import type { Scenario } from '../../../core/dns-sim/scenarios/scenarios.js';
import type { SimulationResult } from '../../../core/dns-sim/simulate.js';
import type { ResolvConf, World } from '../../../core/dns-sim/world/world.js';

export { NO_WHAT_IF, type SimSource, type TtlOverride, type WhatIf } from '../../../app/simulator/sim-request.js';

/** A session file run in the app (`swelearn sim --session FILE` in a terminal), with the resolv.conf it starts from. */
export interface SessionSource {
  kind: 'session';
  session: LoadedSession;
  resolvConf?: ResolvConf;
}

/** What the simulator screen runs: a scenario, a question of one's own, or a session. */
export type RunSource = SimSource | SessionSource;

/** A finished simulation and what its header and transcript say about it. */
export interface SimRun {
  result: SimulationResult;
  heading: TraceHeading;
  title: string;
  description?: string;
  scenario?: Scenario;
  /** A session's steps, each with the question it became, for the step list. */
  session?: { steps: SessionStep[]; views: SessionStepView[] };
}

/** Runs the source with the seed and the what-ifs through the planner `swelearn sim` uses: the same inputs replay the same run. */
export function buildRun(world: World, source: RunSource, seed: number | undefined, whatIf: WhatIf): SimRun | { error: string } {
  if (source.kind === 'session') return buildSessionRun(world, source, seed, whatIf);
  const plan = planRun(world, { source, ...(seed === undefined ? {} : { seed }), whatIf });
  if ('error' in plan) return { error: plan.error };
  const { scenario } = plan;
  return { result: runPlan(plan), heading: plan.heading, title: plan.title, ...(scenario ? { description: scenario.description, scenario } : {}) };
}

// The resolver program and QNAME minimisation apply to a session as to `sim --session`; the other what-ifs are for one question.
function buildSessionRun(world: World, source: SessionSource, seed: number | undefined, whatIf: WhatIf): SimRun {
  const plan = planSession(world, source.session, { ...(seed === undefined ? {} : { seed }), ...(source.resolvConf ? { resolvConf: source.resolvConf } : {}), whatIf });
  return { result: runPlan(plan), heading: plan.heading, title: plan.title, session: { steps: source.session.steps, views: plan.session.steps } };
}

const runs = new WeakMap<World, Map<string, SimRun | { error: string }>>();

/** buildRun, remembered per world for the last few inputs, so replaying, going back and what-if previews cost nothing. */
export function cachedRun(world: World, source: RunSource, seed: number | undefined, whatIf: WhatIf): SimRun | { error: string } {
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
