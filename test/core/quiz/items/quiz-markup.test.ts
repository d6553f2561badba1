import { describe, expect, it } from 'vitest';
import { splitQuizMarkup } from '../../../../src/core/quiz/items/quiz-markup.js';

const POINT = 'A cache hands out the **remaining TTL**.';

describe('splitQuizMarkup', () => {
  it('takes the comment out of the point and reads every key', () => {
    const split = splitQuizMarkup(`${POINT}\n<!-- quiz\nask: Which TTL does a cache hand out?\nblank: remaining TTL\naccept: remaining time to live | time left\nkind: concept\nwrong: original TTL | minimum TTL | negative TTL\n-->`);
    expect(split.markdown).toBe(POINT);
    expect(split.problems).toEqual([]);
    expect(split.markup).toMatchObject({
      ask: 'Which TTL does a cache hand out?', blank: 'remaining TTL', accept: ['remaining time to live', 'time left'],
      kind: 'concept', wrong: ['original TTL', 'minimum TTL', 'negative TTL'], lineOf: { ask: 2, blank: 3, accept: 4, kind: 5, wrong: 6 },
    });
  });

  it('leaves a point without a quiz comment, and other comments, as they are', () => {
    expect(splitQuizMarkup(POINT)).toEqual({ markdown: POINT, problems: [] });
    expect(splitQuizMarkup(`${POINT} <!-- a note -->`).markup).toBeUndefined();
  });

  it('reads a one-line comment', () => {
    expect(splitQuizMarkup(`${POINT}\n<!-- quiz ask: Why? -->`).markup?.ask).toBe('Why?');
  });

  it.each([
    ['an unknown key', 'answer: remaining TTL', /unknown line in the quiz comment: "answer: remaining TTL"/],
    ['an unknown kind', 'kind: thing', /unknown kind "thing"/],
    ['an empty key', 'blank:', /"blank" is empty/],
    ['a repeated key', 'ask: One?\nask: Two?', /"ask" is given twice/],
  ])('reports %s with its line', (_, body, message) => {
    const split = splitQuizMarkup(`${POINT}\n<!-- quiz\n${body}\n-->`);
    expect(split.problems).toHaveLength(1);
    expect(split.problems[0]!.message).toMatch(message);
    expect(split.problems[0]!.lineOffset).toBe(body.includes('\n') ? 3 : 2);
  });

  it('reports a comment that is never closed, and still takes it out of the text', () => {
    const split = splitQuizMarkup(`${POINT}\n<!-- quiz\nask: Why?`);
    expect(split.markdown).toBe(POINT);
    expect(split.problems.map((problem) => problem.message)).toEqual(['the quiz comment is not closed with -->']);
  });
});
