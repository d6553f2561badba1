import { afterEach, describe, expect, it } from 'vitest';
import type { StudyPort } from '../../../src/app/study/study-port.js';
import { deriveProgress } from '../../../src/core/quiz/progress/derive-progress.js';
import { computeStats, type StudyStats } from '../../../src/core/quiz/progress/stats.js';
import { appAt } from '../../../src/ui/app-state.js';
import { STATS } from '../../../src/ui/lazy-modules.js';
import { INITIAL_STATS, openedStats } from '../../../src/ui/screens/stats/stats-state.js';
import { localTime } from '../../core/quiz/quiz-fixtures.js';
import { sessionItems } from '../../core/quiz/session-fixtures.js';
import { renderApp, type Harness } from '../app-harness.js';

const stats = computeStats(sessionItems, deriveProgress([], sessionItems), localTime(2026, 6, 10, 18));
const never = new Promise<never>(() => undefined);

let app: Harness | undefined;
afterEach(() => app?.unmount());

describe('the statistics screen as swelearn stats opens it', () => {
  it('opens with the report when it is read before the screen can be drawn, so the first frame is the report and the screen reads nothing more', async () => {
    const route = await openedStats(Promise.resolve(stats), Promise.resolve());
    expect(route).toEqual({ ...INITIAL_STATS, stats });
    let asked = 0;
    const study: StudyPort = {
      loadStats: async () => {
        asked++;
        return stats;
      },
      prepareQuiz: async () => ({ nothing: 'not in this test' }),
      cardStates: async () => new Map(),
    };
    // As openApp does: the screen's code is in before the first frame (preloadApp).
    await STATS.load();
    const ui = (app = await renderApp({ study, columns: 80, rows: 14, initialState: appAt({ kind: 'stats', stats: route }) }));
    await ui.waitForFrame('Progress');
    expect(ui.frames()[0]).toContain('Progress');
    expect(ui.frames().join('\n')).not.toContain('Reading your progress');
    expect(asked).toBe(0);
  });

  it('waits a moment for a report still being read when the screen could be drawn, so the first frame is the report', async () => {
    const soon = new Promise<StudyStats>((resolve) => setTimeout(() => resolve(stats), 20));
    expect(await openedStats(soon, Promise.resolve(), 1000)).toEqual({ ...INITIAL_STATS, stats });
  });

  it('opens loading when the screen can be drawn and the report does not come within the grace, or when reading failed, and the screen then asks for the report itself', async () => {
    expect(await openedStats(never as Promise<StudyStats>, Promise.resolve(), 10)).toEqual(INITIAL_STATS);
    const late = new Promise<StudyStats>((resolve) => setTimeout(() => resolve(stats), 200));
    expect(await openedStats(late, Promise.resolve(), 10)).toEqual(INITIAL_STATS);
    const failed = Promise.reject(new Error('the log is a folder'));
    expect(await openedStats(failed, never)).toEqual(INITIAL_STATS);
  });
});
