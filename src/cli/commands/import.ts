import { stripControl } from '../../core/text/sanitize.js';
import { importProgress } from '../../app/study/import-progress.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../../app/errors.js';
import { parseCommand } from '../parse-flags.js';
import { IMPORT } from '../table/study-commands.js';
import { studyContext } from '../study-context.js';

/** `swelearn import FILE`: appends the entries of an export (or another machine's log) that this log does not have yet. */
export async function runImport(argv: string[], ctx: CliContext): Promise<number> {
  const { positionals, usage } = parseCommand(IMPORT, argv);
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'import needs a file, e.g. swelearn import progress.json' : 'import takes one file', usage);
  const shown = stripControl(positionals[0]!);
  const report = importProgress(studyContext(ctx), positionals[0]!, shown);
  if (!report.logPath) {
    ctx.out(`Nothing new to import: ${report.usable === 0 ? 'the file holds no usable entries' : `all ${report.usable} entries are already in your log`}.\n`);
    return report.problems.length > 0 && report.usable === 0 ? 1 : 0;
  }
  const { answers, timeouts, undos, holds, already } = report;
  const others = [timeouts ? `${timeouts} timed-out item${timeouts === 1 ? '' : 's'}` : '', undos ? `${undos} undo${undos === 1 ? '' : 's'}` : '', holds ? `${holds} suspension${holds === 1 ? '' : 's'} or burial${holds === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
  ctx.out(`Imported ${answers} answer${answers === 1 ? '' : 's'}${others ? ` and ${others}` : ''} from ${shown}${already ? ` (${already} already in your log)` : ''} into ${report.logPath}.\n`);
  return 0;
}
