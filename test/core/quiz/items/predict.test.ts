import { describe, expect, it } from 'vitest';
import { SCENARIOS, scenarioRun } from '../../../../src/core/dns-sim/scenarios/scenarios.js';
import { simulateSession } from '../../../../src/core/dns-sim/simulate.js';
import { buildDistractorPool } from '../../../../src/core/quiz/items/choice.js';
import { predictItems } from '../../../../src/core/quiz/items/predict.js';
import { presentItem } from '../../../../src/core/quiz/items/present.js';
import { startSession, submitAnswer } from '../../../../src/core/quiz/session/session.js';
import type { QuizItem } from '../../../../src/core/quiz/types.js';
import { bundledWorldDir } from '../../../../src/io/package-paths.js';
import { loadWorldFolder } from '../../../../src/io/world-folder.js';
import { loadBundledCards } from '../../../content/load-bundled.js';

describe('predict-the-next-step items from the simulator scenarios', async () => {
  const world = await loadWorldFolder(bundledWorldDir());
  const { cards } = await loadBundledCards();
  const build = (id: string) => {
    const scenario = SCENARIOS.find((candidate) => candidate.id === id)!;
    const run = scenarioRun(scenario, world);
    const result = simulateSession(world, run.queries, run.options, run.seed);
    return { result, items: predictItems(scenario, result, cards.find((card) => card.id === scenario.cardId)!) };
  };
  const all = SCENARIOS.flatMap((scenario) => build(scenario.id).items);

  it('gives every scenario at least three steps to predict', () => {
    for (const scenario of SCENARIOS) expect(build(scenario.id).items.length, scenario.id).toBeGreaterThanOrEqual(3);
  });

  it('asks which server is next, what comes back, what is cached, what the client sees and how long it takes', () => {
    const { items } = build('nxdomain-negative-cache');
    const byKey = Object.fromEntries(items.map((item) => [item.id.split('/')[2], item.predict!]));
    const right = (key: string) => byKey[key]!.choices[byKey[key]!.correctIndex];
    expect(right('next-server')).toBe('g.root-servers.net (root server)');
    expect(right('response')).toBe('NXDOMAIN: the name does not exist');
    expect(right('cache')).toBe('that doesnotexist.example.com. does not exist, for 300 s');
    expect(right('outcome')).toBe('an error: the name does not exist (NXDOMAIN)');
    // The second lookup, a minute later, is answered from the negative cache.
    expect(right('duration')).toBe('4 ms');
  });

  it('pauses before the step: the context holds only earlier events, and playing the step reveals it', () => {
    const { result, items } = build('stub-failover');
    const step = items.find((item) => item.id.endsWith('/response'))!.predict!;
    const event = result.events[step.eventSeq]!;
    expect(event.type).toBe('query-timed-out');
    expect(step.context.join('\n')).not.toContain(event.explanation);
    expect(step.reveal).toContain(event.explanation);
  });

  it('has exactly one right option, no duplicates, with a stable id under sim/<scenario>/', () => {
    for (const item of all) {
      const { choices, correctIndex } = item.predict!;
      expect(new Set(choices).size, item.id).toBe(choices.length);
      expect(choices.length, item.id).toBeGreaterThanOrEqual(3);
      expect(correctIndex, item.id).toBeGreaterThanOrEqual(0);
      expect(item.id).toMatch(/^sim\/[a-z0-9-]+\/[a-z-]+$/);
    }
    expect(new Set(all.map((item) => item.id)).size).toBe(all.length);
    expect(SCENARIOS.flatMap((scenario) => build(scenario.id).items).map((item) => item.id)).toEqual(all.map((item) => item.id));
  });

  it('is asked as a choice with the scenario and the steps so far, and graded by letter', () => {
    const item = build('truncation-tcp').items.find((candidate) => candidate.id.endsWith('/response')) as QuizItem;
    const question = presentItem(item, 'predict', buildDistractorPool([], new Map()), 1)!;
    expect(question.prompt).toContain('Scenario: A large answer: TC=1');
    expect(question.prompt).toContain('So far:');
    expect(question.timeLimitMs).toBe(45_000);
    const letter = String.fromCharCode(97 + question.correctIndex!);
    const session = startSession({ sessionId: 't', questions: [question], schedules: {}, cram: false, retryMisses: false }, 0);
    expect(submitAnswer(session, letter, 1000).state.last).toMatchObject({ correct: true, grade: 3 });
    expect(submitAnswer(session, 'a truncated answer (TC=1): too big for UDP', 1000).state.last?.correct).toBe(true);
  });

  it('shuffles the options with the session\'s seed: the same seed gives the same order, other seeds move the right one', () => {
    const item = build('truncation-tcp').items.find((candidate) => candidate.id.endsWith('/response')) as QuizItem;
    const asked = (seed: number) => presentItem(item, 'predict', buildDistractorPool([], new Map()), seed)!;
    const right = item.predict!.choices[item.predict!.correctIndex];
    expect(asked(7).choices).toEqual(asked(7).choices);
    for (const seed of [1, 2, 3]) expect(asked(seed).choices![asked(seed).correctIndex!]).toBe(right);
    expect(new Set(Array.from({ length: 20 }, (_, seed) => asked(seed).correctIndex)).size).toBeGreaterThan(1);
  });
});
