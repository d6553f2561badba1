import { cacheOperationsOf } from '../../../core/dns-sim/events.js';
import type { SimulationResult } from '../../../core/dns-sim/simulate.js';

/** What a run came to, for comparing it with the run before a what-if. */
export interface RunSummary {
  /** Each question's status, in order: "NXDOMAIN, NXDOMAIN". */
  status: string;
  /** Time the application waited, over all questions. */
  durationMs: number;
  /** Queries the recursive resolver (or a forwarder) sent to name servers. */
  upstreamQueries: number;
  cacheHits: number;
}

/** Summarises a run: each question's status, the time all questions waited, and the work done for them. */
export function summariseRun(result: SimulationResult): RunSummary {
  return {
    status: result.outcomes.map((outcome) => outcome.status.toUpperCase()).join(', ') || 'NONE',
    durationMs: result.outcomes.reduce((sum, outcome) => sum + outcome.durationMs, 0),
    upstreamQueries: result.events.filter((event) => event.type === 'query-sent' && event.from.role === 'resolver').length,
    cacheHits: result.events.filter((event) => cacheOperationsOf(event).some((op) => op.op === 'hit')).length,
  };
}

/** One line saying what changed between two runs, or that nothing did: "before: ANSWER 257 ms, 3 upstream, 0 hits -> now: ...". */
export function describeChange(before: RunSummary, after: RunSummary, showMs: (ms: number) => string, arrow = '->'): string {
  const side = (summary: RunSummary) => `${summary.status} ${showMs(summary.durationMs)}, ${summary.upstreamQueries} upstream, ${summary.cacheHits} hit${summary.cacheHits === 1 ? '' : 's'}`;
  const same = before.status === after.status && before.durationMs === after.durationMs && before.upstreamQueries === after.upstreamQueries && before.cacheHits === after.cacheHits;
  return same ? `no change: ${side(after)}` : `before: ${side(before)}  ${arrow}  now: ${side(after)}`;
}
