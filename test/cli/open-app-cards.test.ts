import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { RunAppOptions } from '../../src/ui/run-app.js';
import { testContext } from './test-context.js';

// The app's shell is replaced: these tests are about what openApp reads before handing over, not about Ink.
const handedOver: RunAppOptions[] = [];
vi.mock('../../src/ui/run-app.js', () => ({
  runApp: async (options: RunAppOptions) => {
    handedOver.push(options);
    return 0;
  },
}));
// As in a build: derived study data is cached only under a build id.
vi.stubGlobal('__SWELEARN_BUILD_ID__', 'open-app-cards-test');
const { openApp } = await import('../../src/cli/open-app.js');
const { prepareQuiz } = await import('../../src/app/study/prepare-quiz.js');
const { quizLaunch } = await import('../../src/app/study/study-port.js');
const { quizRequest } = await import('../../src/app/study/quiz-request.js');
const { studyContext } = await import('../../src/cli/study-context.js');

/** A context over `home` whose card library counts the times the whole cards are asked for. */
function countingContext(home = mkdtempSync(join(tmpdir(), 'swelearn-open-app-'))) {
  const ctx = testContext({ out: () => undefined, err: () => undefined }, { SWELEARN_HOME: home, SWELEARN_NOW: '2026-12-07T12:00:00Z' });
  let asked = 0;
  const cards = ctx.cards.cards.bind(ctx.cards);
  ctx.cards.cards = () => {
    asked++;
    return cards();
  };
  return { ctx, asked: () => asked };
}

describe('what openApp reads before the first frame', () => {
  it('opened at home, reads the cards for the list', async () => {
    const { ctx, asked } = countingContext();
    expect(await openApp(ctx)).toBe(0);
    expect(asked()).toBe(1);
    expect((await handedOver.at(-1)!.loadCards()).length).toBeGreaterThan(30);
  });

  it('opened at the statistics with the study data cached, never reads the cards: no screen of that opening shows one', async () => {
    const home = mkdtempSync(join(tmpdir(), 'swelearn-open-app-'));
    // A first opening derives and caches the study data from the cards.
    const first = countingContext(home);
    expect(await openApp(first.ctx, { at: 'stats' })).toBe(0);
    await handedOver.at(-1)!.study!.loadStats();
    const { ctx, asked } = countingContext(home);
    expect(await openApp(ctx, { at: 'stats' })).toBe(0);
    await handedOver.at(-1)!.study!.loadStats();
    expect(await handedOver.at(-1)!.loadCards()).toEqual([]);
    expect(asked()).toBe(0);
  });

  it("opened at a quiz, reads no card before the first frame: the quiz names its items' card files from the cards' metadata", async () => {
    const { ctx, asked } = countingContext();
    const request = quizRequest();
    const launch = quizLaunch(await prepareQuiz(studyContext(ctx), request, Date.parse('2026-12-07T12:00:00Z'), 7), 0);
    // Preparing the quiz in a new home made its items from the cards; opening the app at it reads none.
    const byPreparing = asked();
    try {
      expect(await openApp(ctx, { at: 'quiz', request, launch })).toBe(0);
      expect(asked()).toBe(byPreparing);
      const { cardMetas, loadCards } = handedOver.at(-1)!;
      const first = launch.session.questions[0]!.item;
      expect(cardMetas?.find((meta) => meta.id === first.cardId)?.path).toMatch(/\.md$/);
      // Read when the app asks, after its first frame: the same cards.
      expect((await loadCards()).map((card) => card.id)).toEqual(cardMetas!.map((meta) => meta.id));
      expect(asked()).toBe(byPreparing + 1);
    } finally {
      launch.close();
    }
  });
});
