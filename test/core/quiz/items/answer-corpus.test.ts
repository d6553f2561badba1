import { describe, expect, it } from 'vitest';
import { answerContext } from '../../../../src/core/quiz/answers/known-terms.js';
import { judgeAnswer } from '../../../../src/core/quiz/items/answer-check.js';
import { generateItems } from '../../../../src/core/quiz/items/generate-items.js';
import type { QuizItem } from '../../../../src/core/quiz/types.js';
import { loadGlossary } from '../../../../src/io/glossary-file.js';
import { bundledContentDir } from '../../../../src/io/package-paths.js';
import { loadBundledCards } from '../../../content/load-bundled.js';
import { ANSWER_CORPUS, type CorpusCase } from './answer-corpus.js';

// The known terms of a session: every item of the bundled deck, every blank of the corpus, and the bundled glossary.
const corpusItems = ANSWER_CORPUS.map((entry, index) => ({
  id: `corpus/${index}`,
  term: { answer: entry.answer, alternatives: entry.alternatives, wrong: [], kind: entry.kind, accepted: [], authored: true, shape: 'term', start: 0, end: 0 },
})) as unknown as QuizItem[];
const deck = generateItems((await loadBundledCards()).cards);
const context = answerContext([...deck, ...corpusItems], loadGlossary([bundledContentDir()]).glossary);

const verdictOf = (entry: CorpusCase) => judgeAnswer(entry.typed, { answer: entry.answer, alternatives: entry.alternatives, kind: entry.kind }, context).verdict;
const describeCase = (entry: CorpusCase) => `${entry.category}: "${entry.typed}" for "${entry.answer}"${entry.alternatives.length ? ` (accept: ${entry.alternatives.join(' | ')})` : ''} [${entry.kind}, ${entry.from}]`;

const rightAnswers = ANSWER_CORPUS.filter((entry) => entry.expected !== 'wrong');
const wrongAnswers = ANSWER_CORPUS.filter((entry) => entry.expected === 'wrong');

describe('the answer corpus', () => {
  it('has at least 100 cases, across every failure category of the review', () => {
    expect(ANSWER_CORPUS.length).toBeGreaterThanOrEqual(100);
    const categories = new Set(ANSWER_CORPUS.map((entry) => entry.category));
    expect([...categories].sort()).toEqual(['alternative', 'article', 'contrast', 'extra-words', 'near-miss', 'plural', 'qualifier', 'synonym', 'typo', 'unit']);
  });

  it('accepts at least 90% of the correct variants, each with the verdict it deserves (exact, or close for a typo)', () => {
    const missed = rightAnswers.filter((entry) => verdictOf(entry) !== entry.expected);
    const rate = 1 - missed.length / rightAnswers.length;
    console.info(`answer corpus: ${rightAnswers.length - missed.length} of ${rightAnswers.length} correct variants accepted (${(rate * 100).toFixed(1)}%)` +
      missed.map((entry) => `\n  missed ${describeCase(entry)}: ${verdictOf(entry)}`).join(''));
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });

  it.each(wrongAnswers.map((entry) => [describeCase(entry), entry] as const))('never accepts a near miss or a contrasting term: %s', (_name, entry) => {
    expect(verdictOf(entry)).toBe('wrong');
  });
});
