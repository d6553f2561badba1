import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../../../src/core/dns-sim/workload/random-stream.js';
import { buildAliasTable, sampleAlias, zipfProbabilities } from '../../../../src/core/dns-sim/workload/zipf.js';

/** The probability an alias table gives each index: its own kept share plus the shares aliased to it, over n. */
function impliedProbabilities(table: ReturnType<typeof buildAliasTable>): number[] {
  const n = table.threshold.length;
  const implied = Array.from({ length: n }, () => 0);
  for (let i = 0; i < n; i++) {
    implied[i]! += table.threshold[i]! / n;
    implied[table.alias[i]!]! += (1 - table.threshold[i]!) / n;
  }
  return implied;
}

describe('Zipf popularity', () => {
  it.each([0.5, 0.9, 1, 1.2, 2])('at alpha %d sums to 1 and falls as rank^-alpha', (alpha) => {
    const p = zipfProbabilities(1000, alpha);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[0]! / p[1]!).toBeCloseTo(2 ** alpha, 10);
    expect(p[9]! / p[99]!).toBeCloseTo(10 ** alpha, 8);
  });

  it.each([[1], [7], [1000], [100_000]])('has an alias table over %d names that reproduces the probabilities exactly', (names) => {
    const p = zipfProbabilities(names, 1.1);
    const implied = impliedProbabilities(buildAliasTable(p));
    for (let i = 0; i < names; i++) expect(implied[i]).toBeCloseTo(p[i]!, 12);
  });

  it('draws names with Zipf frequencies (chi-square over 50 names, 500,000 draws)', () => {
    const names = 50;
    const draws = 500_000;
    const p = zipfProbabilities(names, 1);
    const table = buildAliasTable(p);
    const stream = new RandomStream(12345);
    const seen = new Float64Array(names);
    for (let i = 0; i < draws; i++) seen[sampleAlias(table, stream)]! += 1;
    let chiSquare = 0;
    for (let i = 0; i < names; i++) chiSquare += (seen[i]! - draws * p[i]!) ** 2 / (draws * p[i]!);
    // 49 degrees of freedom: the 99.9th percentile of chi-square is 85.4.
    expect(chiSquare).toBeLessThan(85.4);
    // And a uniform sampler would fail it by orders of magnitude.
    let uniformChiSquare = 0;
    for (let i = 0; i < names; i++) uniformChiSquare += (draws / names - draws * p[i]!) ** 2 / (draws * p[i]!);
    expect(uniformChiSquare).toBeGreaterThan(10_000);
  });
});
