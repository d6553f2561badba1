import type { Card } from '../../cards/types.js';
import type { Scenario } from '../../dns-sim/scenarios/scenarios.js';
import type { SimulationResult } from '../../dns-sim/simulate.js';
import type { QuizItem } from '../types.js';
import { askMoments, type AskedMoment } from './predict-moments.js';

/** The parts of a simulator scenario a predict item needs: its id and its quiz (neutral name and key moments). */
export type ScenarioInfo = Pick<Scenario, 'id' | 'quiz'>;

/** At most this many wrong options: four options in all. */
const WRONG_OPTIONS = 3;

/**
 * Predict items from one scenario's run, one per key moment the run has: the question is put where the
 * moment teaches, after a context that stops before anything that gives the answer away. The options are
 * stored right one first; they are shuffled when the item is asked.
 */
export function predictItems(scenario: ScenarioInfo, result: SimulationResult, card: Card): QuizItem[] {
  const { asked } = askMoments(scenario.quiz, result);
  const section = card.sections[0];
  return asked.map((moment) => {
    const choices = predictChoices(scenario.id, moment);
    const right = choices[0]!;
    const reveal = [...moment.played, `Why: ${moment.moment.why}`].join('\n');
    const front = [
      `Scenario: ${scenario.quiz.name}`,
      ...(moment.context.length > 0 ? ['So far (times from the start of this lookup):', ...moment.context.map((line) => `  ${line}`)] : []),
      moment.question,
    ].join('\n');
    return {
      id: `sim/${scenario.id}/${moment.moment.id}`, kind: 'predict' as const, cardId: card.id, cardTitle: card.title, topic: card.topic, tags: card.tags, difficulty: card.difficulty,
      source: { cardId: card.id, sectionName: section?.name ?? 'Overview', line: section?.line ?? 1 },
      text: `${scenario.quiz.name}: ${moment.question} ${right}`,
      front, back: `${right}\n${reveal}`,
      predict: { scenarioId: scenario.id, eventSeq: moment.event.seq, context: moment.context, question: moment.question, choices, correctIndex: 0, reveal },
    };
  });
}

/** The right option and up to three distinct wrong ones; a moment with fewer than two is a fault in the scenario's quiz. */
function predictChoices(scenarioId: string, moment: AskedMoment): string[] {
  const { right, wrong } = moment.options;
  const distinct = [...new Set(wrong)].filter((option) => option !== right).slice(0, WRONG_OPTIONS);
  if (distinct.length < 2) throw new Error(`${scenarioId}/${moment.moment.id}: only ${distinct.length} wrong option${distinct.length === 1 ? '' : 's'}`);
  return [right, ...distinct];
}
