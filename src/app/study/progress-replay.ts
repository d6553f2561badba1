import { deriveProgress, viewFold, type ProgressView } from '../../core/quiz/progress/derive-progress.js';
import { hashIds, mayContainId } from '../../core/quiz/progress/id-hashes.js';
import { renameLoggedItems, type ItemRenames } from '../../core/quiz/progress/item-renames.js';
import type { LogEntry } from '../../core/quiz/progress/log-entry.js';
import type { ItemText } from '../../core/quiz/progress/match-edits.js';
import { foldAppended, foldLog, type FoldState } from '../../core/quiz/progress/replay-fold.js';
import { closeLog, openLogForReading, readLogRange, readReviewLog, scanReviewLog, type LogProblem, type LogScan } from '../../io/progress/read-review-log.js';
import { reviewLogPath } from '../../io/progress/review-log-writer.js';
import { itemRenamesStamp } from '../../io/item-renames-file.js';
import { readSnapshot, SNAPSHOT_CHECK_BYTES, snapshotKey, snapshotPath, tailText, writeSnapshot, type ReviewSnapshot } from '../../io/progress/review-snapshot.js';
import { UserError } from '../errors.js';
import { bundledItemRenames, describeProblems } from './progress.js';
import type { StudyContext } from './study-context.js';

/** The log replayed for the current items, and the work it took (what tests hold the snapshot to). */
export interface ReplayedProgress {
  logPath: string;
  view: ProgressView;
  /** Log bytes parsed this open: the whole log without a usable snapshot, only what was appended with one. */
  bytesReplayed: number;
  /** Log bytes read only to check the snapshot against the log (at most 64 KiB). */
  bytesChecked: number;
  /** Why the snapshot was rebuilt from the whole log, when it was. */
  rebuiltBecause?: string;
}

/**
 * Replays the review log from its snapshot in the cache folder: only bytes appended since are parsed, and a
 * snapshot that no longer matches the log is rebuilt from the whole log and said so. Damaged lines are
 * reported every time, from the snapshot or the log, and the log itself is only read.
 */
export function replayProgress(study: StudyContext, currentItems: readonly ItemText[]): ReplayedProgress {
  const logPath = reviewLogPath(study.environment.paths.progress);
  const renames = lazyRenames(study, currentItems);
  const opened = openLogForReading(logPath);
  // Without answers every item is new: derived only then (matching edits over every item is about 1 ms of each quiz's start).
  const empty = () => ({ logPath, view: deriveProgress([], currentItems), bytesReplayed: 0, bytesChecked: 0 });
  if (opened.kind === 'missing') return empty();
  if (opened.kind === 'refused') throw new UserError(opened.message);
  if (opened.kind === 'error') {
    study.warn(`cannot read the progress log ${logPath} (${opened.reason}); past answers are not used`);
    return empty();
  }
  try {
    const result = replayOpened(study, opened, renames, currentItems);
    for (const message of describeProblems(logPath, result.problems)) study.warn(message);
    return { logPath, ...result.replayed };
  } finally {
    closeLog(opened);
  }
}

type Opened = { path: string; fd: number; size: number };

