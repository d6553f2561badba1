import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseImportFile } from '../../core/quiz/import-file.js';
import { stripControl } from '../../core/text/sanitize.js';
import { resolveDataPaths } from '../../io/data-paths.js';
import { describeFsError } from '../../io/progress/read-review-log.js';
import { openReviewLog } from '../../io/progress/review-log-writer.js';
import type { CliContext } from '../context.js';
import { UsageError, UserError } from '../errors.js';
import { usageOf } from '../help.js';
import { parseFlags } from '../parse-flags.js';
import { loadProgress } from '../quiz/progress.js';

const CHUNK = 500;

/** `swelearn import FILE`: appends the entries of an export (or another machine's log) that this log does not have yet. */
export async function runImport(argv: string[], ctx: CliContext): Promise<number> {
  const usage = usageOf('import');
  const { positionals } = parseFlags(argv, {}, usage);
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'import needs a file, e.g. swelearn import progress.json' : 'import takes one file', usage);
  const file = resolve(ctx.cwd, positionals[0]!);
  const shown = stripControl(positionals[0]!);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read ${shown}: ${describeFsError(error)}`);
  }
  let imported;
  try {
    imported = parseImportFile(text);
  } catch (error) {
    throw new UserError(`cannot import ${shown}: ${(error as Error).message}`);
  }
  for (const problem of imported.problems.slice(0, 5)) ctx.err(`swelearn: ${shown}: ${problem.where} skipped: ${problem.reason}\n`);
  if (imported.problems.length > 5) ctx.err(`swelearn: ${shown}: ${imported.problems.length - 5} more entries skipped\n`);
  const existing = new Set(loadProgress(ctx, { write: false }).entries.map((entry) => entry.id));
  const fresh = imported.entries.filter((entry) => {
    if (existing.has(entry.id)) return false;
    existing.add(entry.id);
    return true;
  });
  const already = imported.entries.length - fresh.length;
  if (fresh.length === 0) {
    ctx.out(`Nothing new to import: ${imported.entries.length === 0 ? 'the file holds no usable entries' : `all ${imported.entries.length} entries are already in your log`}.\n`);
    return imported.problems.length > 0 && imported.entries.length === 0 ? 1 : 0;
  }
  const opened = openReviewLog(resolveDataPaths(ctx.env).progress);
  if (!opened.ok) throw new UserError(`cannot import: ${opened.reason}`);
  try {
    for (let start = 0; start < fresh.length; start += CHUNK) {
      const result = opened.writer.append(fresh.slice(start, start + CHUNK));
      if (!result.ok) throw new UserError(`import stopped after ${start} entries: ${result.reason}`);
    }
  } finally {
    opened.writer.close();
  }
  const answers = fresh.filter((entry) => entry.type === 'review').length;
  const undos = fresh.length - answers;
  ctx.out(`Imported ${answers} answer${answers === 1 ? '' : 's'}${undos ? ` and ${undos} undo${undos === 1 ? '' : 's'}` : ''} from ${shown}${already ? ` (${already} already in your log)` : ''} into ${opened.writer.path}.\n`);
  return 0;
}
