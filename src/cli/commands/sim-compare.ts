import { formatCompareText, summariseRun, type ComparedRun } from '../../core/dns-sim/report/format-compare.js';
import { PERSONALITIES } from '../../core/dns-sim/personalities/index.js';
import { resolverOptionsFor, simulateSession, type SessionQuery, type SimulationOptions } from '../../core/dns-sim/simulate.js';
import type { World } from '../../core/dns-sim/world/world.js';
import type { CliContext } from '../context.js';

/** `swelearn sim NAME --compare`: the same question, seed and world under every resolver personality. */
export function printComparison(ctx: CliContext, world: World, run: { queries: SessionQuery[]; options: SimulationOptions; seed: number }, query: string, json: boolean): number {
  const runs: ComparedRun[] = PERSONALITIES.map((personality) => {
    const options: SimulationOptions = { ...run.options, personality: personality.id };
    return { result: simulateSession(world, run.queries, options, run.seed), options: resolverOptionsFor(options) };
  });
  if (json) {
    const document = {
      version: 1, kind: 'swelearn-sim-compare', query, seed: run.seed,
      runs: runs.map(({ result }) => ({ resolverModel: result.resolverModel, ...summariseRun(result), outcomes: result.outcomes })),
    };
    ctx.out(`${JSON.stringify(document, null, 2)}\n`);
    return 0;
  }
  ctx.out(formatCompareText(query, runs, { color: ctx.color, width: ctx.width }));
  return 0;
}
