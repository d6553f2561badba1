import { describe, expect, it } from 'vitest';
import { expectNoCrashText, hasEscape, runCli } from './run-cli.js';

// Small runs keep the spawned binary quick; the N = 1,000,000 agreement lives in the core tests.
const SMALL = ['sim', '--workload', 'zipf', '--queries', '100000', '--names', '2000', '--ttl', '60', '--qps', '500'];

interface JsonResult {
  variant: string;
  hitRate: number;
  closedFormHitRate: number;
  clientWaitRate: number;
  upstreamQps: number;
  counts: { queries: number; firstTimeMisses: number };
  latencyMs: { p50: number; p90: number; p99: number; p999: number };
}

function json(args: string[]): { config: Record<string, unknown>; results: JsonResult[]; curve: { ttlSeconds: number; closedFormHitRate: number }[] } {
  const run = runCli(args);
  expect(run.code).toBe(0);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

describe('swelearn sim --workload', () => {
  it('prints hit rate (simulated and closed form), upstream qps, percentiles and the chart as plain text when piped', () => {
    const run = runCli(SMALL);
    expectNoCrashText(run);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(hasEscape(run.stdout)).toBe(false);
    expect(run.stdout).toContain('100,000 client queries, Poisson at 500 qps over ');
    expect(run.stdout).toMatch(/^hit rate +\d+\.\d\d% simulated +\d+\.\d\d% closed form +\d\.\d\d points apart$/m);
    expect(run.stdout).toMatch(/^upstream +[\d,]+ fetches, [\d.]+ qps/m);
    expect(run.stdout).toMatch(/^latency +p50 1\.0 ms +p90 .+ p99 .+ p99\.9 /m);
    expect(run.stdout).toContain('hit rate against TTL');
    expect(run.stdout).toMatch(/█/);
    expect(run.stdout).toMatch(/↑ --ttl 60 s/);
  });

  it.each([
    ['SWELEARN_ASCII=1', { SWELEARN_ASCII: '1' }, []],
    ['--plain, even with colour forced', { FORCE_COLOR: '1' }, ['--plain']],
  ])('draws the chart in ASCII with %s', (_name, env, extra) => {
    const run = runCli([...SMALL, ...extra], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^[\x20-\x7e\n]*$/);
    expect(run.stdout).toContain('#');
    expect(run.stdout).toContain('^ --ttl 60 s');
  });

  it('uses colour only when forced, and never with NO_COLOR or --plain', () => {
    expect(hasEscape(runCli(SMALL, { env: { FORCE_COLOR: '1' } }).stdout)).toBe(true);
    expect(hasEscape(runCli(SMALL, { env: { NO_COLOR: '1' } }).stdout)).toBe(false);
    expect(hasEscape(runCli([...SMALL, '--plain'], { env: { FORCE_COLOR: '1' } }).stdout)).toBe(false);
  });

  it('prints JSON with the config, the results and the curve; the same seed gives the same bytes', () => {
    const first = runCli([...SMALL, '--json', '--seed', '7']);
    expect(runCli([...SMALL, '--json', '--seed', '7']).stdout).toBe(first.stdout);
    expect(runCli([...SMALL, '--json', '--seed', '8']).stdout).not.toBe(first.stdout);
    const doc = JSON.parse(first.stdout);
    expect(doc.config).toEqual({ queries: 100_000, names: 2000, alpha: 0.9, ttlSeconds: 60, qps: 500, prefetch: false, serveStale: false, seed: 7 });
    expect(doc.results).toHaveLength(1);
    expect(doc.results[0].counts.queries).toBe(100_000);
    expect(Math.abs(doc.results[0].hitRate - doc.results[0].closedFormHitRate)).toBeLessThan(0.02);
  });

  it('shows what prefetch and serve-stale change against the same traffic', () => {
    const doc = json([...SMALL, '--prefetch', '--serve-stale', '--json']);
    const [base, prefetch, stale, both] = doc.results;
    expect(doc.results.map((result) => result.variant)).toEqual(['baseline', 'prefetch', 'serve-stale', 'prefetch + serve-stale']);
    expect(prefetch!.hitRate).toBeGreaterThan(base!.hitRate);
    expect(stale!.clientWaitRate).toBeLessThan(base!.clientWaitRate / 2);
    expect(both!.clientWaitRate).toBeLessThanOrEqual(stale!.clientWaitRate);
    const text = runCli([...SMALL, '--prefetch']).stdout;
    expect(text).toContain('what prefetch changes (the same queries, seed 1)');
    expect(text).toMatch(/^prefetch +fresh hits [\d.]+% -> [\d.]+%, upstream /m);
  });

  it('takes counts as 1e5 or 100_000 and the TTL as a duration', () => {
    const doc = json(['sim', '--workload=zipf', '--queries', '1e5', '--names', '2_000', '--ttl', '5m', '--qps', '250.5', '--alpha', '1.2', '--json']);
    expect(doc.config).toMatchObject({ queries: 100_000, names: 2000, ttlSeconds: 300, qps: 250.5, alpha: 1.2 });
  });

  it('is listed in the help, and its flags in the help of sim', () => {
    expect(runCli(['--help']).stdout).toContain('swelearn sim --workload zipf');
    expect(runCli(['sim', '--help']).stdout).toMatch(/swelearn sim --workload zipf \[options\][^]*--queries N +how many client queries/);
  });

  it.each([
    [['--workload', 'uniform'], '--workload must be one of zipf, got "uniform"'],
    [['--workload'], 'option --workload needs a value'],
    [['--workload', 'zipf', '--alpha', '0'], '--alpha takes a Zipf exponent above 0, such as 0.9 (at most 10), got "0"'],
    [['--workload', 'zipf', '--alpha', '-1'], '--alpha takes a Zipf exponent above 0'],
    [['--workload', 'zipf', '--alpha', 'steep'], '--alpha takes a Zipf exponent above 0'],
    [['--workload', 'zipf', '--qps', 'fast'], '--qps takes a query rate above 0'],
    [['--workload', 'zipf', '--qps', '0'], '--qps takes a query rate above 0'],
    [['--workload', 'zipf', '--queries', 'many'], '--queries takes a whole number from 1 to 100,000,000, got "many"'],
    [['--workload', 'zipf', '--queries', '1e10'], '--queries takes a whole number from 1 to 100,000,000'],
    [['--workload', 'zipf', '--queries', '2.5'], '--queries takes a whole number'],
    [['--workload', 'zipf', '--names', '0'], '--names takes a whole number from 1 to 1,000,000, got "0"'],
    [['--workload', 'zipf', '--ttl', '0'], '--ttl takes whole seconds from 1 to 2147483647 (300, 5m, 1h), got "0"'],
    [['--workload', 'zipf', '--ttl', '1.5'], '--ttl takes whole seconds'],
    [['--workload', 'zipf', '--ttl', 'soon'], '--ttl takes whole seconds'],
    [['--workload', 'zipf', '--seed', '-3'], '--seed takes a whole number from 0 to 2,147,483,647'],
    [['--workload', 'zipf', '--type', 'A'], 'unknown option --type'],
    [['--workload', 'zipf', 'www.example.com'], 'sim --workload takes no name, got "www.example.com"'],
  ])('rejects %j with one line and the usage, exit 2', (args, message) => {
    const run = runCli(['sim', ...args]);
    expectNoCrashText(run);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`swelearn: ${message}`);
    expect(lines[1]).toMatch(/^usage: swelearn sim --workload zipf /);
  });
});
