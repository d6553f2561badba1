import type { RandomStream } from './random-stream.js';

/** Zipf(alpha) popularity over `names` names: the name of rank k (from 1) has probability k^-alpha / H. */
export function zipfProbabilities(names: number, alpha: number): Float64Array {
  const probabilities = new Float64Array(names);
  let total = 0;
  for (let rank = 1; rank <= names; rank++) {
    const weight = rank ** -alpha;
    probabilities[rank - 1] = weight;
    total += weight;
  }
  for (let i = 0; i < names; i++) probabilities[i]! /= total;
  return probabilities;
}

/** Walker's alias table: one column per name, a threshold and an alias, for O(1) draws. */
export interface AliasTable {
  /** Chance that a draw landing in column i keeps i rather than taking alias[i]. */
  threshold: Float64Array;
  alias: Int32Array;
}

/** Builds an alias table for a probability vector with Vose's method (stable in floating point). */
export function buildAliasTable(probabilities: Float64Array): AliasTable {
  const n = probabilities.length;
  const threshold = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = new Float64Array(n);
  const small = new Int32Array(n);
  const large = new Int32Array(n);
  let smallCount = 0;
  let largeCount = 0;
  for (let i = 0; i < n; i++) {
    scaled[i] = probabilities[i]! * n;
    if (scaled[i]! < 1) small[smallCount++] = i;
    else large[largeCount++] = i;
  }
  while (smallCount > 0 && largeCount > 0) {
    const less = small[--smallCount]!;
    const more = large[--largeCount]!;
    threshold[less] = scaled[less]!;
    alias[less] = more;
    scaled[more] = scaled[more]! + scaled[less]! - 1;
    if (scaled[more]! < 1) small[smallCount++] = more;
    else large[largeCount++] = more;
  }
  // Whatever is left holds (up to rounding) exactly one column's worth: it always keeps itself.
  while (largeCount > 0) {
    const index = large[--largeCount]!;
    threshold[index] = 1;
    alias[index] = index;
  }
  while (smallCount > 0) {
    const index = small[--smallCount]!;
    threshold[index] = 1;
    alias[index] = index;
  }
  return { threshold, alias };
}

/** Draws a name index (0 is the most popular) with two uniform draws: the column, then the coin. */
export function sampleAlias(table: AliasTable, stream: RandomStream): number {
  const column = Math.floor(stream.next() * table.threshold.length);
  return stream.next() < table.threshold[column]! ? column : table.alias[column]!;
}
