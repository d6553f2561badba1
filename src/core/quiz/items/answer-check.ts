import { acronymOf, answerForms, type AnswerForm } from '../answers/forms.js';
import { compileGlossary, EMPTY_GLOSSARY } from '../answers/glossary.js';
import { knownTerms, type AnswerContext } from '../answers/known-terms.js';
import { normaliseAnswer } from '../answers/normalise.js';
import { qualifiersAgree } from '../answers/quantities.js';
import { findRival, swappedContrast } from '../answers/rivals.js';
import { allowedSlips, typoDistance } from '../answers/typo.js';
import type { ClozeTerm, TermShape } from '../types.js';

export { normaliseAnswer } from '../answers/normalise.js';

/** How a typed answer compares with the expected one. */
export type AnswerVerdict = 'correct' | 'close' | 'wrong' | 'blank';

/** A verdict and why: the accepted spelling that matched, or the known term that turned a near miss down. */
export interface AnswerCheck {
  verdict: AnswerVerdict;
  /** The answer or alternative, as the author wrote it, that the typed text matched (exactly, or as a typo when `close`). */
  matched?: string;
  /** For a typo-like answer graded wrong: the other known term (another answer, a glossary or contrasting term) it is as close to. */
  rival?: string;
}

/** What a blank holds: the answer and alternatives as written, its kind, and optionally older normalised variants and wrong options. */
export type Blank = Pick<ClozeTerm, 'answer' | 'alternatives' | 'kind'> & Partial<Pick<ClozeTerm, 'accepted' | 'wrong'>>;

const QUALIFIER = /^(more than|fewer than|less than|at least|at most|up to|about|over|under|roughly|around) /;

/** The normalised spellings that count as right for a term: the term, and its common shortenings. */
export function acceptedVariants(answer: string, shape: TermShape): string[] {
  const variants = new Set<string>([normaliseAnswer(answer)]);
  const base = normaliseAnswer(answer);
  // Only a lowercase article is one: "A and AAAA" starts with a record type.
  const withoutArticle = /^(a|an|the|The)\s/.test(answer) ? base.replace(/^(a|an|the) /, '') : base;
  variants.add(withoutArticle);
  // A trailing remark in brackets is optional: "518400 s (6 days)", "EDNS(0)".
  const withoutParens = normaliseAnswer(answer.replace(/\s*\([^()]*\)$/, ''));
  if (withoutParens) variants.add(withoutParens);
  variants.add(withoutArticle.split(' ').filter((word) => word !== 'and' && word !== 'or').join(' '));
  // The number is enough for "86400 s", "RFC 2308" or "at least two", not for "one full old TTL" or "16-bit transaction ID".
  const core = base.replace(QUALIFIER, '');
  if (core !== base) variants.add(core);
  const words = core.split(' ');
  const numbers = words.filter((word) => /^\d[\d.]*$/.test(word));
  const unitOnly = words.length <= 2 && /^\d[\d.]*$/.test(words[0]!) && (words.length === 1 || /^(ms|s|min|h|d|wk|bytes|octets|bits|%|x)$/.test(words[1]!));
  if (numbers.length === 1 && (shape === 'rfc' || unitOnly)) variants.add(numbers[0]!);
  const acronym = acronymOf(answer);
  if (acronym) variants.add(acronym);
  return [...variants].filter(Boolean);
}

/**
 * Judges a typed answer against a blank: right when it is the answer or an alternative up to articles,
 * filler, glossary synonyms, units, qualifiers, head words naming the kind and plurals; close when it is
 * a typo of one and not as close to any other known term; `rivals` adds terms that must not pass (the
 * other options of a choice question).
 */
export function judgeAnswer(typed: string, blank: Blank, context: AnswerContext, rivals: readonly string[] = []): AnswerCheck {
  return answerJudge(blank, context)(typed, rivals);
}

/** judgeAnswer with the blank's expected forms worked out once, for judging many answers against one blank. */
export function answerJudge(blank: Blank, context: AnswerContext): (typed: string, rivals?: readonly string[]) => AnswerCheck {
  let expected: AnswerForm[] | undefined;
  return (typed, rivals = []) => {
    if (!normaliseAnswer(typed)) return { verdict: 'blank' };
    expected ??= expectedForms(blank, context);
    const typedForms = answerForms(typed, { role: 'typed', kind: blank.kind, glossary: context.glossary });
    return judgeForms(typedForms, expected, context, [...(blank.wrong ?? []), ...rivals]);
  };
}

/** Checks a typed answer against normalised spellings alone (no glossary, no known terms): case, punctuation and small typos forgiven. */
export function checkAnswer(given: string, accepted: string[]): AnswerVerdict {
  if (!normaliseAnswer(given)) return 'blank';
  const context = bareContext();
  const expected = accepted.flatMap((text) => answerForms(text, { role: 'normalised', glossary: context.glossary }));
  return judgeForms(answerForms(given, { role: 'typed', glossary: context.glossary }), expected, context, []).verdict;
}

/** Every form of the blank's answer, alternatives, acronym and older variants; a number alone only for a number or an RFC. */
export function expectedForms(blank: Blank, context: AnswerContext): AnswerForm[] {
  const numberBlank = blank.kind === 'number' || blank.kind === 'rfc';
  const written = { role: 'written' as const, kind: blank.kind, glossary: context.glossary, bareNumber: numberBlank };
  const acronym = acronymOf(blank.answer);
  return [
    ...[blank.answer, ...blank.alternatives].flatMap((text) => answerForms(text, written)),
    ...(acronym ? answerForms(acronym, { ...written, role: 'normalised' }) : []),
    ...(blank.accepted ?? []).filter((text) => numberBlank || !/^\d[\d.]*$/.test(text)).flatMap((text) => answerForms(text, { ...written, role: 'normalised' })),
  ];
}

function judgeForms(typedForms: AnswerForm[], expected: AnswerForm[], context: AnswerContext, rivals: readonly string[]): AnswerCheck {
  for (const form of typedForms) {
    const match = expected.find((want) => want.compact === form.compact && qualifiersAgree(form.qualifiers, want.qualifiers));
    if (match) return { verdict: 'correct', matched: match.source };
  }
  let best: { typed: AnswerForm; expected: AnswerForm; distance: number } | undefined;
  for (const form of typedForms) {
    for (const want of expected) {
      if (!qualifiersAgree(form.qualifiers, want.qualifiers)) continue;
      const distance = typoDistance(form, want, allowedSlips(want));
      if (distance !== undefined && (!best || distance < best.distance)) best = { typed: form, expected: want, distance };
    }
  }
  if (!best) {
    const swapped = swappedContrast(typedForms, expected, context);
    return swapped === undefined ? { verdict: 'wrong' } : { verdict: 'wrong', rival: swapped };
  }
  const rival = findRival(best.typed, best.expected, best.distance, expected, context, rivals);
  return rival === undefined ? { verdict: 'close', matched: best.expected.source } : { verdict: 'wrong', rival };
}

let bare: AnswerContext | undefined;

// The context of a check without a session: no glossary, no other terms.
function bareContext(): AnswerContext {
  if (!bare) {
    const glossary = compileGlossary(EMPTY_GLOSSARY);
    bare = { glossary, known: knownTerms([], glossary) };
  }
  return bare;
}
