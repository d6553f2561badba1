import { exportAnkiTsv, exportCsv, exportJson } from '../../core/quiz/export-formats.js';
import { stripControl } from '../../core/text/sanitize.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { usageOf } from '../help.js';
import { oneOf, parseFlags } from '../parse-flags.js';
import { commandClock } from '../quiz/clock.js';
import { loadStudyData } from '../quiz/study-data.js';

/** `swelearn export`: the review log as JSON (for import elsewhere), CSV (spreadsheets) or Anki's TSV (the items as notes). */
export async function runExport(argv: string[], ctx: CliContext): Promise<number> {
  const usage = usageOf('export');
  const { values, positionals } = parseFlags(argv, { format: { type: 'string' } }, usage);
  if (positionals.length > 0) throw new UsageError(`export writes to standard output and takes no file, got "${stripControl(positionals[0]!)}" (use: swelearn export > FILE)`, usage);
  const format = oneOf(values.format, ['json', 'csv', 'anki-tsv'] as const, '--format', usage) ?? 'json';
  const nowMs = commandClock(ctx)();
  const { items, entries, progress } = await loadStudyData(ctx);
  if (format === 'json') ctx.out(exportJson(entries, progress, nowMs));
  else if (format === 'csv') ctx.out(exportCsv(progress.reviews));
  else ctx.out(exportAnkiTsv(items, progress));
  return 0;
}
