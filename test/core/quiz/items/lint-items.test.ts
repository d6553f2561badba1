import { describe, expect, it } from 'vitest';
import { lintQuizItems } from '../../../../src/core/quiz/items/lint-items.js';
import { quizCard } from '../quiz-fixtures.js';

function marked(point: string, ...lines: string[]): string {
  return `${point}\n  <!-- quiz\n${lines.map((line) => `  ${line}`).join('\n')}\n  -->`;
}

function rulesOf(points: string[], id = 'c'): string[] {
  return lintQuizItems([quizCard(id, points)]).map((problem) => problem.rule);
}

describe('lintQuizItems', () => {
  it.each([
    ['a fair authored item', [marked('A cache hands out the **remaining TTL**.', 'ask: Which TTL does a cache hand out?', 'blank: remaining TTL', 'kind: concept')], []],
    ['a point with no question and no term', ['Caches are useful for many things.'], ['quiz-no-fair-item']],
    ['a blank of five words', [marked('It waits for the answer from every single server.', 'ask: What does it wait for?', 'blank: answer from every single server', 'kind: concept')], ['quiz-blank-length']],
    ['a negation', [marked('A reply with no SOA record is not cached.', 'ask: Which reply is not cached?', 'blank: no SOA record', 'kind: concept')], ['quiz-blank-negation']],
    ['a qualifier', [marked('Run at least two servers.', 'ask: How many servers?', 'blank: at least two', 'kind: number')], ['quiz-blank-negation']],
    ['a verb phrase', [marked('Halving the TTL doubles the queries.', 'ask: What happens to the queries?', 'blank: doubles', 'kind: concept')], ['quiz-blank-verb']],
    ['an answer shown elsewhere in the point', [marked('The TTL counts down, and a cache hands out the remaining TTL.', 'ask: Which TTL?', 'blank: TTL counts', 'accept: TTL', 'kind: concept')], ['quiz-answer-visible']],
    ['an answer in the question', [marked('A cache hands out the **remaining TTL**.', 'ask: Why the remaining TTL?', 'blank: remaining TTL', 'kind: concept')], ['quiz-answer-visible']],
    ['a question without a question mark', [marked('A cache hands out the **remaining TTL**.', 'ask: Name the TTL a cache hands out', 'blank: remaining TTL', 'kind: concept')], ['quiz-question-mark']],
    ['a blank not in the text', [marked('A cache hands out the **remaining TTL**.', 'ask: Which TTL is handed out?', 'blank: remaining time', 'kind: concept')], ['quiz-blank-missing']],
    ['a markup mistake', [marked('A cache hands out the **remaining TTL**.', 'ask: Which TTL is handed out?', 'kind: thing')], ['quiz-markup']],
  ])('%s', (_, points, rules) => {
    expect(rulesOf(points)).toEqual(rules);
  });

  it('names the file and the line of the key in the comment', () => {
    const [problem] = lintQuizItems([quizCard('c', [marked('A cache hands out the **remaining TTL**.', 'ask: Which TTL?', 'blank: doubles', 'kind: concept')])]);
    expect(problem).toMatchObject({ level: 'warning', rule: 'quiz-blank-missing', path: 'c.md' });
    const card = quizCard('c', ['x']);
    expect(problem!.line).toBe(card.keyPoints[0]!.line + 3);
  });

  it('reports the same item (question and blank) on two cards, and not two different ones', () => {
    const point = marked('A cache hands out the **remaining TTL**.', 'ask: Which TTL does a cache hand out?', 'blank: remaining TTL', 'kind: concept');
    const other = marked('A cache hands out the **remaining TTL**.', 'ask: What does a cache pass on?', 'blank: remaining TTL', 'kind: concept');
    expect(lintQuizItems([quizCard('a', [point]), quizCard('b', [point])]).map((problem) => [problem.path, problem.rule])).toEqual([['b.md', 'quiz-duplicate']]);
    expect(lintQuizItems([quizCard('a', [point]), quizCard('b', [other])])).toEqual([]);
  });
});
