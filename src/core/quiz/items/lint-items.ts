import type { Card, CardProblem } from '../../cards/types.js';
import { normaliseAnswer } from './answer-check.js';
import { clozePrompt } from './cloze.js';
import { cardItems } from './generate-items.js';
import { splitQuizMarkup } from './quiz-markup.js';
import type { ClozeTerm, QuizItem } from '../types.js';

const MAX_BLANK_WORDS = 4;
const NEGATION = /^(?:no|not|never|none|nothing|without|non-?\w*|neither|nor)\b/i;
const QUALIFIER = /^(?:more than|fewer than|less than|at least|at most|up to|over|under|about|roughly)\b/i;
// A blank that starts with a verb asks for what happens, not for a term ("fails open", "doubles").
const VERB = /^(?:is|are|was|were|be|been|being|has|have|had|does|do|did|can|cannot|will|would|should|must|may|might|gets|fails|returns|sends|doubles|halves|drops|answers|retries|waits|keeps|stops|ignores|refuses|follows|gives|takes|makes|uses|moves|expires|breaks|works)(?=\s|$)/;

/** The quiz problems of loaded cards, each with its file and line: markup mistakes and items that are not fair to ask. */
export function lintQuizItems(cards: readonly Card[]): CardProblem[] {
  const problems: CardProblem[] = [];
  const seen = new Map<string, Card>();
  for (const card of cards) {
    const items = new Map(cardItems(card).filter((item) => item.kind === 'key-point').map((item) => [item.source.line, item]));
    for (const point of card.keyPoints) {
      const warn = (rule: string, message: string, lineOffset = 0) => problems.push({ level: 'warning', rule, message, path: card.path, line: point.line + lineOffset });
      const { markup, problems: markupProblems } = splitQuizMarkup(point.markdown);
      for (const problem of markupProblems) warn(problem.rule, problem.message, problem.lineOffset);
      const item = items.get(point.line);
      if (!item) continue;
      const askLine = markup?.lineOf.ask ?? 0;
      if (markup?.ask && !markup.ask.trimEnd().endsWith('?')) warn('quiz-question-mark', `the question does not end with a question mark: "${markup.ask.slice(0, 50)}"`, askLine);
      if (markup?.blank && !item.term) warn('quiz-blank-missing', `the blank "${markup.blank}" is not in the point's text as written`, markup.lineOf.blank);
      if (markup?.blank && item.term && item.text.split(markup.blank).length > 2) warn('quiz-blank-repeated', `the blank "${markup.blank}" occurs more than once in the point`, markup.lineOf.blank);
      if (item.term) for (const [rule, message] of blankShapeProblems(item.term)) warn(rule, message, markup?.lineOf.blank ?? 0);
      if (item.term) {
        const visible = answerVisible(item, markup?.ask);
        if (visible) warn('quiz-answer-visible', visible, markup?.lineOf.blank ?? 0);
      }
      if (!markup?.ask && !item.term) warn('quiz-no-fair-item', 'this key point yields no fair item: add a quiz comment with a question (ask:) or a blank');
      const key = duplicateKey(item, markup?.ask);
      const other = key ? seen.get(key) : undefined;
      if (key && other && other.id !== card.id) warn('quiz-duplicate', `the same item (question and blank) is also on card "${other.id}"`, askLine);
      else if (key) seen.set(key, card);
    }
  }
  return problems;
}

/** What is wrong with the shape of a blank: too long, a verb phrase, a negation or a qualifier. */
export function blankShapeProblems(term: ClozeTerm): [rule: string, message: string][] {
  const found: [string, string][] = [];
  const words = term.answer.split(/\s+/).length;
  if (words > MAX_BLANK_WORDS) found.push(['quiz-blank-length', `the blank "${term.answer}" has ${words} words; at most ${MAX_BLANK_WORDS} can be recalled as one term`]);
  if (NEGATION.test(term.answer)) found.push(['quiz-blank-negation', `the blank "${term.answer}" is a negation; blank the term and keep the "no" in the sentence`]);
  else if (QUALIFIER.test(term.answer)) found.push(['quiz-blank-negation', `the blank "${term.answer}" starts with a qualifier; keep the qualifier in the sentence`]);
  if (VERB.test(term.answer)) found.push(['quiz-blank-verb', `the blank "${term.answer}" is a verb phrase; blank a term the learner can name`]);
  return found;
}

// The blank's answer shown elsewhere in what the learner sees (the rest of the point, or the question) gives it away.
function answerVisible(item: QuizItem, ask: string | undefined): string | undefined {
  const term = item.term!;
  const prompt = ` ${normaliseAnswer(clozePrompt(item.text, term))} `;
  const question = ` ${normaliseAnswer(ask ?? '')} `;
  for (const answer of [term.answer, ...term.alternatives]) {
    const needle = normaliseAnswer(answer);
    if (!needle || /^\d+$/.test(needle)) continue;
    if (prompt.includes(` ${needle} `)) return `the answer "${answer}" also appears elsewhere in the point, so the blank gives itself away`;
    if (question.includes(` ${needle} `)) return `the answer "${answer}" appears in the question`;
  }
  return undefined;
}

function duplicateKey(item: QuizItem, ask: string | undefined): string | undefined {
  if (ask) return `${normaliseAnswer(ask)}\u0000${normaliseAnswer(item.term?.answer ?? '')}`;
  // Without a question the item is its cloze: the same sentence with the same blank.
  return item.term ? `\u0000${normaliseAnswer(clozePrompt(item.text, item.term))}\u0000${normaliseAnswer(item.term.answer)}` : undefined;
}
