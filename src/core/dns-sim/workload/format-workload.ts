import { drawHitRateChart } from './hit-rate-chart.js';
import { groupDigits } from '../../text/group-digits.js';
import { countOf, showMs, showPercent, showQps, showSeconds } from './number-format.js';
import type { WorkloadVariant } from './simulate-workload.js';
import type { WorkloadReport } from './workload-report.js';
import type { WorkloadResult } from './workload-types.js';

/** How the text report may draw. */
export interface WorkloadTextOptions {
  color: boolean;
  ascii: boolean;
  /** Columns to wrap the prose rows to (hanging under their label). */
  width: number;
}

type Row = (label: string, text: string) => string;
const LABEL_COLUMNS = 16;

/** The report for people: the baseline against the closed form, what the options change, and the curve. */
export function formatWorkloadText(report: WorkloadReport, options: WorkloadTextOptions): string {
  const bold = (text: string) => (options.color ? `\u001b[1m${text}\u001b[0m` : text);
  const { config, variants } = report;
  const base = variants[0]!.result;
  const model = base.model;
  const row: Row = (label, text) => wrapText(text, options.width, label.padEnd(LABEL_COLUMNS), ' '.repeat(LABEL_COLUMNS));
  const heading = (text: string) => wrapText(text, options.width, '', '  ').split('\n').map(bold).join('\n');
  const lines = [
    bold(`swelearn sim --workload zipf`),
    wrapText(`${countOf(config.queries, 'client query', 'client queries')}, Poisson at ${showQps(config.qps)} qps over ${showSeconds(base.durationSeconds)} of virtual time`, options.width, '  ', '  '),
    wrapText(`Zipf(${config.alpha}) over ${countOf(config.names, 'name')}, TTL ${groupDigits(config.ttlSeconds)} s, seed ${config.seed}, cold cache at the start`, options.width, '  ', '  '),
    '',
    ...resultLines(base, row),
    ...coldStartNote(base, row),
    row('model', `hit ${showMs(model.cacheHitMs)}; miss ${showMs(model.cacheHitMs)} + upstream lognormal (median ${model.upstreamMedianMs} ms, sigma ${model.upstreamSigma}), ${model.upstreamLossRate * 100}% retried after ${model.retryTimeoutMs} ms`),
  ];
  if (variants.length > 1) {
    const options = [config.prefetch ? 'prefetch' : '', config.serveStale ? 'serve-stale' : ''].filter(Boolean);
    const title = `what ${options.join(' and ')} ${options.length > 1 ? 'change' : 'changes'} (the same queries, seed ${config.seed})`;
    lines.push('', heading(title), ...comparisonTable(variants), '', ...explanations(variants, row));
  }
  lines.push('', heading(`hit rate against TTL (closed form; Zipf(${config.alpha}), ${countOf(config.names, 'name')}, ${showQps(config.qps)} qps)`));
  lines.push(...drawHitRateChart(report.curve, config.ttlSeconds, `--ttl ${groupDigits(config.ttlSeconds)} s`, options));
  return `${lines.join('\n')}\n`;
}

/** Word-wraps text to the width, the first line after `first` and the others after `rest`. */
function wrapText(text: string, width: number, first: string, rest: string): string {
  const lines: string[] = [];
  let current = first;
  let empty = true;
  for (const word of text.split(' ')) {
    if (!empty && current.length + 1 + word.length > Math.max(40, width)) {
      lines.push(current);
      current = rest + word;
    } else current = empty ? current + word : `${current} ${word}`;
    empty = false;
  }
  lines.push(current);
  return lines.join('\n');
}

