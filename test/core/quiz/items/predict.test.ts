import { describe, expect, it } from 'vitest';
import { SCENARIOS, type Scenario } from '../../../../src/core/dns-sim/scenarios/scenarios.js';
import { moment } from '../../../../src/core/dns-sim/scenarios/moment-types.js';
import { buildDistractorPool } from '../../../../src/core/quiz/items/choice.js';
import { predictItems } from '../../../../src/core/quiz/items/predict.js';
import { askMoments } from '../../../../src/core/quiz/items/predict-moments.js';
import { presentItem } from '../../../../src/core/quiz/items/present.js';
import { startSession, submitAnswer } from '../../../../src/core/quiz/session/session.js';
import type { QuizItem } from '../../../../src/core/quiz/types.js';
import { loadBundledCards } from '../../../content/load-bundled.js';
import { EVERY_PERSONALITY, scenarioRunner } from '../../dns-sim/scenarios/scenario-runs.js';

const lower = (text: string) => text.toLowerCase();

describe('predict items at the key moments of the simulator scenarios', async () => {
  const run = await scenarioRunner();
  const { cards } = await loadBundledCards();
  const cardOf = (scenario: Scenario) => cards.find((card) => card.id === scenario.cardId)!;
  const itemsOf = (scenario: Scenario) => predictItems(scenario, run(scenario), cardOf(scenario));
  const all = SCENARIOS.flatMap(itemsOf);
  const byId = (id: string) => all.find((item) => item.id === id)!;
  const right = (item: QuizItem) => item.predict!.choices[item.predict!.correctIndex]!;

  it.each(SCENARIOS.map((scenario) => [scenario.id, scenario] as const))('%s: one item per key moment, one to four', (_id, scenario) => {
    const items = itemsOf(scenario);
    expect(items.map((item) => item.id)).toEqual(scenario.quiz.moments.map((entry) => `sim/${scenario.id}/${entry.id}`));
    expect(items.length).toBeGreaterThanOrEqual(1);
    expect(items.length).toBeLessThanOrEqual(4);
  });

  it('gives every item its own id under sim/<scenario>/<moment>, and two to three distinct wrong options', () => {
    expect(new Set(all.map((item) => item.id)).size).toBe(all.length);
    for (const item of all) {
      const { choices, correctIndex } = item.predict!;
      expect(item.id).toMatch(/^sim\/[a-z0-9-]+\/[a-z-]+$/);
      expect(new Set(choices).size, item.id).toBe(choices.length);
      expect(choices.length, item.id).toBeGreaterThanOrEqual(3);
      expect(choices.length, item.id).toBeLessThanOrEqual(4);
      expect(correctIndex, item.id).toBe(0);
    }
  });

  describe.each(EVERY_PERSONALITY)('with the %s resolver', (personality) => {
    it.each(SCENARIOS.map((scenario) => [scenario.id, scenario] as const))('%s: nothing shown before the answer gives it away, and playing the step shows it', (_id, scenario) => {
      const { asked } = askMoments(scenario.quiz, run(scenario, personality));
      for (const moment of asked) {
        const where = `${scenario.id}/${moment.moment.id}`;
        const shown = lower([scenario.quiz.name, ...moment.context].join('\n'));
        expect(moment.options.tells.length, where).toBeGreaterThan(0);
        for (const tell of moment.options.tells) expect(shown, `${where}: "${tell}" is shown before the answer`).not.toContain(lower(tell));
        // The tell is what tells the answer apart: once the step is played (or in the right option) it is there.
        expect(moment.options.tells.some((tell) => lower([...moment.played, moment.options.right].join('\n')).includes(lower(tell))), where).toBe(true);
        expect(new Set(moment.options.wrong.filter((option) => option !== moment.options.right)).size, where).toBeGreaterThanOrEqual(2);
      }
    });
  });

  it('never shows the reply to the stub before a question about what the lookup ends with', () => {
    for (const scenario of SCENARIOS) {
      const result = run(scenario);
      for (const { event, shown, moment } of askMoments(scenario.quiz, result).asked) {
        const aboutTheEnd = event.type === 'lookup-finished' || (event.type === 'response-received' && event.to.role === 'stub');
        if (!aboutTheEnd) continue;
        const replies = shown.filter((other) => other.queryIndex === event.queryIndex && other.type === 'response-received' && other.to.role === 'stub');
        expect(replies, `${scenario.id}/${moment.id}`).toEqual([]);
      }
    }
  });

  it('times the context from the start of the question\'s own lookup, so no timestamp gives a duration away', () => {
    for (const item of all) for (const line of item.predict!.context) expect(line, item.id).toMatch(/^[+-]\d+(\.\d)? (ms|s|min)  /);
    const earlier = byId('sim/nxdomain-negative-cache/negative-hit').predict!.context;
    expect(earlier.at(-1)).toMatch(/^\+0 ms  laptop \(glibc stub\) → resolver\.isp\.net: stub asks/);
    expect(earlier[0]).toMatch(/^-59\.8 s  /);
    expect(byId('sim/stub-single-nameserver/give-up-after').predict!.context).toEqual([]);
    expect(right(byId('sim/stub-single-nameserver/give-up-after'))).toBe('10.0 s');
  });

  it('shows the scenario under its neutral name, never the title that explains it', () => {
    for (const scenario of SCENARIOS) {
      expect(scenario.quiz.name, scenario.id).not.toBe(scenario.title);
      for (const item of itemsOf(scenario)) {
        expect(item.front.split('\n')[0]).toBe(`Scenario: ${scenario.quiz.name}`);
        expect(item.front, item.id).not.toContain(scenario.title);
      }
    }
    expect(byId('sim/lame-delegation/refused').front).not.toContain('REFUSED');
    expect(byId('sim/warm-cache/cache-hit').front).not.toContain('already there');
  });

  it.each([
    ['sim/lame-delegation/refused', 'REFUSED: the server will not answer for this zone'],
    // Unbound keeps no lame mark: the fast REFUSED keeps ns2 in its RTT band, and it asks ns2 again.
    ['sim/lame-delegation/after-refused', 'ns2.lame-example.com (authoritative server), again'],
    ['sim/dead-authoritative/failover', 'ns2.flaky-dns.com (authoritative server)'],
    ['sim/nxdomain-negative-cache/negative-ttl', 'that doesnotexist.example.com. does not exist, for 300 s'],
    ['sim/truncation-tcp/truncated', 'a truncated answer (TC=1): too big for UDP'],
    ['sim/glueless-delegation/nested-lookup', 'c.root-servers.net, a root server, to start a lookup of ns1.example.net\'s address'],
    ['sim/coalescing/join', 'attaches it to the lookup in flight; both get its answer'],
    ['sim/serve-stale/stale-answer', 'the expired answer, served stale with a TTL of 30 s'],
    // Unbound 1.17 with its defaults sends no EDE (measured).
    ['sim/dnssec-bogus-expired/bogus', 'SERVFAIL, with no Extended DNS Error to say why'],
    ['sim/poisoning-txid-only/victim', '203.0.113.66, the attacker\'s: a forged delegation was cached'],
    ['sim/poisoning-port-random/odds', 'about 1 in 2.11 million'],
    ['sim/stub-failover/delay', '5.0 s'],
    ['sim/k8s-ndots/query-count', '8 queries'],
    ['sim/steering-geo/public-resolver', 'us-east (198.51.100.41)'],
  ])('%s: the right option is %s', (id, expected) => {
    expect(right(byId(id))).toBe(expected);
  });

  it('asks the question its moment authors, with what the run supplies', () => {
    expect(byId('sim/lame-delegation/refused').predict!.question).toBe('com still lists ns2.lame-example.com as a name server of lame-example.com, but that host no longer serves the zone. What does it answer?');
    expect(byId('sim/nxdomain-negative-cache/negative-ttl').predict!.question).toContain('a TTL of 3600 s and a MINIMUM field of 300');
    expect(byId('sim/nxdomain-negative-cache/negative-hit').predict!.question).toContain('A minute later the application asks for doesnotexist.example.com A again.');
    expect(byId('sim/coalescing/join').predict!.question).toMatch(/^client-02 asks for api\.example\.com just after client-01/);
  });

  it('plays the step in full after the answer, then says why, with no cut at 160 characters', () => {
    const item = byId('sim/missing-glue/circular');
    const result = run(SCENARIOS.find((scenario) => scenario.id === 'missing-glue')!);
    const reply = result.events[item.predict!.eventSeq]!;
    expect(reply.explanation.length).toBeGreaterThan(160);
    expect(item.predict!.reveal).toContain(reply.explanation);
    expect(item.predict!.reveal).toMatch(/\nWhy: Without glue, finding ns1\.noglue\.com means asking noglue\.com's servers/);
    expect(item.back.startsWith(`${right(item)}\n`)).toBe(true);
  });

  it('skips a moment the walk does not have, and reports it as missing', () => {
    const scenario = SCENARIOS.find((candidate) => candidate.id === 'cold-cache')!;
    const never = moment({ id: 'never', kind: 'query-timed-out', when: () => true, ask: 'What times out?', options: () => ({ right: 'a', wrong: ['b', 'c'], tells: ['a'] }), why: 'It cannot.' });
    const quiz = { ...scenario.quiz, moments: [...scenario.quiz.moments, never] };
    expect(askMoments(quiz, run(scenario)).missing).toEqual(['never']);
    expect(predictItems({ id: scenario.id, quiz }, run(scenario), cardOf(scenario)).map((item) => item.id)).toEqual(itemsOf(scenario).map((item) => item.id));
  });

  describe('asked in a session', () => {
    const pool = buildDistractorPool([], new Map());
    const item = byId('sim/truncation-tcp/truncated');

    it('is a choice with the neutral name, the steps so far and the question, graded by letter or by the option', () => {
      const question = presentItem(item, 'predict', pool, 1)!;
      expect(question.prompt).toContain('Scenario: A TXT record set of about 1.4 KB');
      expect(question.prompt).toContain('So far (times from the start of this lookup):');
      expect(question.timeLimitMs).toBe(45_000);
      const letter = String.fromCharCode(97 + question.correctIndex!);
      const session = startSession({ sessionId: 't', questions: [question], schedules: {}, cram: false, retryMisses: false }, 0);
      expect(submitAnswer(session, letter, 1000).state.last).toMatchObject({ correct: true, grade: 3 });
      expect(submitAnswer(session, 'a truncated answer (TC=1): too big for UDP', 1000).state.last?.correct).toBe(true);
    });

    it('shuffles the options with the session\'s seed: the same seed gives the same order, other seeds move the right one', () => {
      const asked = (seed: number) => presentItem(item, 'predict', pool, seed)!;
      expect(asked(7).choices).toEqual(asked(7).choices);
      for (const seed of [1, 2, 3, 4, 5]) {
        const question = asked(seed);
        expect([...question.choices!].sort(), `seed ${seed}`).toEqual([...item.predict!.choices].sort());
        expect(question.choices![question.correctIndex!]).toBe(right(item));
      }
      const places = new Set(Array.from({ length: 20 }, (_, seed) => asked(seed).correctIndex));
      expect(places.size).toBeGreaterThan(1);
    });
  });
});
