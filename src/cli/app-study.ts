import type { StudyBadge } from '../ui/services.js';
import type { StudyPort } from '../ui/study.js';
import type { CliContext } from './context.js';
import { UserError } from './errors.js';

/**
 * The interactive app's door to the progress store: the same quiz setup, recorder and stats as the
 * commands use. The quiz code loads on first use, so the app's first frame never waits for it.
 */
export function appStudy(ctx: CliContext): StudyPort {
  const clock = async () => (await import('./quiz/clock.js')).commandClock(ctx);
  return {
    async prepareQuiz(cardId) {
      const [{ prepareQuiz }, { parseQuizFlags }, { makeRecorder }, { sessionSeed }] = await Promise.all([
        import('./quiz/setup.js'), import('./quiz/quiz-flags.js'), import('./quiz/recorder.js'), import('./quiz/clock.js'),
      ]);
      const now = await clock();
      try {
        const prepared = await prepareQuiz(ctx, parseQuizFlags(cardId ? ['--card', cardId] : []), now(), sessionSeed(ctx));
        if (prepared.setup.questions.length === 0) {
          prepared.progress.writer?.close();
          return { nothing: 'Nothing to study now: no item is due and no new item is left for today.' };
        }
        return {
          session: prepared.setup,
          record: makeRecorder(prepared.progress.writer, prepared.progress.notSavingBecause),
          clockOffsetMs: now() - Date.now(),
          close: () => prepared.progress.writer?.close(),
        };
      } catch (error) {
        if (UserError.is(error)) return { nothing: error.message };
        throw error;
      }
    },
    async loadStats() {
      const { loadStudyStats } = await import('./quiz/study-data.js');
      return loadStudyStats(ctx, (await clock())());
    },
    async cardStates() {
      const [{ loadStudyData }, { dueAt }] = await Promise.all([import('./quiz/study-data.js'), import('../core/quiz/schedule.js')]);
      const data = await loadStudyData(ctx);
      const nowMs = (await clock())();
      const perCard = new Map<string, { due: number; studied: number; total: number }>();
      for (const item of data.items) {
        const counts = perCard.get(item.cardId) ?? { due: 0, studied: 0, total: 0 };
        const schedule = data.progress.items.get(item.id)?.schedule;
        counts.total++;
        if (schedule) {
          counts.studied++;
          if (dueAt(schedule) <= nowMs) counts.due++;
        }
        perCard.set(item.cardId, counts);
      }
      const badges = new Map<string, StudyBadge>();
      for (const [cardId, counts] of perCard) {
        if (counts.due > 0) badges.set(cardId, { label: `${counts.due} due`, tone: 'warn' });
        else if (counts.studied === 0) badges.set(cardId, { label: 'new', tone: 'muted' });
        else badges.set(cardId, { label: counts.studied < counts.total ? `${counts.studied}/${counts.total} seen` : 'learnt', tone: 'good' });
      }
      return badges;
    },
  };
}
