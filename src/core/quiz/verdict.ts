import { describeDue } from './days.js';
import type { GradedAnswer, SaveStatus } from './session.js';
import type { Question } from './types.js';

/** The grade names, indexed by grade. */
export const GRADE_NAMES = ['', 'Again', 'Hard', 'Good', 'Easy'] as const;

/** A verdict broken into parts, so the plain mode and the screen say the same thing in their own styles. */
export interface VerdictParts {
  tone: 'right' | 'wrong' | 'timeout';
  /** "✓ right", "✗ wrong", "⏱ time is up", "✓ Good". */
  headline: string;
  /** What the answer was, when the learner did not give it. */
  detail?: string;
  /** The grade, the next due date (or that cram leaves it), and a retry note. */
  facts: string[];
  saved: SaveStatus;
}

/** Describes a graded answer at `nowMs`. */
export function verdictParts(answer: GradedAnswer, nowMs: number): VerdictParts {
  const facts: string[] = [];
  if (answer.verdict !== 'self' || answer.timedOut) facts.push(GRADE_NAMES[answer.grade]);
  facts.push(answer.nextDueAt === undefined ? 'cram: schedule unchanged' : `next due ${describeDue(answer.nextDueAt, nowMs)}`);
  if (answer.queuedRetry) facts.push('asked again at the end');
  const base = { facts, saved: answer.saved };
  const shown = expectedAnswer(answer.question);
  if (answer.timedOut) return { ...base, tone: 'timeout', headline: '⏱ time is up', ...(answer.question.mode === 'flashcard' ? {} : { detail: `the answer is ${shown}` }) };
  if (answer.verdict === 'self') return { ...base, tone: answer.correct ? 'right' : 'wrong', headline: `${answer.correct ? '✓' : '✗'} ${GRADE_NAMES[answer.grade]}` };
  if (answer.verdict === 'close') return { ...base, tone: 'right', headline: '✓ right', detail: `close enough; it is spelt ${answer.question.answer}` };
  if (answer.correct) return { ...base, tone: 'right', headline: '✓ right' };
  if (answer.verdict === 'blank') return { ...base, tone: 'wrong', headline: '✗ no answer', detail: `it is ${shown}` };
  const given = answer.entry.given ?? '';
  const picked = answer.question.choices && /^[a-z]$/i.test(given.trim()) ? `you picked ${given.trim().toLowerCase()})` : `you wrote "${clip(given, 40)}"`;
  return { ...base, tone: 'wrong', headline: '✗ wrong', detail: `${picked}; the answer is ${shown}` };
}

function expectedAnswer(question: Question): string {
  if (question.choices && question.correctIndex !== undefined) return `${String.fromCharCode(97 + question.correctIndex)}) ${question.answer}`;
  return `"${question.answer}"`;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
