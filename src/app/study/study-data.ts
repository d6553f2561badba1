import type { Card } from '../../core/cards/types.js';
import { deriveProgress, type DerivedProgress, type ProgressView } from '../../core/quiz/progress/derive-progress.js';
import type { LogEntry } from '../../core/quiz/progress/log-entry.js';
import { computeStats, type StudyStats } from '../../core/quiz/progress/stats.js';
import type { QuizItem, StudyItem } from '../../core/quiz/types.js';
import { cardItemsFor, type ItemOptions } from './card-items.js';
import { predictItemsFor } from './predict-items.js';
import { readProgress } from './progress.js';
import { replayProgress } from './progress-replay.js';
import type { StudyContext } from './study-context.js';
import { cardPaths, loadStudySummary } from './study-summary.js';

/** Everything a read-only progress view needs: cards, items, the log and what it says. */
export interface StudyData {
  cards: Card[];
  items: QuizItem[];
  entries: LogEntry[];
  progress: DerivedProgress;
  logPath: string;
}

/** Every item of the cards, simulator steps included: from the item caches when the cards, the world and the build are unchanged. */
export async function loadStudyItems(study: StudyContext, cards: readonly Card[], options: ItemOptions = {}): Promise<QuizItem[]> {
  const [cardItems, predict] = await Promise.all([cardItemsFor(study.environment, cards, options), predictItemsFor(study.environment, cards, options)]);
  return [...cardItems, ...predict.items];
}

/** Loads cards, every item (simulator steps included) and the review log, and derives the schedule. */
export async function loadStudyData(study: StudyContext): Promise<StudyData> {
  const cards = await study.cards.cards();
  const items = await loadStudyItems(study, cards);
  const { entries, logPath } = readProgress(study);
  return { cards, items, entries, progress: deriveProgress(entries, items), logPath };
}

/** Every item's summary and what the log says of each, replayed from the snapshot: what stats and the card badges need, without the entries or any card's body. */
export async function loadStudyView(study: StudyContext, options: ItemOptions = {}): Promise<{ items: StudyItem[]; logPath: string; progress: ProgressView; stamp?: string }> {
  const { items, stamp } = await loadStudySummary(study, options);
  const { view, logPath } = replayProgress(study, items);
  return { items, progress: view, logPath, ...(stamp === undefined ? {} : { stamp }) };
}

/** The statistics `swelearn stats` prints and the stats screen shows (held items and leeches with their card files), and the log they come from. */
export async function loadStudyStats(study: StudyContext, nowMs: number, options: ItemOptions = {}): Promise<StudyStats & { logPath: string }> {
  const { items, progress, logPath, stamp } = await loadStudyView(study, options);
  const stats = computeStats(items, progress, nowMs);
  // Only held items and leeches are shown with their card's file.
  const paths = stats.held.length + stats.leeches.length > 0 ? await cardPaths(study, stamp) : new Map<string, string>();
  const withPath = <T extends { cardId: string }>(entry: T): T & { path?: string } => {
    const path = paths.get(entry.cardId);
    return path === undefined ? entry : { ...entry, path };
  };
  return { ...stats, held: stats.held.map(withPath), leeches: stats.leeches.map(withPath), logPath };
}
