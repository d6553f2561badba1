import { describe, expect, it } from 'vitest';
import { sumDurationParts } from '../../../src/core/text/duration-parts.js';

const MINUTES = { h: 60, m: 1, min: 1 };

describe('sumDurationParts', () => {
  it.each<[string, number | undefined]>([
    ['1h30m', 90],
    ['2 min', 2],
    ['1h 15min', 75],
    ['0.5h', 30],
    ['', undefined],
    ['15', undefined],
    ['3 days', undefined],
    ['10m extra', undefined],
  ])('%j is %s', (text, expected) => {
    expect(sumDurationParts(text, MINUTES)).toBe(expected);
  });
});
