import { renameLoggedItems, type ItemRenames } from '../../core/quiz/progress/item-renames.js';
import { CUT_OFF_REASON, type LogEntry } from '../../core/quiz/progress/log-entry.js';
import { readItemRenames } from '../../io/item-renames-file.js';
import { readReviewLog, type LogProblem } from '../../io/progress/read-review-log.js';
import { openReviewLog, reviewLogPath, type ReviewLogWriter } from '../../io/progress/review-log-writer.js';
import { UserError } from '../errors.js';
import type { StudyContext } from './study-context.js';

/** Where the learner's answers go: the log, and a writer when answers can be saved. */
export interface StudyProgress {
  logPath: string;
  writer?: ReviewLogWriter;
  /** Why answers are not saved, when they are not. */
  notSavingBecause?: string;
}

/** Reads the review log, warning about damaged lines (which stay in the file). */
export function readProgress(study: StudyContext): StudyProgress & { entries: LogEntry[] } {
  const logPath = reviewLogPath(study.environment.paths.progress);
  const contents = readReviewLog(logPath);
  if (contents.refused) throw new UserError(contents.refused);
  if (contents.readError) study.warn(`cannot read the progress log ${logPath} (${contents.readError}); past answers are not used`);
  for (const message of describeProblems(logPath, contents.problems)) study.warn(message);
  return { logPath, entries: renameLoggedItems(contents.entries, bundledItemRenames(study)) };
}

const renamesByDir = new Map<string, ItemRenames>();

/** The table that carries rewritten bundled items' history (content/renames/), read once per folder. */
export function bundledItemRenames(study: StudyContext): ItemRenames {
  const dir = study.environment.bundledCardsDir();
  let renames = renamesByDir.get(dir);
  if (!renames) {
    const read = readItemRenames(dir);
    for (const problem of read.problems) study.warn(`warning: ${problem}`);
    renames = read.renames;
    renamesByDir.set(dir, renames);
  }
  return renames;
}

/** Opens the log for appending (creating the folder), or warns once that answers will not be saved. */
export function openProgressWriter<P extends StudyProgress>(study: StudyContext, progress: P): P {
  const opened = openReviewLog(study.environment.paths.progress);
  if (opened.ok) return { ...progress, writer: opened.writer };
  study.warn(`warning: answers will not be saved: ${opened.reason}`);
  return { ...progress, notSavingBecause: opened.reason };
}

/** One message per kind of damage, naming the lines, so a damaged log is noticed but does not flood the screen. */
export function describeProblems(path: string, problems: readonly LogProblem[]): string[] {
  const messages: string[] = [];
  const torn = problems.filter((problem) => problem.kind === 'torn');
  const corrupt = problems.filter((problem) => problem.kind === 'corrupt');
  const newer = problems.filter((problem) => problem.kind === 'newer');
  // A cut-off line is named the same wherever it is: at the end, or in the middle once the next answer was appended after it.
  if (torn.length > 0) messages.push(`progress log ${path}: ${torn.length === 1 ? `line ${torn[0]!.line} was ${CUT_OFF_REASON}; it is` : `lines ${listLines(torn)} were ${CUT_OFF_REASON}; they are`} kept in the file and skipped`);
  if (corrupt.length > 0) {
    const first = corrupt[0]!;
    const lines = listLines(corrupt);
    const what = corrupt.length === 1 ? `line ${lines} is damaged (${first.reason})` : `${corrupt.length} lines are damaged (lines ${lines}; first: ${first.reason})`;
    messages.push(`progress log ${path}: ${what}; kept in the file and skipped`);
  }
  if (newer.length > 0) messages.push(`progress log ${path}: ${newer.length} line${newer.length === 1 ? ' was' : 's were'} written by a newer swelearn; kept and not used (update swelearn to use them)`);
  return messages;
}

function listLines(problems: readonly LogProblem[]): string {
  return problems.slice(0, 5).map((problem) => problem.line).join(', ') + (problems.length > 5 ? `, and ${problems.length - 5} more` : '');
}
