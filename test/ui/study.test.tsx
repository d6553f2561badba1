import { BUNDLED_CARDS_LABEL } from '../content/load-bundled.js';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDistractorPool } from '../../src/core/quiz/items/choice.js';
import { generateItems } from '../../src/core/quiz/items/generate-items.js';
import { presentItem } from '../../src/core/quiz/items/present.js';
import { computeStats, type StudyStats } from '../../src/core/quiz/progress/stats.js';
import { deriveProgress } from '../../src/core/quiz/progress/derive-progress.js';
import { INITIAL_APP } from '../../src/ui/app-state.js';
import { openReader } from '../../src/ui/screens/reader/reader-state.js';
import { BADGE_IDLE } from '../../src/ui/hooks/use-study-badges.js';
import type { QuizRequest } from '../../src/app/study/quiz-request.js';
import type { QuizLaunch, StudyPort } from '../../src/app/study/study-port.js';
import { bundledContent, renderApp, type Harness } from './app-harness.js';

let app: Harness | undefined;
afterEach(() => app?.unmount());

async function fakeStudy(overrides: Partial<StudyPort> = {}) {
  const { cards } = await bundledContent();
  const asked: (string | undefined)[] = [];
  const requests: QuizRequest[] = [];
  const closed: number[] = [];
  const items = generateItems(cards).filter((item) => item.cardId === 'negative-caching');
  const pool = buildDistractorPool(items, new Map());
  const question = items.map((item) => presentItem(item, 'flashcard', pool, 1)).find(Boolean)!;
  const study: StudyPort = {
    async prepareQuiz(request) {
      requests.push(request);
      asked.push(request.card);
      const launch: QuizLaunch = { session: { sessionId: 's1', questions: [question], schedules: {}, cram: true, retryMisses: false }, record: () => ({ ok: true }), clockOffsetMs: 0, close: () => void closed.push(1) };
      return launch;
    },
    async loadStats() {
      throw new Error('the review log is unreadable');
    },
    async cardStates() {
      return new Map([['negative-caching', { label: '2 due', tone: 'warn' as const }]]);
    },
    ...overrides,
  };
  return { study, asked, requests, closed, question };
}

describe('study screens in the shell', () => {
  it('p on the home screen starts a quiz over every card; Esc twice ends it and comes back home', async () => {
    const fake = await fakeStudy();
    app = await renderApp({ study: fake.study });
    await app.waitForFrame(BUNDLED_CARDS_LABEL);
    await app.press('p');
    await app.waitForFrame((frame) => frame.includes('reveal'));
    // A quiz over every card, in every mode, with the defaults of `swelearn quiz`.
    expect(fake.requests).toEqual([{ mode: 'mixed', count: 20, due: false, cram: false }]);
    await app.press('escape');
    await app.waitForFrame('Session ended');
    await app.press('escape');
    await app.waitForFrame(BUNDLED_CARDS_LABEL);
    expect(fake.closed).toEqual([1]);
  });

  it('p starts a quiz of the length the study services give (count in the config file)', async () => {
    const fake = await fakeStudy({ quizCount: () => 7 });
    app = await renderApp({ study: fake.study });
    await app.waitForFrame(BUNDLED_CARDS_LABEL);
    await app.press('p');
    await app.waitForFrame((frame) => frame.includes('reveal'));
    expect(fake.requests).toEqual([{ mode: 'mixed', count: 7, due: false, cram: false }]);
  });

  it('p in the reader practises that card', async () => {
    const fake = await fakeStudy();
    app = await renderApp({ study: fake.study, initialState: { ...INITIAL_APP, stack: [...INITIAL_APP.stack, { kind: 'reader', reader: openReader('negative-caching') }] } });
    await app.waitForFrame('Negative Caching');
    await app.press('p');
    await app.waitForFrame('reveal');
    expect(fake.asked).toEqual(['negative-caching']);
  });

  it('says when there is nothing to study, and Esc goes back', async () => {
    const fake = await fakeStudy({ prepareQuiz: async () => ({ nothing: 'Nothing to study now: no item is due.' }) });
    app = await renderApp({ study: fake.study });
    await app.press('p');
    await app.waitForFrame('Nothing to study now: no item is due.');
    await app.press('escape');
    await app.waitForFrame(BUNDLED_CARDS_LABEL);
  });

  it('t opens the statistics, and a progress problem is named instead of a crash', async () => {
    const fake = await fakeStudy();
    app = await renderApp({ study: fake.study });
    await app.press('t');
    await app.waitForFrame('No statistics: the review log is unreadable');
    await app.press('escape');
    await app.waitForFrame(BUNDLED_CARDS_LABEL);
  });

  it('the statistics screen shows the report and q returns home', async () => {
    const { cards } = await bundledContent();
    const items = generateItems(cards);
    const stats: StudyStats = computeStats(items, deriveProgress([], items), Date.parse('2026-06-01T09:00:00Z'));
    const fake = await fakeStudy({ loadStats: async () => stats });
    app = await renderApp({ study: fake.study });
    await app.press('t');
    await app.waitForFrame(/Progress\s+Items\s+\d+ in all · 0 studied/);
    await app.press('q');
    await app.waitForFrame(BUNDLED_CARDS_LABEL);
  });

  it('shows each card\'s study state from the progress store once it is loaded', async () => {
    const fake = await fakeStudy();
    app = await renderApp({ study: fake.study, columns: 90, rows: 60 });
    await app.timer.advance(BADGE_IDLE.afterMountMs);
    const frame = await app.waitForFrame((text) => /Negative Caching.*2 due/.test(text));
    expect(frame.split('\n').find((line) => line.includes('Anycast'))).not.toMatch(/due|new/);
  });

  it('reads the study states neither in the first frame\'s tick nor while the learner types, only after a pause', async () => {
    let reads = 0;
    const fake = await fakeStudy({ cardStates: async () => (reads++, new Map()) });
    app = await renderApp({ study: fake.study });
    await app.waitForFrame(BUNDLED_CARDS_LABEL);
    expect(reads).toBe(0);
    await app.timer.advance(BADGE_IDLE.afterMountMs - 200);
    await app.press('j');
    await app.timer.advance(BADGE_IDLE.quietMs - 100);
    expect(reads).toBe(0);
    await app.timer.advance(BADGE_IDLE.quietMs);
    expect(reads).toBe(1);
  });

  it('without a progress store the study keys are off and not offered', async () => {
    app = await renderApp();
    const frame = await app.waitForFrame(BUNDLED_CARDS_LABEL);
    expect(frame).not.toContain('quiz');
    await app.press('p');
    await app.press('?');
    const help = await app.waitForFrame('Keys: Home');
    expect(help).not.toContain('practise');
  });
});
