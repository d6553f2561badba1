import type { ClozeTerm, QuizItem, TermKind } from '../types.js';
import { answerForms, compactsOf } from './forms.js';
import { compileGlossary, type CompiledGlossary, type Glossary } from './glossary.js';

/** Every term the learner could mean: each item's answer, alternatives and wrong options, and every glossary term. */
export interface KnownTerms {
  /** Each known form's compact tokens, stems and words (see compactsOf), with the term as written. */
  byCompact: ReadonlyMap<string, string>;
  /** The compact forms by length, so a typo is compared only with terms of about its length. */
  byLength: ReadonlyMap<number, readonly string[]>;
}

/** What checking a typed answer needs besides the blank: the compiled glossary and the known terms, built once per session. */
export interface AnswerContext {
  glossary: CompiledGlossary;
  known: KnownTerms;
}

/**
 * The checking context of a session from every item (not only the session's) and the glossary. Each
 * part is built on first use: a quiz whose options come from the cache and that is never typed into
 * pays nothing for it (building both takes about 50 ms for the bundled deck).
 */
export function answerContext(items: readonly QuizItem[], glossary: Glossary): AnswerContext {
  let compiled: CompiledGlossary | undefined;
  let known: KnownTerms | undefined;
  // Only the blanks are kept for later, not the items: a session holds its context, and every item of a large library is
  // megabytes. Their texts are listed when first checked against: listed here, before the quiz's first frame, they and
  // the arrays spread to list them were about 0.45 MB of objects for the bundled cards (a sampling heap profile).
  const blanks = blanksOf(items);
  return {
    get glossary() {
      return (compiled ??= compileGlossary(glossary));
    },
    get known() {
      return (known ??= knownTerms(termsOf(blanks), this.glossary));
    },
  };
}

function blanksOf(items: readonly QuizItem[]): ClozeTerm[] {
  const blanks: ClozeTerm[] = [];
  for (const item of items) if (item.term) blanks.push(item.term);
  return blanks;
}

function termsOf(blanks: readonly ClozeTerm[]): { text: string; kind?: TermKind }[] {
  const terms: { text: string; kind?: TermKind }[] = [];
  for (const term of blanks) for (const text of [term.answer, ...term.alternatives, ...term.wrong]) terms.push({ text, kind: term.kind });
  return terms;
}

/** The known forms of the given terms, each reduced as the checker reduces an author's answer, and the glossary's terms. */
export function knownTerms(terms: readonly { text: string; kind?: TermKind }[], glossary: CompiledGlossary): KnownTerms {
  const byCompact = new Map<string, string>(glossary.terms.map(({ compact, term }) => [compact, term]));
  for (const { text, kind } of terms) {
    for (const form of answerForms(text, { role: 'written', glossary, ...(kind ? { kind } : {}) })) {
      for (const compact of compactsOf(form)) if (!byCompact.has(compact)) byCompact.set(compact, text);
    }
  }
  const byLength = new Map<number, string[]>();
  for (const compact of byCompact.keys()) {
    const bucket = byLength.get(compact.length);
    if (bucket) bucket.push(compact);
    else byLength.set(compact.length, [compact]);
  }
  return { byCompact, byLength };
}
