import type { Card } from '../../core/cards/types.js';
import { SCENARIOS, type Scenario } from '../../core/dns-sim/scenarios/scenarios.js';
import type { World } from '../../core/dns-sim/world/world.js';
import { predictItems } from '../../core/quiz/items/predict.js';
import type { QuizItem } from '../../core/quiz/types.js';
import { currentBuildId, derivedKey, readDerived, writeDerived } from '../../io/derived-cache.js';
import type { AppEnvironment } from '../environment.js';
import { loadSimulatorWorld } from '../simulator/load-world.js';
import { planRun, runPlan } from '../simulator/plan-run.js';

/**
 * Predict items at the key moments of the bundled simulator scenarios whose card is loaded; none if the
 * world cannot load. Running the 38 scenarios takes 100-150 ms, so the items are cached, keyed by the
 * build, the world, the scenarios' quizzes and the card fields they carry; a change to any of them makes them again.
 */
export async function predictItemsFor(environment: AppEnvironment, cards: readonly Card[]): Promise<{ items: QuizItem[]; problem?: string }> {
  let world;
  try {
    world = await loadSimulatorWorld(environment);
  } catch (error) {
    return { items: [], problem: `the simulator world did not load: ${(error as Error).message}` };
  }
  const pairs = scenarioCards(cards);
  const key = predictItemsKey(currentBuildId(), world, pairs);
  const cached = key === undefined ? undefined : readDerived<QuizItem[]>(environment.paths.cache, 'predict-items', key);
  if (cached) return { items: cached };
  const made = makeItems(world, pairs);
  if (key !== undefined && !made.problem) writeDerived(environment.paths.cache, 'predict-items', key, made.items);
  return made;
}

/**
 * The cache key of the predict items: the build that made them, the world, each scenario's quiz name and
 * moments, and its card as the items carry it. A moment's predicate and question are code, so the build id
 * covers them; its id and the quiz name are in the key as well, so the key says what the items depend on.
 */
export function predictItemsKey(buildId: string | undefined, world: World, pairs: readonly [Scenario, Card][]): string | undefined {
  const carried = pairs.map(([scenario, card]) => [
    scenario.id, scenario.quiz.name, scenario.quiz.moments.map((moment) => moment.id),
    card.id, card.title, card.topic, card.tags, card.difficulty, card.sections[0]?.name, card.sections[0]?.line,
  ]);
  return derivedKey(buildId, JSON.stringify(world), JSON.stringify(carried));
}

/** Each scenario with the card it illustrates: the one it names, else one that links to it. */
export function scenarioCards(cards: readonly Card[]): [Scenario, Card][] {
  const byId = new Map(cards.map((card) => [card.id, card]));
  return SCENARIOS.flatMap((scenario): [Scenario, Card][] => {
    const card = byId.get(scenario.cardId) ?? cards.find((candidate) => candidate.sim.includes(scenario.id));
    return card ? [[scenario, card]] : [];
  });
}

function makeItems(world: World, pairs: readonly [Scenario, Card][]): { items: QuizItem[]; problem?: string } {
  const items: QuizItem[] = [];
  const failed: string[] = [];
  for (const [scenario, card] of pairs) {
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
