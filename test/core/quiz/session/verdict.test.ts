import { describe, expect, it } from 'vitest';
import { claimAnswer, gradeFlashcard, startSession, submitAnswer, tick, type GradedAnswer } from '../../../../src/core/quiz/session/session.js';
import { verdictMarks, verdictParts } from '../../../../src/core/quiz/session/verdict.js';
import { setup } from '../session-fixtures.js';

const T0 = Date.UTC(2026, 5, 1, 10);

const typed = (text: string) => submitAnswer(startSession(setup('cloze'), T0), text, T0 + 4000).state.last!;
const graded = (grade: 1 | 3) => gradeFlashcard(startSession(setup('flashcard'), T0), grade, T0 + 4000).state.last!;
const timedOut = () => tick(startSession(setup('cloze'), T0), T0 + 30_000).state.last!;
const close = (): GradedAnswer => ({ ...typed('86400 s'), verdict: 'close' });
const claimed = () => claimAnswer(submitAnswer(startSession(setup('cloze'), T0), 'the ceiling', T0 + 4000).state, T0 + 5000).state.last!;

describe('verdictParts', () => {
  it.each<[string, () => GradedAnswer, string, string, string | undefined]>([
    ['a right answer', () => typed('86400 s'), '✓ right', '[ok] right', undefined],
    ['a close spelling', close, '✓ right', '[ok] right', 'close enough; it is spelt 86400 s'],
    ['a wrong answer', () => typed('3600 s'), '✗ wrong', '[x] wrong', 'you wrote "3600 s"; the answer is "86400 s"'],
    ['no answer', () => typed(''), '✗ no answer', '[x] no answer', 'it is "86400 s"'],
    ['a self-grade of Good', () => graded(3), '✓ Good', '[ok] Good', undefined],
    ['a self-grade of Again', () => graded(1), '✗ Again', '[x] Again', undefined],
    ['a timeout', timedOut, '⏱ time is up', '[--] time is up', 'the answer is "86400 s"'],
    ['a claimed answer', claimed, '✓ counted right', '[ok] counted right', 'you wrote "the ceiling" (expected "86400 s")'],
  ])('marks %s with Unicode by default and ASCII when asked', (_name, answer, unicode, ascii, detail) => {
    const plain = verdictParts(answer(), T0 + 4000);
    const asAscii = verdictParts(answer(), T0 + 4000, { ascii: true });
    expect(plain.headline).toBe(unicode);
    expect(verdictParts(answer(), T0 + 4000, { ascii: false })).toEqual(plain);
    expect(asAscii.headline).toBe(ascii);
    expect(plain.detail).toBe(detail);
    // Only the marks differ: the tone, the detail, the facts and the save state are the same.
    expect({ ...asAscii, headline: plain.headline }).toEqual(plain);
  });

  it.each<[string, () => GradedAnswer, string[]]>([
    ['a timeout leaves the schedule and says the item comes back', timedOut, ['not graded', 'asked again at the end']],
    ['a claimed answer is graded Good and scheduled', claimed, ['Good', 'next due in 10 min']],
    ['a wrong answer is graded Again', () => typed('3600 s'), ['Again', 'next due in 1 min']],
  ])('%s', (_name, answer, facts) => {
    expect(verdictParts(answer(), T0 + 5000).facts).toEqual(facts);
  });

  it('cuts a long typed answer with "…", or "..." in ASCII, at the same length', () => {
    const answer = typed('x'.repeat(50));
    expect(verdictParts(answer, T0 + 4000).detail).toBe(`you wrote "${'x'.repeat(39)}…"; the answer is "86400 s"`);
    expect(verdictParts(answer, T0 + 4000, { ascii: true }).detail).toBe(`you wrote "${'x'.repeat(37)}..."; the answer is "86400 s"`);
  });

  it('draws nothing but printable ASCII in ASCII mode', () => {
    for (const answer of [typed('86400 s'), typed('3600 s'), typed(''), typed('y'.repeat(60)), graded(1), graded(3), timedOut(), close(), claimed()]) {
      const parts = verdictParts(answer, T0 + 4000, { ascii: true });
      expect([parts.headline, parts.detail ?? '', ...parts.facts].join(' ')).toMatch(/^[\x20-\x7e]*$/);
    }
  });
});

describe('verdictMarks', () => {
  it('gives the Unicode marks, or ASCII ones that are all printable ASCII', () => {
    expect(verdictMarks(false)).toEqual({ right: '✓', wrong: '✗', timeUp: '⏱', ellipsis: '…' });
    expect(Object.values(verdictMarks(true)).join('')).toMatch(/^[\x20-\x7e]+$/);
  });
});
