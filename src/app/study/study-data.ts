import type { Card } from '../../core/cards/types.js';
import { deriveProgress, type DerivedProgress, type ProgressView } from '../../core/quiz/progress/derive-progress.js';
import type { LogEntry } from '../../core/quiz/progress/log-entry.js';
import { computeStats, type StudyStats } from '../../core/quiz/progress/stats.js';
import type { QuizItem } from '../../core/quiz/types.js';
import { cardItemsFor } from './card-items.js';
import { predictItemsFor } from './predict-items.js';
import { readProgress } from './progress.js';
import { replayProgress } from './progress-replay.js';
import type { StudyContext } from './study-context.js';

/** Everything a read-only progress view needs: cards, items, the log and what it says. */
export interface StudyData {
  cards: Card[];
  items: QuizItem[];
  entries: LogEntry[];
  progress: DerivedProgress;
  logPath: string;
}

/** Loads cards, every item (simulator steps included) and the review log, and derives the schedule. */
export async function loadStudyData(study: StudyContext): Promise<StudyData> {
  const cards = await study.cards.cards();
  const items = [...cardItemsFor(study.environment, cards), ...(await predictItemsFor(study.environment, cards)).items];
  const { entries, logPath } = readProgress(study);
  return { cards, items, entries, progress: deriveProgress(entries, items), logPath };
}

/** Every item and what the log says of each, replayed from the snapshot: what stats and the card badges need, without the entries. */
export async function loadStudyView(study: StudyContext): Promise<Pick<StudyData, 'items' | 'logPath'> & { progress: ProgressView }> {
  const cards = await study.cards.cards();
  const items = [...cardItemsFor(study.environment, cards), ...(await predictItemsFor(study.environment, cards)).items];
  const { view, logPath } = replayProgress(study, items);
  return { items, progress: view, logPath };
}

/** The statistics `swelearn stats` prints and the stats screen shows (held items and leeches with their card files), and the log they come from. */
export async function loadStudyStats(study: StudyContext, nowMs: number): Promise<StudyStats & { logPath: string }> {
  const { items, progress, logPath } = await loadStudyView(study);
  const stats = computeStats(items, progress, nowMs);
  const paths = new Map((await study.cards.cards()).map((card) => [card.id, card.path]));
  const withPath = <T extends { cardId: string }>(entry: T): T & { path?: string } => {
    const path = paths.get(entry.cardId);
    return path === undefined ? entry : { ...entry, path };
  };
  return { ...stats, held: stats.held.map(withPath), leeches: stats.leeches.map(withPath), logPath };
}