function resultLines(result: WorkloadResult, row: Row): string[] {
  const { counts } = result;
  const gap = Math.abs(result.hitRate - result.closedFormHitRate) * 100;
  const waited = counts.firstTimeMisses + counts.expiredMisses + counts.coalesced;
  const latency = result.latencyMs;
  return [
    row('hit rate', `${showPercent(result.hitRate)} simulated   ${showPercent(result.closedFormHitRate)} closed form   ${gap.toFixed(2)} points apart`),
    row('clients waited', `${groupDigits(waited)} (${showPercent(result.clientWaitRate)}): ${countOf(counts.firstTimeMisses, 'first-time name')}, ${groupDigits(counts.expiredMisses)} expired, ${groupDigits(counts.coalesced)} joined a fetch in flight`),
    row('upstream', `${countOf(counts.upstreamQueries, 'fetch', 'fetches')}, ${showQps(result.upstreamQps)} qps (${showPercent(counts.upstreamQueries / Math.max(1, counts.queries))} of client queries)`),
    row('latency', `p50 ${showMs(latency.p50)}   p90 ${showMs(latency.p90)}   p99 ${showMs(latency.p99)}   p99.9 ${showMs(latency.p999)}   mean ${showMs(latency.mean)}`),
  ];
}

function coldStartNote(result: WorkloadResult, row: Row): string[] {
  // The closed form is the long-run rate of a warm cache; a run short against the TTL or the number
  // of names is dominated by the cold start, and the learner should see why the two disagree.
  if (Math.abs(result.hitRate - result.closedFormHitRate) <= 0.01) return [];
  const firstTime = result.counts.firstTimeMisses / Math.max(1, result.counts.queries);
  return [row('note', `the closed form is the long-run rate of a warm cache; here first-time names alone are ${showPercent(firstTime)} of the queries (the cache starts cold): more queries bring the two together`)];
}

function comparisonTable(variants: WorkloadVariant[]): string[] {
  const rows: [string, (result: WorkloadResult) => string][] = [
    ['fresh hits', (r) => showPercent(r.hitRate)],
    ['answered from cache', (r) => showPercent(r.answeredFromCacheRate)],
    ['clients waited', (r) => showPercent(r.clientWaitRate)],
    ['upstream qps', (r) => showQps(r.upstreamQps)],
    ['latency p50', (r) => showMs(r.latencyMs.p50)],
    ['latency p99', (r) => showMs(r.latencyMs.p99)],
    ['latency p99.9', (r) => showMs(r.latencyMs.p999)],
  ];
  const widths = variants.map((variant) => Math.max(variant.label.length, 9));
  const header = `${''.padEnd(20)}${variants.map((variant, i) => `  ${variant.label.padStart(widths[i]!)}`).join('')}`;
  return [header, ...rows.map(([label, cell]) => `${label.padEnd(20)}${variants.map((variant, i) => `  ${cell(variant.result).padStart(widths[i]!)}`).join('')}`)];
}

function explanations(variants: WorkloadVariant[], row: Row): string[] {
  const base = variants[0]!.result;
  const lines: string[] = [];
  for (const { label, result } of variants.slice(1)) {
    if (label === 'prefetch + serve-stale') continue;
    const upstream = `upstream ${showQps(base.upstreamQps)} -> ${showQps(result.upstreamQps)} qps`;
    if (label === 'prefetch') {
      lines.push(result.config.ttlSeconds < 10
        ? row('prefetch', `changes nothing at TTL ${result.config.ttlSeconds} s: Unbound prefetches after ttl - ttl/10 whole seconds, the whole TTL when it is under 10 s`)
        : row('prefetch', `fresh hits ${showPercent(base.hitRate)} -> ${showPercent(result.hitRate)}, ${upstream}: a hit in the last tenth of a TTL refreshes the name, so names asked for often enough never expire (${groupDigits(result.counts.prefetches)} prefetches)`));
    } else {
      lines.push(row('serve-stale', `clients waited ${showPercent(base.clientWaitRate)} -> ${showPercent(result.clientWaitRate)}, ${upstream}: an expired answer goes out at once (RFC 8767) while one refresh runs behind it; the clients still waiting asked for a name never cached, or joined its first fetch`));
    }
  }
  return lines;
}
