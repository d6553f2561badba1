import { exportAnkiTsv, exportCsv, exportJson } from '../../core/quiz/progress/export-formats.js';
import { stripControl } from '../../core/text/sanitize.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../../app/errors.js';
import { parseCommand } from '../parse-flags.js';
import { EXPORT } from '../table/study-commands.js';
import { loadStudyData } from '../../app/study/study-data.js';
import { studyContext } from '../study-context.js';

/** `swelearn export`: the review log as JSON (for import elsewhere), CSV (spreadsheets) or Anki's TSV (the items as notes). */
export async function runExport(argv: string[], ctx: CliContext): Promise<number> {
  const args = parseCommand(EXPORT, argv);
  if (args.positionals.length > 0) throw new UsageError(`export writes to standard output and takes no file, got "${stripControl(args.positionals[0]!)}" (use: swelearn export > FILE)`, args.usage);
  const format = args.choice('format') ?? 'json';
  const nowMs = ctx.environment.clock().now();
  const { items, entries, progress } = await loadStudyData(studyContext(ctx));
  if (format === 'json') ctx.out(exportJson(entries, progress, nowMs));
  else if (format === 'csv') ctx.out(exportCsv(progress.reviews));
  else ctx.out(exportAnkiTsv(items, progress));
  return 0;
}
