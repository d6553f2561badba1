import { describe, expect, it } from 'vitest';
import { lineText } from '../../../src/core/markdown/styled-line.js';
import { quizItemLines } from '../../../src/ui/screens/quiz/quiz-item-lines.js';
import { initialQuizState, quizReducer } from '../../../src/ui/screens/quiz/quiz-state.js';
import { questions } from '../../core/quiz/session-fixtures.js';

const T0 = Date.UTC(2026, 5, 1, 9);

describe('quizItemLines', () => {
  const [choice] = questions('choice', 1);
  const long = { ...choice!, prompt: `${Array.from({ length: 20 }, (_, i) => `context line ${i}`).join('\n')}\nNext: which option is right?` };
  const state = initialQuizState({ sessionId: 's', questions: [long], schedules: {}, cram: false, retryMisses: false }, T0);

  it('never returns more rows than it is given, keeping the question and every option', () => {
    const lines = quizItemLines(state, 60, 8).map(lineText);
    expect(lines.length).toBeLessThanOrEqual(8);
    expect(lines[0]).toBe('…');
    expect(lines).toContain('Next: which option is right?');
    expect(lines.filter((line) => /^. [a-d]\) /.test(line))).toHaveLength(4);
  });

  it('keeps the verdict visible after the answer, cutting the revealed text instead', () => {
    const answered = quizReducer(state, { type: 'choose', index: long.correctIndex!, nowMs: T0 + 1000 });
    const lines = quizItemLines(answered, 30, 9).map(lineText);
    expect(lines.length).toBeLessThanOrEqual(9);
    expect(lines.join('\n')).toContain('✓ right');
  });

  it('wraps to the width it is given', () => {
    for (const line of quizItemLines(state, 20, 40)) expect(lineText(line).length).toBeLessThanOrEqual(20);
  });
});
