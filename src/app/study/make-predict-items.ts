import type { Card } from '../../core/cards/types.js';
import { SCENARIOS, type Scenario } from '../../core/dns-sim/scenarios/scenarios.js';
import type { World } from '../../core/dns-sim/world/world.js';
import { predictItems } from '../../core/quiz/items/predict.js';
import type { QuizItem } from '../../core/quiz/types.js';
import type { AppEnvironment } from '../environment.js';
import { loadSimulatorWorld } from '../simulator/load-world.js';
import { planRun, runPlan } from '../simulator/plan-run.js';
import type { ItemWork } from './card-items.js';

/** Predict items made by running every bundled scenario whose card is loaded; none if the world cannot load. */
export async function makePredictItems(environment: AppEnvironment, cards: readonly Card[], work?: ItemWork): Promise<{ items: QuizItem[]; problem?: string }> {
  let world;
  try {
    world = await loadSimulatorWorld(environment);
  } catch (error) {
    return { items: [], problem: `the simulator world did not load: ${(error as Error).message}` };
  }
  return makeItems(world, scenarioCards(cards), work);
}

/** Each scenario with the card it illustrates: the one it names, else one that links to it. */
export function scenarioCards(cards: readonly Card[]): [Scenario, Card][] {
  const byId = new Map(cards.map((card) => [card.id, card]));
  return SCENARIOS.flatMap((scenario): [Scenario, Card][] => {
    const card = byId.get(scenario.cardId) ?? cards.find((candidate) => candidate.sim.includes(scenario.id));
    return card ? [[scenario, card]] : [];
  });
}

function makeItems(world: World, pairs: readonly [Scenario, Card][], work?: ItemWork): { items: QuizItem[]; problem?: string } {
  const items: QuizItem[] = [];
  const failed: string[] = [];
  for (const [scenario, card] of pairs) {
    // One scenario the simulator cannot run must not take the rest of the quiz down with it.
    try {
      if (work) work.scenariosRun++;
      const plan = planRun(world, { source: { kind: 'scenario', id: scenario.id } });
      if ('error' in plan) throw new Error(plan.error);
      items.push(...predictItems(scenario, runPlan(plan), card));
    } catch (error) {
      failed.push(`${scenario.id} (${(error as Error).message})`);
    }
  }
  return failed.length === 0 ? { items } : { items, problem: `the simulator failed on ${failed.length} scenario${failed.length === 1 ? '' : 's'}: ${failed.slice(0, 3).join(', ')}` };
}
