import { describe, expect, it } from 'vitest';
import { closestMatch } from '../../../src/core/text/suggest.js';

const COMMANDS = ['list', 'search', 'show', 'sim', 'quiz', 'plan', 'stats', 'export', 'import', 'lint', 'paths', 'config', 'completion', 'help'];

describe('closestMatch', () => {
  it.each([
    ['a transposition', 'serach', COMMANDS, 'search'],
    ['a dropped letter', 'lst', COMMANDS, 'list'],
    ['a dropped letter in a flag', 'limt', ['limit', 'tag', 'json'], 'limit'],
    ['a missing last letter', 'cold-cach', ['cold-cache', 'warm-cache'], 'cold-cache'],
    ['two typos in a long word', 'complteion', COMMANDS, 'completion'],
    ['capitals', 'SEARCH', COMMANDS, 'search'],
    ['the only word it begins', 'compl', COMMANDS, 'completion'],
  ])('suggests for %s', (_name, word, candidates, expected) => {
    expect(closestMatch(word, candidates)).toBe(expected);
  });

  it.each([
    ['nothing close', 'frobnicate', COMMANDS],
    ['a prefix of several words', 'co', COMMANDS],
    ['no candidates', 'list', []],
  ])('suggests nothing for %s', (_name, word, candidates) => {
    expect(closestMatch(word, candidates)).toBeUndefined();
  });

  it('prefers the nearest of several close candidates', () => {
    expect(closestMatch('stat', ['stats', 'start'])).toBe('stats');
  });
});
