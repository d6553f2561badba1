import type { Segment, StyledLine } from '../../../core/markdown/styled-line.js';
import { wrapSegments } from '../../../core/markdown/wrap.js';
import { canClaim, currentQuestion } from '../../../core/quiz/session/session.js';
import type { Question } from '../../../core/quiz/types.js';
import { verdictParts, type VerdictParts } from '../../../core/quiz/session/verdict.js';
import { bindingLabel, KEYMAP, type Binding } from '../../keymap.js';
import { quizGlyphs, type QuizGlyphs } from './quiz-glyphs.js';
import type { QuizScreenState } from './quiz-state.js';

/**
 * The body of the item view as lines that fit `rows`: the prompt, the options or the typed answer,
 * the revealed answer and the verdict. When space is short the prompt keeps its last lines (the
 * question) and the revealed text is cut, so the options and the verdict always show. The app's own marks come
 * from `glyphs` (ASCII ones under --ascii); the card's text is drawn as written.
 */
export function quizItemLines(state: QuizScreenState, width: number, rows: number, glyphs: QuizGlyphs = quizGlyphs(false)): StyledLine[] {
  const { session } = state;
  const question = currentQuestion(session);
  if (!question) return [];
  const wrap = (segments: Segment[]) => wrapSegments(segments, Math.max(10, width));
  const showAnswer = session.phase === 'revealed' || session.phase === 'feedback';
  const shown = session.phase === 'feedback' ? session.last : session.last && session.last.position !== session.index ? session.last : undefined;
  const prompt = question.prompt.split('\n').flatMap((line) => wrap([{ text: line }]));
  const answerArea = [...choiceLines(state, question, showAnswer, width, glyphs), ...inputLines(state, question, glyphs)];
  const reveal = showAnswer && (question.mode === 'flashcard' || session.phase === 'feedback') ? wrap([{ text: `${glyphs.reveal} `, style: { colour: 'cyan' } }, { text: revealText(question) }]) : [];
  const verdict = shown ? wrap(verdictSegments(verdictParts(shown, state.nowMs, { ascii: glyphs.ascii }), shown === session.last && session.phase !== 'feedback', glyphs)) : [];
  if (session.phase === 'feedback' && canClaim(shown)) verdict.push([{ text: `${claimKey(glyphs)}: I was right, count it`, style: { dim: true } }]);
  const gaps = (answerArea.length > 0 ? 1 : 0) + (reveal.length > 0 ? 1 : 0) + (verdict.length > 0 ? 1 : 0);
  const fixed = answerArea.length + verdict.length + gaps;
  const revealRows = Math.min(reveal.length, Math.max(0, Math.floor((rows - fixed) / 2)));
  const promptRows = Math.max(1, rows - fixed - revealRows);
  const keptPrompt = prompt.length > promptRows ? [[{ text: glyphs.ellipsis, style: { dim: true } }], ...prompt.slice(prompt.length - promptRows + 1)] : prompt;
  const keptReveal = reveal.length > revealRows && revealRows > 0 ? [...reveal.slice(0, revealRows - 1), [...(reveal[revealRows - 1] ?? []), { text: ` ${glyphs.ellipsis}`, style: { dim: true } }]] : reveal.slice(0, revealRows);
  const blocks = [keptPrompt, answerArea, keptReveal, verdict].filter((block) => block.length > 0);
  const lines = blocks.flatMap((block, index) => (index === 0 ? block : [[], ...block]));
  // On a very small screen the top goes first: the options and the verdict matter most.
  return lines.length > rows ? lines.slice(lines.length - rows) : lines;
}

function choiceLines(state: QuizScreenState, question: Question, showAnswer: boolean, width: number, glyphs: QuizGlyphs): StyledLine[] {
  if (!question.choices) return [];
  const asking = state.session.phase === 'asking';
  // The pointer shows while asking and the mark once answered, never both: the letters line up under the one in use.
  const markWidth = asking ? glyphs.pointer.length : glyphs.rightMark.length;
  return question.choices.map((choice, index) => {
    const picked = asking && index === state.highlight;
    const right = showAnswer && index === question.correctIndex;
    const mark = (picked ? glyphs.pointer : right ? glyphs.rightMark : '').padEnd(markWidth);
    const text = `${mark} ${String.fromCharCode(97 + index)}) ${choice}`;
    const fitted = text.length > width ? `${text.slice(0, Math.max(1, width - glyphs.ellipsis.length))}${glyphs.ellipsis}` : text;
    return [{ text: fitted, style: picked ? { inverse: true } : right ? { bold: true, colour: 'green' } : {} }];
  });
}

function inputLines(state: QuizScreenState, question: Question, glyphs: QuizGlyphs): StyledLine[] {
  if (state.session.phase !== 'asking') return [];
  if (question.mode === 'cloze') return [[{ text: `${glyphs.pointer} `, style: { colour: 'cyan' } }, { text: state.input }, { text: ' ', style: { inverse: true } }]];
  if (question.mode === 'flashcard') return [[{ text: `space shows the answer ${glyphs.separator} 1-4 grades at once`, style: { dim: true } }]];
  return [];
}

function revealText(question: Question): string {
  if (question.mode === 'predict') return question.item.predict?.reveal ?? question.answer;
  return question.mode === 'flashcard' ? question.answer : question.item.back;
}

// The key is the keymap's, so the hint and the help cannot disagree.
function claimKey(glyphs: QuizGlyphs): string {
  const binding = (KEYMAP.quizFeedback as readonly Binding[]).find((row) => row.action === 'claim')!;
  return bindingLabel(binding, glyphs);
}

function verdictSegments(verdict: VerdictParts, previous: boolean, glyphs: QuizGlyphs): Segment[] {
  const dot = ` ${glyphs.separator} `;
  return [
    { text: `${previous ? 'last: ' : ''}${verdict.headline}`, style: { bold: true, colour: verdict.tone === 'right' ? 'green' : 'red' } },
    ...(verdict.detail ? [{ text: `: ${verdict.detail}` }] : []),
    { text: `${dot}${verdict.facts.join(dot)}${dot}` },
    verdict.saved === 'saved' ? { text: 'saved', style: { dim: true } } : { text: 'NOT saved', style: { bold: true, colour: 'yellow' } },
  ];
}
