import { planStudy, type StudyPlan } from '../../core/quiz/progress/planner.js';
import { cardItemsFor } from './card-items.js';
import { replayProgress } from './progress-replay.js';
import type { StudyContext } from './study-context.js';

/** What to do in the minutes given, before an interview date if there is one. */
export interface PlanRequest {
  minutes: number;
  interviewAtMs?: number;
}

/** The plan from due items, unread cards and weak spots, with the daily limit of new items it assumed. */
export async function planStudySession(study: StudyContext, request: PlanRequest, nowMs: number): Promise<{ plan: StudyPlan; newPerDay: number }> {
  const newPerDay = study.environment.newItemsPerDay();
  const cards = await study.cards.cards();
  const items = await cardItemsFor(study.environment, cards);
  const progress = replayProgress(study, items).view;
  const plan = planStudy({ cards, items, progress, nowMs, minutes: request.minutes, newPerDay, ...(request.interviewAtMs === undefined ? {} : { interviewAtMs: request.interviewAtMs }) });
  return { plan, newPerDay };
}
