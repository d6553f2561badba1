import type { TermKind } from '../types.js';
import { substituteGlossary, type CompiledGlossary } from './glossary.js';
import { normaliseTokens } from './normalise.js';
import { isNumeric, takeQualifiers, toQuantities, type Qualifier } from './quantities.js';
import { dropConjunctions, dropFillers, singularise } from './words.js';

/** One way of writing an answer, reduced to what the checker compares. */
export interface AnswerForm {
  /** Stems, quantities (`#t172800000`) and glossary ids, in order. */
  tokens: readonly string[];
  /** The tokens without spaces, so "name server" and "nameserver" meet. */
  compact: string;
  /**
   * The words before the glossary, as written and as stems, for typos: a typo of a glossary phrase is not
   * that phrase, and a misspelt word is not stemmed like the word it misspells ("cahce", "cache").
   */
  words: readonly string[];
  stems: readonly string[];
  /** The qualifier of each number, in order ('' for none). */
  qualifiers: readonly Qualifier[];
  /** The spelling it came from, as written. */
  source: string;
}

/**
 * Whose text it is: the learner's (a lone "a" may be an article or the record type A), the author's
 * (a lowercase "a" is an article, "A" a record type), or an already normalised variant (case lost).
 */
export type FormRole = 'typed' | 'written' | 'normalised';

/** How to reduce a text: its role, the blank's kind (which head words it may carry) and the glossary. */
export interface FormOptions {
  role: FormRole;
  kind?: TermKind;
  glossary: Pick<CompiledGlossary, 'phrases' | 'longestPhrase'>;
  /** Add the number alone as a form ("86400" for "86400 s"): only for a blank that is a number. */
  bareNumber?: boolean;
}

// Words that only name the kind of a blank: "RRSIG record", "the TC bit", "RFC 2308", "RCODE 3".
const KIND_HEADS: Partial<Record<TermKind, string[]>> = {
  'record-type': ['record', 'records', 'rr', 'resource record', 'rrset', 'record set', 'record type', 'type', 'entry', 'query', 'lookup'],
  rcode: ['rcode', 'response code', 'error code', 'error', 'code', 'status', 'response'],
  flag: ['bit', 'flag', 'header bit', 'header flag', 'set', '1', 'on'],
  field: ['field', 'header field', 'value'],
  option: ['option', 'setting', 'directive', 'parameter', 'config option', 'configuration option'],
  rfc: ['rfc', 'standard'],
  tool: ['command', 'tool', 'utility', 'program'],
  software: ['software', 'server', 'daemon', 'implementation'],
  protocol: ['protocol'],
  mechanism: ['mechanism', 'feature', 'technique'],
  attack: ['attack'],
  organisation: ['organisation', 'organization', 'body'],
  'record-part': ['section', 'part'],
};
// Worked out on first use: normalising them at import cost every command that merely imports the checker
// (stats, plan) about 90 ms of first-time regular-expression work.
let headsByKind: Map<TermKind, string[][]> | undefined;
const kindHeads = (): Map<TermKind, string[][]> =>
  (headsByKind ??= new Map(Object.entries(KIND_HEADS).map(([kind, list]) => [kind as TermKind, list.map((head) => normaliseTokens(head).map(singularise)).sort((a, b) => b.length - a.length)])));

/** Every form of a text that counts as the same answer, deduplicated. */
export function answerForms(text: string, options: FormOptions): AnswerForm[] {
  const forms = new Map<string, AnswerForm>();
  for (const piece of pieces(text)) {
    // A number in brackets is a remark about the answer, and a number alone counts only for a number.
    if (piece !== text && !options.bareNumber && /^\d[\d.,]*$/.test(piece.trim())) continue;
    for (const variant of articleVariants(piece, options.role)) {
      const words = dropFillers(normaliseTokens(variant));
      if (words.length === 0) continue;
      for (const quantities of toQuantities(words)) {
        const { tokens, qualifiers } = takeQualifiers(quantities);
        const kept = dropConjunctions(tokens);
        const stems = kept.map(singularise);
        for (const [start, end] of headVariants(stems, options.kind)) {
          const span = stems.slice(start, end);
          add(forms, { tokens: substituteGlossary(span, options.glossary), words: kept.slice(start, end), stems: span }, qualifiers, text);
        }
        if (options.bareNumber) {
          const numbers = words.filter((word) => /^\d[\d.]*$/.test(word));
          if (numbers.length === 1) add(forms, { tokens: numbers, words: numbers, stems: numbers }, qualifiers, text);
        }
      }
    }
  }
  return [...forms.values()];
}

/** The initials of a name of three or more capitalised words ("EDNS Client Subnet" gives "ecs"), if it is one. */
export function acronymOf(answer: string): string | undefined {
  const words = answer.replace(/\([^)]*\)/g, ' ').trim().split(/[\s-]+/).filter(Boolean);
  return words.length >= 3 && words.every((word) => /^[A-Z]/.test(word)) ? words.map((word) => word[0]!.toLowerCase()).join('') : undefined;
}

function add(forms: Map<string, AnswerForm>, lists: Pick<AnswerForm, 'tokens' | 'words' | 'stems'>, qualifiers: Qualifier[], source: string): void {
  if (lists.tokens.length === 0) return;
  const compact = lists.tokens.join('');
  const key = `${compact}|${qualifiers.join(',')}`;
  if (!forms.has(key)) forms.set(key, { ...lists, compact, qualifiers, source });
}

// A trailing remark in brackets is optional, and may be the answer itself: "518400 s (6 days)", "SERVFAIL (RCODE 2)";
// "EDNS(0)" is one name, not a remark.
function pieces(text: string): string[] {
  const trailing = /^(.*\S)\s+\(([^()]+)\)$/.exec(text.trim());
  return trailing ? [text, trailing[1]!, trailing[2]!] : [text];
}

function articleVariants(text: string, role: FormRole): string[] {
  const withoutAnThe = text.replace(/\b(?:an|the)\b/gi, ' ');
  if (role === 'normalised') return [withoutAnThe];
  // The author's capital A is the record type; a learner's "a" may be either, so both readings are tried.
  if (role === 'written') return [withoutAnThe.replace(/\ba\b/g, ' ')];
  return [withoutAnThe.replace(/\ba\b/gi, ' '), withoutAnThe];
}

// The span of the words as given, and the span without the head words that only name the blank's kind (never down to nothing).
function headVariants(tokens: string[], kind: TermKind | undefined): [number, number][] {
  const heads = kind ? kindHeads().get(kind) : undefined;
  if (!heads) return [[0, tokens.length]];
  let start = 0;
  let end = tokens.length;
  for (let changed = true; changed; ) {
    changed = false;
    for (const head of heads) {
      if (end - start > head.length && head.every((word, index) => tokens[start + index] === word)) {
        start += head.length;
        changed = true;
      } else if (end - start > head.length && head.every((word, index) => tokens[end - head.length + index] === word)) {
        end -= head.length;
        changed = true;
      }
    }
  }
  return start === 0 && end === tokens.length ? [[0, tokens.length]] : [[0, tokens.length], [start, end]];
}

/** The ways a form is compared for typos: its glossary tokens, its stems and its words as written, each without spaces. */
export function compactsOf(form: AnswerForm): string[] {
  return [form.compact, form.stems.join(''), form.words.join('')];
}

/** The numbers and quantities of a form, in order: a typo never changes one. */
export function numbersOf(form: AnswerForm): string {
  return form.words.filter(isNumeric).join(' ');
}
