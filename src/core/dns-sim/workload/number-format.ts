import { groupDigits } from '../../text/group-digits.js';

/** A rate in [0, 1] as a percentage with two decimals: 0.98978 -> "98.98%". */
export function showPercent(rate: number): string {
  return `${(rate * 100).toFixed(2)}%`;
}

/** A latency: "1.0 ms", "27 ms", "1.24 s". */
export function showMs(ms: number): string {
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Queries per second: "0.0012", "0.25", "8.4", "1,234". */
export function showQps(qps: number): string {
  if (qps < 0.1) return String(Number(qps.toPrecision(2)));
  if (qps < 10) return qps.toFixed(2);
  if (qps < 100) return qps.toFixed(1);
  return groupDigits(qps);
}

/** A virtual duration: "42.1 s", "16 min 40 s", "2 h 5 min", "3 d 4 h". */
export function showSeconds(seconds: number): string {
  if (seconds < 60) return `${Number(seconds.toFixed(1))} s`;
  const whole = Math.round(seconds);
  if (whole < 3600) return joinUnits(Math.floor(whole / 60), 'min', whole % 60, 's');
  if (whole < 86_400) return joinUnits(Math.floor(whole / 3600), 'h', Math.round((whole % 3600) / 60), 'min');
  return joinUnits(Math.floor(whole / 86_400), 'd', Math.round((whole % 86_400) / 3600), 'h');
}

function joinUnits(big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small === 0 ? `${big} ${bigUnit}` : `${big} ${bigUnit} ${small} ${smallUnit}`;
}

/** A TTL as an axis label: "1s", "30s", "5m", "1h", "1d". */
export function showTtlShort(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)}s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)}m`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)}h`;
  return `${Math.round(seconds / 86_400)}d`;
}

/** A count and its noun: "1 name", "10,000 names", "1 query", "2 queries". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${groupDigits(count)} ${count === 1 ? singular : plural}`;
}
