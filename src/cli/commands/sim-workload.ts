import { parseDurationMs } from '../../core/dns-sim/duration.js';
import { formatWorkloadText } from '../../core/dns-sim/workload/format-workload.js';
import { toWorkloadJson } from '../../core/dns-sim/workload/workload-json.js';
import { buildWorkloadReport } from '../../core/dns-sim/workload/workload-report.js';
import type { WorkloadConfig } from '../../core/dns-sim/workload/workload-types.js';
import { stripControl } from '../../core/text/sanitize.js';
import type { CliContext } from '../context.js';
import { UsageError } from '../../app/errors.js';
import { textLayout } from '../format/layout.js';
import { terminalWorkloadProgress } from '../format/progress-line.js';
import { parseCommand } from '../parse-flags.js';
import { SIM_WORKLOAD } from '../table/sim-commands.js';
import { groupDigits } from '../../core/text/group-digits.js';

// Defaults: a busy office resolver; every one is overridden by its flag.
const DEFAULTS = { queries: 1_000_000, names: 10_000, alpha: 0.9, ttlSeconds: 300, qps: 1000, seed: 1 };
// 28 bytes a name while running: a million names is a 28 MB model. 100 million queries take a few seconds a variant.
const MAX_NAMES = 1_000_000;
const MAX_QUERIES = 100_000_000;
// RFC 2181 section 8: a TTL is an unsigned 31-bit number of seconds.
const MAX_TTL_SECONDS = 2 ** 31 - 1;

/** `swelearn sim --workload zipf`: a traffic-level model of a resolver cache (hit rate, upstream load, latency). */
export async function runSimWorkload(argv: string[], ctx: CliContext): Promise<number> {
  const args = parseCommand(SIM_WORKLOAD, argv);
  const { usage } = args;
  if (args.positionals.length > 0) throw new UsageError(`sim --workload takes no name, got "${stripControl(args.positionals[0]!)}"`, usage);
  const config: WorkloadConfig = {
    queries: readCount(args.text('queries'), '--queries', 1, MAX_QUERIES, usage) ?? DEFAULTS.queries,
    names: readCount(args.text('names'), '--names', 1, MAX_NAMES, usage) ?? DEFAULTS.names,
    alpha: readPositive(args.text('alpha'), '--alpha', 'a Zipf exponent above 0, such as 0.9', 10, usage) ?? DEFAULTS.alpha,
    ttlSeconds: readTtl(args.text('ttl'), usage) ?? DEFAULTS.ttlSeconds,
    qps: readPositive(args.text('qps'), '--qps', 'a query rate above 0, such as 500', 10_000_000, usage) ?? DEFAULTS.qps,
    prefetch: args.has('prefetch'),
    serveStale: args.has('serve-stale'),
    seed: readCount(args.text('seed'), '--seed', 0, 2 ** 31 - 1, usage) ?? DEFAULTS.seed,
  };
  const plain = args.has('plain');
  const ascii = plain || ctx.environment.ascii;
  const { width } = textLayout(ctx, args.integer('width'));
  // One chart column per TTL: as wide as the terminal allows, within reason.
  const columns = Math.max(24, Math.min(72, width - 8));
  // Progress goes to stderr only on a terminal; stdout, and so the report, is the same either way.
  const progress = ctx.stderrIsTTY ? terminalWorkloadProgress(ctx, ctx.elapsedMs ?? (() => performance.now())) : undefined;
  const report = buildWorkloadReport(config, columns, undefined, progress);
  if (args.has('json')) ctx.out(`${JSON.stringify(toWorkloadJson(report), null, 2)}\n`);
  else ctx.out(formatWorkloadText(report, { color: ctx.color && !plain, ascii, width }));
  return 0;
}

/** A whole number written as 1000000, 1_000_000, 1,000,000 or 1e6. */
function readCount(value: string | undefined, flag: string, min: number, max: number, usage: string): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim().replace(/[_,]/g, '');
  const number = /^\d+(\.\d+)?(e\d+)?$/i.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new UsageError(`${flag} takes a whole number from ${groupDigits(min)} to ${groupDigits(max)}, got "${stripControl(value)}"`, usage);
  }
  return number;
}

function readPositive(value: string | undefined, flag: string, what: string, max: number, usage: string): number | undefined {
  if (value === undefined) return undefined;
  const number = /^\s*(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?\s*$/i.test(value) ? Number(value) : Number.NaN;
  if (!(number > 0) || number > max) throw new UsageError(`${flag} takes ${what} (at most ${groupDigits(max)}), got "${stripControl(value)}"`, usage);
  return number;
}

function readTtl(value: string | undefined, usage: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseDurationMs(value);
  if (ms === undefined || ms % 1000 !== 0 || ms < 1000 || ms / 1000 > MAX_TTL_SECONDS) {
    throw new UsageError(`--ttl takes whole seconds from 1 to ${MAX_TTL_SECONDS} (300, 5m, 1h), got "${stripControl(value)}"`, usage);
  }
  return ms / 1000;
}
