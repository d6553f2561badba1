import type { Card } from '../../core/cards/types.js';
import { SCENARIOS } from '../../core/dns-sim/scenarios/scenarios.js';
import { predictItems } from '../../core/quiz/items/predict.js';
import type { QuizItem } from '../../core/quiz/types.js';
import type { AppEnvironment } from '../environment.js';
import { loadSimulatorWorld } from '../simulator/load-world.js';
import { planRun, runPlan } from '../simulator/plan-run.js';

/** Predict-the-next-step items from the bundled simulator scenarios whose card is loaded; none if the world cannot load. */
export async function predictItemsFor(environment: AppEnvironment, cards: readonly Card[]): Promise<{ items: QuizItem[]; problem?: string }> {
  let world;
  try {
    world = await loadSimulatorWorld(environment);
  } catch (error) {
    return { items: [], problem: `the simulator world did not load: ${(error as Error).message}` };
  }
  const byId = new Map(cards.map((card) => [card.id, card]));
  const items: QuizItem[] = [];
  const failed: string[] = [];
  for (const scenario of SCENARIOS) {
    const card = byId.get(scenario.cardId) ?? cards.find((candidate) => candidate.sim.includes(scenario.id));
    if (!card) continue;
    // One scenario the simulator cannot run must not take the rest of the quiz down with it.
    try {
      const plan = planRun(world, { source: { kind: 'scenario', id: scenario.id } });
      if ('error' in plan) throw new Error(plan.error);
      items.push(...predictItems(scenario, runPlan(plan), card));
    } catch (error) {
      failed.push(`${scenario.id} (${(error as Error).message})`);
    }
  }
  return failed.length === 0 ? { items } : { items, problem: `the simulator failed on ${failed.length} scenario${failed.length === 1 ? '' : 's'}: ${failed.slice(0, 3).join(', ')}` };
}
