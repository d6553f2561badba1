import { planStudy, type StudyPlan } from '../../core/quiz/progress/planner.js';
import { replayProgress } from './progress-replay.js';
import type { StudyContext } from './study-context.js';
import { loadStudySummary } from './study-summary.js';

/** What to do in the minutes given, before an interview date if there is one. */
export interface PlanRequest {
  minutes: number;
  interviewAtMs?: number;
}

/** The plan from due items, unread cards and weak spots, with the daily limit of new items it assumed. */
export async function planStudySession(study: StudyContext, request: PlanRequest, nowMs: number): Promise<{ plan: StudyPlan; newPerDay: number }> {
  const newPerDay = study.environment.newItemsPerDay();
  const cards = await study.cards.metas();
  // The plan counts key points and practice questions: the summary's simulator steps are left out, as before.
  const items = (await loadStudySummary(study)).items.filter((item) => item.kind !== 'predict');
  const progress = replayProgress(study, items).view;
  const plan = planStudy({ cards, items, progress, nowMs, minutes: request.minutes, newPerDay, ...(request.interviewAtMs === undefined ? {} : { interviewAtMs: request.interviewAtMs }) });
  return { plan, newPerDay };
}