function replayOpened(study: StudyContext, log: Opened, renames: Renaming, currentItems: readonly ItemText[]): { replayed: Omit<ReplayedProgress, 'logPath'>; problems: LogProblem[] } {
  const file = snapshotPath(study.environment.paths.cache, log.path);
  const key = snapshotKey(itemRenamesStamp(study.environment.bundledCardsDir()));
  const stored = readSnapshot(file, key);
  let bytesChecked = 0;
  let mismatch = stored.kind === 'unusable' ? stored.reason : undefined;
  if (stored.kind === 'ok') {
    const { logBytes, tail } = stored.snapshot;
    if (logBytes > log.size) mismatch = 'the log is shorter than when the snapshot was taken';
    else {
      const checked = readLogRange(log, Math.max(0, logBytes - SNAPSHOT_CHECK_BYTES), logBytes);
      bytesChecked = checked.length;
      if (tailText(checked) !== tail) mismatch = 'the log was changed before its end';
    }
  }
  if (stored.kind === 'ok' && mismatch === undefined) {
    const snapshot = stored.snapshot;
    const tail = readLines(log, snapshot.logBytes, snapshot.lines + 1, renames);
    const state = snapshot.state;
    // Entries appended out of order (an import from another machine, an undo of an older answer) need the whole log.
    if (foldAppended(state, tail.complete, (id) => mayContainId(snapshot.ids, id))) {
      const problems = [...snapshot.problems, ...tail.scan.problems];
      if (tail.scan.endOfLines > snapshot.logBytes) save(file, log, key, tail.scan, problems.filter((problem) => problem.line <= tail.scan.lines), state, hashIds(idsOf(tail.complete), snapshot.ids));
      const known = (id: string) => mayContainId(snapshot.ids, id) || tail.complete.some((entry) => entry.id === id);
      const view = withUnterminated(state, tail.unterminated, known, currentItems);
      if (view) return { replayed: { view, bytesReplayed: tail.scan.bytesRead, bytesChecked }, problems };
      // Edit matching joined two items' answers: only the whole log gives their schedule in time order.
      const whole = readReviewLog(log.path);
      return { replayed: { view: deriveProgress(renames(whole.entries), currentItems), bytesReplayed: tail.scan.bytesRead + (whole.bytesRead ?? 0), bytesChecked }, problems };
    }
  }
  if (mismatch !== undefined) study.warn(`progress log ${log.path}: its snapshot (a summary swelearn keeps in ${study.environment.paths.cache} to open the log fast) no longer matches, because ${mismatch}; it was rebuilt from the whole log, and nothing was lost`);
  const whole = readLines(log, 0, 1, renames);
  const state = foldLog(whole.complete);
  save(file, log, key, whole.scan, whole.scan.problems.filter((problem) => problem.line <= whole.scan.lines), state, hashIds(idsOf(whole.complete)));
  const ids = new Set(idsOf(whole.complete));
  const view = withUnterminated(state, whole.unterminated, (id) => ids.has(id), currentItems) ?? deriveProgress([...whole.complete, ...whole.unterminated], currentItems);
  return { replayed: { view, bytesReplayed: whole.scan.bytesRead, bytesChecked, ...(mismatch === undefined ? {} : { rebuiltBecause: mismatch }) }, problems: whole.scan.problems };
}

// The lines from `from`, entries renamed through the bundled table; a complete entry that only lacks its newline is kept apart (the snapshot ends at a newline).
function readLines(log: Opened, from: number, firstLine: number, renames: Renaming): { complete: LogEntry[]; unterminated: LogEntry[]; scan: LogScan } {
  const complete: LogEntry[] = [];
  const unterminated: LogEntry[] = [];
  const scan = scanReviewLog(log, from, firstLine, (entry, whole) => (whole ? complete : unterminated).push(entry));
  return { complete: renames(complete), unterminated: renames(unterminated), scan };
}

type Renaming = (entries: readonly LogEntry[]) => LogEntry[];

// Entries renamed through the bundled tables, which are read only when an entry names an id no current item has:
// a table maps only ids that are no item's any more (test/content checks the bundled ones), so the others never change.
function lazyRenames(study: StudyContext, currentItems: readonly ItemText[]): Renaming {
  let current: Set<string> | undefined;
  let table: ItemRenames | undefined;
  return (entries) => {
    current ??= new Set(currentItems.map((item) => item.id));
    const known = current;
    if (entries.every((entry) => entry.type === 'undo' || known.has(entry.item))) return [...entries];
    table ??= bundledItemRenames(study);
    return renameLoggedItems(entries, table);
  };
}

function save(file: string, log: Opened, key: string, scan: LogScan, problems: LogProblem[], state: FoldState, ids: Uint32Array): void {
  const logBytes = scan.endOfLines;
  const tail = tailText(readLogRange(log, Math.max(0, logBytes - SNAPSHOT_CHECK_BYTES), logBytes));
  const snapshot: ReviewSnapshot = { logBytes, lines: scan.lines, tail, key, problems, state, ids };
  writeSnapshot(file, snapshot);
}

// Saved first, then the unterminated last entry folded in memory only; undefined when the whole log must be replayed.
function withUnterminated(state: FoldState, unterminated: LogEntry[], known: (id: string) => boolean, currentItems: readonly ItemText[]): ProgressView | undefined {
  if (unterminated.length > 0 && !foldAppended(state, unterminated, known)) return undefined;
  return viewFold(state, currentItems);
}

function idsOf(entries: readonly LogEntry[]): string[] {
  return entries.flatMap((entry) => (entry.type === 'undo' ? [] : [entry.id]));
}
