import { groupDigits } from '../../core/text/group-digits.js';
import type { WorkloadProgress, WorkloadProgressUpdate } from '../../core/dns-sim/workload/workload-progress.js';
import type { CliContext } from '../context.js';

// Carriage return then "erase the whole line" (CSI 2 K): the line is rewritten in place and leaves nothing behind.
const REWRITE_LINE = '\r\u001b[2K';

/** The progress line of a workload run, cut to fit one row so the carriage return can rewrite it. */
export function workloadProgressLine(update: WorkloadProgressUpdate, width: number): string {
  const percent = Math.floor((update.done / Math.max(1, update.total)) * 100);
  const line = `simulating ${update.label}: ${percent}% (${groupDigits(update.done)} of ${groupDigits(update.total)} queries)`;
  return line.slice(0, Math.max(1, width - 1));
}

/** A progress sink that rewrites one line of stderr in place and erases it at the end. */
export function terminalWorkloadProgress(ctx: Pick<CliContext, 'err' | 'width'>, elapsedMs: () => number): WorkloadProgress {
  return {
    elapsedMs,
    show: (update) => ctx.err(`${REWRITE_LINE}${workloadProgressLine(update, ctx.width)}`),
    clear: () => ctx.err(REWRITE_LINE),
  };
}
