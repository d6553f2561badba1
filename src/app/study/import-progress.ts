import { parseImportFile, type ImportedProgress } from '../../core/quiz/progress/import-file.js';
import type { LogEntry } from '../../core/quiz/progress/log-entry.js';
import { makeFolder } from '../../io/make-folder.js';
import { withImportLock } from '../../io/progress/import-lock.js';
import { readImportFile } from '../../io/progress/read-import-file.js';
import { describeFsError } from '../../io/progress/read-review-log.js';
import { openReviewLog } from '../../io/progress/review-log-writer.js';
import { UserError } from '../errors.js';
import { readProgress } from './progress.js';
import type { StudyContext } from './study-context.js';

const CHUNK = 500;

/** What an import did: entries new to this log, those it already had, and the ones the file could not give. */
export interface ImportReport {
  /** Answers, items whose time ran out, undos, and suspensions, unsuspensions and burials appended to the log. */
  answers: number;
  timeouts: number;
  undos: number;
  holds: number;
  /** Entries in the file that the log already had. */
  already: number;
  /** Usable entries in the file. */
  usable: number;
  /** Entries of the file that could not be used (each was warned about, up to five). */
  problems: ImportedProgress['problems'];
  /** The log written to, when anything was. */
  logPath?: string;
}

/** Appends the entries of an export (or another machine's log) that this log does not have yet; `shown` names the file in messages, and skipped entries are warned about. */
export function importProgress(study: StudyContext, file: string, shown: string): ImportReport {
  const read = readImportFile(study.environment.resolvePath(file));
  if (!read.ok) throw new UserError(`cannot read ${shown}: ${read.reason}`);
  const text = read.text;
  let imported;
  try {
    imported = parseImportFile(text);
  } catch (error) {
    throw new UserError(`cannot import ${shown}: ${(error as Error).message}`);
  }
  for (const problem of imported.problems.slice(0, 5)) study.warn(`${shown}: ${problem.where} skipped: ${problem.reason}`);
  if (imported.problems.length > 5) study.warn(`${shown}: ${imported.problems.length - 5} more entries skipped`);
  if (imported.entries.length === 0) return { answers: 0, timeouts: 0, undos: 0, holds: 0, already: 0, usable: 0, problems: imported.problems };
  const progressDir = study.environment.paths.progress;
  try {
    makeFolder(progressDir);
  } catch (error) {
    throw new UserError(`cannot import: cannot create ${progressDir}: ${describeFsError(error)}`);
  }
  // Reading the log and appending what it lacks must be one step, or two imports of one file both append it.
  try {
    return withImportLock(progressDir, () => appendFresh(study, imported));
  } catch (error) {
    if (UserError.is(error)) throw error;
    throw new UserError(`cannot import: ${describeFsError(error)}`);
  }
}

function appendFresh(study: StudyContext, imported: ImportedProgress): ImportReport {
  const existing = new Set(readProgress(study).entries.map((entry) => entry.id));
  const fresh = imported.entries.filter((entry) => {
    if (existing.has(entry.id)) return false;
    existing.add(entry.id);
    return true;
  });
  const report = { answers: 0, timeouts: 0, undos: 0, holds: 0, already: imported.entries.length - fresh.length, usable: imported.entries.length, problems: imported.problems };
  if (fresh.length === 0) return report;
  const opened = openReviewLog(study.environment.paths.progress);
  if (!opened.ok) throw new UserError(`cannot import: ${opened.reason}`);
  try {
    for (let start = 0; start < fresh.length; start += CHUNK) {
      const result = opened.writer.append(fresh.slice(start, start + CHUNK));
      if (!result.ok) throw new UserError(`import stopped after ${start} entries: ${result.reason}`);
    }
  } finally {
    opened.writer.close();
  }
  const count = (type: LogEntry['type']) => fresh.filter((entry) => entry.type === type).length;
  return { ...report, answers: count('review'), timeouts: count('timed-out'), undos: count('undo'), holds: count('suspend') + count('unsuspend') + count('bury'), logPath: opened.writer.path };
}
