import { describeDue } from '../progress/days.js';
import type { GradedAnswer, SaveStatus } from './session-state.js';
import type { Question } from '../types.js';

/** The grade names, indexed by grade. */
export const GRADE_NAMES = ['', 'Again', 'Hard', 'Good', 'Easy'] as const;

/** How answers are marked and long text is cut: Unicode glyphs, or ASCII ones for terminals without them. */
export interface VerdictMarks {
  right: string;
  wrong: string;
  timeUp: string;
  ellipsis: string;
}

const MARKS: Record<'unicode' | 'ascii', VerdictMarks> = {
  unicode: { right: '✓', wrong: '✗', timeUp: '⏱', ellipsis: '…' },
  // A timed-out item is not graded, so ASCII marks it as neither right nor wrong.
  ascii: { right: '[ok]', wrong: '[x]', timeUp: '[--]', ellipsis: '...' },
};

/** The marks of one glyph set: "✓" and "✗", or "[ok]" and "[x]" with `ascii`. */
export function verdictMarks(ascii: boolean): VerdictMarks {
  return ascii ? MARKS.ascii : MARKS.unicode;
}

/** How to word a verdict. */
export interface VerdictOptions {
  /** Only ASCII marks ("[ok] right", "[x] wrong") and "..." for cut text. */
  ascii?: boolean;
}

/** A verdict broken into parts, so the plain mode and the screen say the same thing in their own styles. */
export interface VerdictParts {
  tone: 'right' | 'wrong' | 'timeout';
  /** "✓ right", "✗ wrong", "⏱ time is up", "✓ Good", "✓ counted right"; in ASCII "[ok] right", "[x] wrong", "[--] time is up"... */
  headline: string;
  /** What the answer was, when the learner did not give it. */
  detail?: string;
  /** The grade, the next due date (or that cram leaves it), and a retry note. */
  facts: string[];
  saved: SaveStatus;
}

/** Describes a graded answer (or an item whose time ran out) at `nowMs`. */
export function verdictParts(answer: GradedAnswer, nowMs: number, options: VerdictOptions = {}): VerdictParts {
  const marks = verdictMarks(options.ascii ?? false);
  const shown = expectedAnswer(answer.question);
  if (answer.timedOut) {
    const facts = ['not graded', ...(answer.queuedRetry ? ['asked again at the end'] : [])];
    return { facts, saved: answer.saved, tone: 'timeout', headline: `${marks.timeUp} time is up`, ...(answer.question.mode === 'flashcard' ? {} : { detail: `the answer is ${shown}` }) };
  }
  const facts: string[] = [];
  if (answer.verdict !== 'self' && answer.grade !== undefined) facts.push(GRADE_NAMES[answer.grade]);
  facts.push(answer.nextDueAt === undefined ? 'cram: schedule unchanged' : `next due ${describeDue(answer.nextDueAt, nowMs)}`);
  if (answer.queuedRetry) facts.push('asked again at the end');
  const base = { facts, saved: answer.saved };
  const given = answer.entry.type === 'review' ? answer.entry.given ?? '' : '';
  if (answer.verdict === 'claimed') return { ...base, tone: 'right', headline: `${marks.right} counted right`, detail: `you wrote "${clip(given, 40, marks.ellipsis)}" (expected ${shown})` };
  if (answer.verdict === 'self') return { ...base, tone: answer.correct ? 'right' : 'wrong', headline: `${answer.correct ? marks.right : marks.wrong} ${GRADE_NAMES[answer.grade ?? 1]}` };
  if (answer.verdict === 'close') return { ...base, tone: 'right', headline: `${marks.right} right`, detail: `close enough; it is spelt ${answer.question.answer}` };
  if (answer.correct) return { ...base, tone: 'right', headline: `${marks.right} right` };
  if (answer.verdict === 'blank') return { ...base, tone: 'wrong', headline: `${marks.wrong} no answer`, detail: `it is ${shown}` };
  const picked = answer.question.choices && /^[a-z]$/i.test(given.trim()) ? `you picked ${given.trim().toLowerCase()})` : `you wrote "${clip(given, 40, marks.ellipsis)}"`;
  return { ...base, tone: 'wrong', headline: `${marks.wrong} wrong`, detail: `${picked}; the answer is ${shown}` };
}

function expectedAnswer(question: Question): string {
  if (question.choices && question.correctIndex !== undefined) return `${String.fromCharCode(97 + question.correctIndex)}) ${question.answer}`;
  return `"${question.answer}"`;
}

function clip(text: string, max: number, ellipsis: string): string {
  return text.length > max ? `${text.slice(0, max - ellipsis.length)}${ellipsis}` : text;
}
