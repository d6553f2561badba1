import { comparePersonalities, type PlannedRun } from '../../app/simulator/plan-run.js';
import type { PersonalityId } from '../../core/dns-sim/personalities/index.js';
import { formatCompareText, summariseRun } from '../../core/dns-sim/report/format-compare.js';
import type { CliContext } from '../context.js';

/** `--compare` for a question or a session: the same run under every resolver program, as text or JSON. */
export function printComparison(ctx: CliContext, plan: PlannedRun, json: boolean, width: number): number {
  const runs = comparePersonalities(plan);
  if (json) {
    const document = {
      version: 1, kind: 'swelearn-sim-compare', query: plan.heading.query, seed: plan.seed,
      runs: runs.map(({ result }) => ({ resolverModel: result.resolverModel, ...summariseRun(result), ...noteFor(plan, result.resolverModel.id), outcomes: result.outcomes })),
    };
    ctx.out(`${JSON.stringify(document, null, 2)}\n`);
    return 0;
  }
  ctx.out(formatCompareText(plan.heading.query, runs, { color: ctx.color, width, ...(plan.scenario?.resolverNotes ? { notes: plan.scenario.resolverNotes } : {}) }));
  return 0;
}

function noteFor(plan: PlannedRun, id: PersonalityId): { note?: string } {
  const note = plan.scenario?.resolverNotes?.[id];
  return note ? { note } : {};
}

