import type { LogEntry } from '../../core/quiz/log-entry.js';
import { resolveDataPaths } from '../../io/data-paths.js';
import { readReviewLog, type LogProblem } from '../../io/progress/read-review-log.js';
import { openReviewLog, reviewLogPath, type ReviewLogWriter } from '../../io/progress/review-log-writer.js';
import type { CliContext } from '../context.js';

/** The learner's progress as a command sees it: the entries, and a writer when answers can be saved. */
export interface CommandProgress {
  logPath: string;
  entries: LogEntry[];
  writer?: ReviewLogWriter;
  /** Why answers are not saved, when they are not. */
  notSavingBecause?: string;
}

/** Reads the review log (reporting damaged lines on stderr) and, when asked, opens it for appending. */
export function loadProgress(ctx: CliContext, options: { write: boolean }): CommandProgress {
  const dir = resolveDataPaths(ctx.env).progress;
  const logPath = reviewLogPath(dir);
  const contents = readReviewLog(logPath);
  if (contents.readError) ctx.err(`swelearn: cannot read the progress log ${logPath} (${contents.readError}); past answers are not used\n`);
  for (const line of describeProblems(logPath, contents.problems)) ctx.err(`swelearn: ${line}\n`);
  const progress = { logPath, entries: contents.entries };
  return options.write ? openProgressWriter(ctx, progress) : progress;
}

/** Opens the log for appending (creating the folder), or warns once that answers will not be saved. */
export function openProgressWriter(ctx: CliContext, progress: CommandProgress): CommandProgress {
  const opened = openReviewLog(resolveDataPaths(ctx.env).progress);
  if (opened.ok) return { ...progress, writer: opened.writer };
  ctx.err(`swelearn: warning: answers will not be saved: ${opened.reason}\n`);
  return { ...progress, notSavingBecause: opened.reason };
}

/** One message per kind of damage, naming the lines, so a damaged log is noticed but does not flood the screen. */
export function describeProblems(path: string, problems: readonly LogProblem[]): string[] {
  const messages: string[] = [];
  const torn = problems.filter((problem) => problem.kind === 'torn');
  const corrupt = problems.filter((problem) => problem.kind === 'corrupt');
  const newer = problems.filter((problem) => problem.kind === 'newer');
  for (const problem of torn) messages.push(`progress log ${path}: line ${problem.line} was cut off (an interrupted write); it is kept in the file and skipped`);
  if (corrupt.length > 0) {
    const first = corrupt[0]!;
    const lines = corrupt.slice(0, 5).map((problem) => problem.line).join(', ') + (corrupt.length > 5 ? `, and ${corrupt.length - 5} more` : '');
    const what = corrupt.length === 1 ? `line ${lines} is damaged (${first.reason})` : `${corrupt.length} lines are damaged (lines ${lines}; first: ${first.reason})`;
    messages.push(`progress log ${path}: ${what}; kept in the file and skipped`);
  }
  if (newer.length > 0) messages.push(`progress log ${path}: ${newer.length} line${newer.length === 1 ? ' was' : 's were'} written by a newer swelearn; kept and not used (update swelearn to use them)`);
  return messages;
}
