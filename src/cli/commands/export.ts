import { exportAnkiTsv, exportCsv, exportJson } from '../../core/quiz/progress/export-formats.js';
import { stripControl } from '../../core/text/sanitize.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../../app/errors.js';
import { usageOf } from '../help.js';
import { oneOf, parseFlags } from '../parse-flags.js';
import { loadStudyData } from '../../app/study/study-data.js';
import { studyContext } from '../study-context.js';

/** `swelearn export`: the review log as JSON (for import elsewhere), CSV (spreadsheets) or Anki's TSV (the items as notes). */
export async function runExport(argv: string[], ctx: CliContext): Promise<number> {
  const usage = usageOf('export');
  const { values, positionals } = parseFlags(argv, { format: { type: 'string' } }, usage);
  if (positionals.length > 0) throw new UsageError(`export writes to standard output and takes no file, got "${stripControl(positionals[0]!)}" (use: swelearn export > FILE)`, usage);
  const format = oneOf(values.format, ['json', 'csv', 'anki-tsv'] as const, '--format', usage) ?? 'json';
  const nowMs = ctx.environment.clock().now();
  const { items, entries, progress } = await loadStudyData(studyContext(ctx));
  if (format === 'json') ctx.out(exportJson(entries, progress, nowMs));
  else if (format === 'csv') ctx.out(exportCsv(progress.reviews));
  else ctx.out(exportAnkiTsv(items, progress));
  return 0;
}
