import { describe, expect, it } from 'vitest';
import { drawHitRateChart, nearestColumn } from '../../../../src/core/dns-sim/workload/hit-rate-chart.js';
import { formatWorkloadText } from '../../../../src/core/dns-sim/workload/format-workload.js';
import { showMs, showSeconds } from '../../../../src/core/dns-sim/workload/number-format.js';
import { groupDigits } from '../../../../src/core/text/group-digits.js';
import { buildWorkloadReport } from '../../../../src/core/dns-sim/workload/workload-report.js';
import { toWorkloadJson } from '../../../../src/core/dns-sim/workload/workload-json.js';

const config = { queries: 50_000, names: 2000, alpha: 0.9, ttlSeconds: 300, qps: 200, prefetch: false, serveStale: false, seed: 1 };
const points = [1, 10, 100, 1000].map((ttlSeconds, i) => ({ ttlSeconds, hitRate: [0, 0.5, 0.75, 1][i]! }));

describe('the hit-rate chart', () => {
  it('draws one column per TTL, full for 100%, empty for 0%, half for 50%', () => {
    const lines = drawHitRateChart(points, 100, '--ttl 100 s', { ascii: false, color: false, height: 4 });
    expect(lines).toHaveLength(4 + 3);
    const bars = lines.slice(0, 4).map((line) => line.slice(6).padEnd(4));
    expect(bars.map((bar) => bar[0])).toEqual([' ', ' ', ' ', ' ']);
    expect(bars.map((bar) => bar[1])).toEqual([' ', ' ', '█', '█']);
    expect(bars.map((bar) => bar[2])).toEqual([' ', '█', '█', '█']);
    expect(bars.map((bar) => bar[3])).toEqual(['█', '█', '█', '█']);
    expect(lines[0]).toMatch(/^100% │/);
    expect(lines[4]).toBe('  0% └────');
  });

  it('uses eighth blocks for partial rows, and only ASCII with ascii on', () => {
    const partial = [{ ttlSeconds: 1, hitRate: 0.0625 }];
    expect(drawHitRateChart(partial, 1, 'x', { ascii: false, color: false, height: 1 })[0]).toContain('▁');
    const ascii = drawHitRateChart(points, 100, '--ttl 100 s', { ascii: true, color: false });
    expect(ascii.join('\n')).toMatch(/^[\x20-\x7e\n]+$/);
    expect(ascii.join('\n')).toContain('#');
  });

  it('points at the column nearest the chosen TTL on the log axis', () => {
    expect(nearestColumn(points, 300)).toBe(2);
    expect(nearestColumn(points, 400)).toBe(3);
    const wide = [1, 10, 100, 1000, 10_000, 100_000].map((ttlSeconds) => ({ ttlSeconds, hitRate: 0.5 }));
    expect(drawHitRateChart(wide, 10, 'x', { ascii: true, color: false }).at(-1)).toBe(`${' '.repeat(6 + 1)}^ x`);
    // Near the right edge the label moves left of the arrow, to stay inside the chart.
    expect(drawHitRateChart(wide, 100_000, 'far', { ascii: true, color: false }).at(-1)).toBe(`${' '.repeat(6 + 5 - 4)}far ^`);
  });

  it('labels the TTL axis only under columns at those TTLs', () => {
    const wide = [1, 10, 100, 1000, 10_000, 100_000].map((ttlSeconds) => ({ ttlSeconds, hitRate: 0.5 }));
    // 10s would overlap 1s; 1m is more than half a decade from any column; 10m stands under 1000 s.
    expect(drawHitRateChart(wide, 1, 'x', { ascii: true, color: false }).at(-2)).toBe('      1s 10m');
    const many = Array.from({ length: 61 }, (_, i) => ({ ttlSeconds: 10 ** (i / 12), hitRate: 0.5 }));
    const ticks = drawHitRateChart(many, 1, 'x', { ascii: true, color: false }).at(-2)!;
    expect(ticks.trim().split(/\s+/)).toEqual(['1s', '10s', '1m', '10m', '1h', '1d']);
  });

  it('colours the chosen column only when colour is on', () => {
    expect(drawHitRateChart(points, 1000, 'x', { ascii: false, color: true }).join('')).toContain('\u001b[36m');
    expect(drawHitRateChart(points, 1000, 'x', { ascii: false, color: false }).join('')).not.toContain('\u001b');
  });
});

describe('the workload report', () => {
  const report = buildWorkloadReport(config, 30);

  it('prints the simulated and closed-form hit rates side by side, upstream qps and percentiles', () => {
    const text = formatWorkloadText(report, { color: false, ascii: false, width: 200 });
    const result = report.variants[0]!.result;
    expect(text).toContain(`hit rate        ${(result.hitRate * 100).toFixed(2)}% simulated   ${(result.closedFormHitRate * 100).toFixed(2)}% closed form`);
    expect(text).toMatch(/^upstream +[\d,]+ fetches, [\d.,]+ qps/m);
    expect(text).toMatch(/^latency +p50 1\.0 ms +p90 \S+ ms +p99 \S+ ms +p99\.9 \S+ ms/m);
    expect(text).not.toContain('what prefetch');
    expect(text).not.toContain('\u001b');
  });

  it('compares the baseline with each option asked for', () => {
    const both = buildWorkloadReport({ ...config, prefetch: true, serveStale: true }, 30);
    expect(both.variants.map((variant) => variant.label)).toEqual(['baseline', 'prefetch', 'serve-stale', 'prefetch + serve-stale']);
    const text = formatWorkloadText(both, { color: false, ascii: true, width: 200 });
    expect(text).toContain('what prefetch and serve-stale change');
    expect(text).toMatch(/^ +baseline +prefetch +serve-stale +prefetch \+ serve-stale$/m);
    expect(text).toMatch(/^prefetch +fresh hits /m);
    expect(text).toMatch(/^serve-stale +clients waited /m);
  });

  it('wraps the prose rows to the width, indented under their label', () => {
    const text = formatWorkloadText(buildWorkloadReport({ ...config, prefetch: true }, 30), { color: false, ascii: false, width: 60 });
    const prose = text.split('\n').filter((line) => !/[│└]|^ +[↑\d]|^ +baseline/.test(line));
    for (const line of prose) expect(line.length).toBeLessThanOrEqual(60);
    expect(text).toMatch(/^prefetch {8}\S.*\n {16}\S/m);
  });

  it('has a JSON form with every variant and the curve', () => {
    const json = toWorkloadJson(report) as { results: { variant: string; hitRate: number }[]; curve: unknown[] };
    expect(json.results.map((result) => result.variant)).toEqual(['baseline']);
    expect(json.results[0]!.hitRate).toBeCloseTo(report.variants[0]!.result.hitRate, 6);
    expect(json.curve).toHaveLength(30);
  });
});

describe('numbers for people', () => {
  it.each([[0, '0'], [999, '999'], [1000, '1,000'], [1234567, '1,234,567'], [-4200, '-4,200']])('groups %d as %s', (value, text) => {
    expect(groupDigits(value)).toBe(text);
  });

  it.each([[1, '1.0 ms'], [27.4, '27 ms'], [1240, '1.24 s']])('shows %d ms as %s', (ms, text) => expect(showMs(ms)).toBe(text));
  it.each([[42.14, '42.1 s'], [999, '16 min 39 s'], [7500, '2 h 5 min'], [3 * 86_400, '3 d']])('shows %d s as %s', (s, text) => expect(showSeconds(s)).toBe(text));
});
