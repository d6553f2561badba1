import type { Card } from '../../core/cards/types.js';
import { deriveProgress, type DerivedProgress } from '../../core/quiz/derive-progress.js';
import { generateItems } from '../../core/quiz/generate-items.js';
import { computeStats, type StudyStats } from '../../core/quiz/stats.js';
import type { LogEntry } from '../../core/quiz/log-entry.js';
import type { QuizItem } from '../../core/quiz/types.js';
import type { CliContext } from '../context.js';
import { loadCardsForCommand } from '../load.js';
import { predictItemsFor } from './predict-items.js';
import { loadProgress } from './progress.js';

/** Everything a read-only progress view needs: cards, items, the log and what it says. */
export interface StudyData {
  cards: Card[];
  items: QuizItem[];
  entries: LogEntry[];
  progress: DerivedProgress;
  logPath: string;
}

/** Loads cards, every item (simulator steps included) and the review log, and derives the schedule. */
export async function loadStudyData(ctx: CliContext): Promise<StudyData> {
  const { cards } = await loadCardsForCommand(ctx);
  const items = [...generateItems(cards), ...(await predictItemsFor(ctx, cards)).items];
  const { entries, logPath } = loadProgress(ctx, { write: false });
  return { cards, items, entries, progress: deriveProgress(entries, items), logPath };
}

/** The stats the stats screen shows (`<StatsScreen stats={await loadStudyStats(ctx, Date.now())} />`). */
export async function loadStudyStats(ctx: CliContext, nowMs: number): Promise<StudyStats & { logPath: string }> {
  const data = await loadStudyData(ctx);
  return { ...computeStats(data.items, data.progress, nowMs), logPath: data.logPath };
}
