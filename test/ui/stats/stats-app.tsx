import type { StudyPort } from '../../../src/app/study/study-port.js';
import type { StudyStats } from '../../../src/core/quiz/progress/stats.js';
import { appAt } from '../../../src/ui/app-state.js';
import { INITIAL_STATS } from '../../../src/ui/screens/stats/stats-state.js';
import type { ThemeOptions } from '../../../src/ui/theme.js';
import { renderApp, type Harness } from '../app-harness.js';

/** The app opened at the statistics, as `swelearn stats` in a terminal opens it, over the given report ('columns' x 'rows'). */
export function statsApp(stats: StudyStats, options: { columns?: number; rows?: number; theme?: Partial<ThemeOptions> } = {}): Promise<Harness> {
  const study: StudyPort = {
    loadStats: async () => stats,
    prepareQuiz: async () => ({ nothing: 'not in this test' }),
    cardStates: async () => new Map(),
  };
  return renderApp({
    study,
    columns: options.columns ?? 80,
    rows: options.rows ?? 14,
    ...(options.theme ? { theme: options.theme } : {}),
    initialState: appAt({ kind: 'stats', stats: INITIAL_STATS }),
  });
}
