import { acceptedVariants, normaliseAnswer } from './answer-check.js';
import type { PointText } from './point-text.js';
import type { QuizMarkup } from './quiz-markup.js';
import type { ClozeTerm, TermKind, TermShape } from '../types.js';

// A guessed term's kind: only numbers, RFCs and record types can be told apart by their shape.
const GUESSED_KIND: Record<TermShape, TermKind> = { number: 'number', rfc: 'rfc', 'record-type': 'record-type', code: 'option', term: 'concept' };

/** What a cloze shows in place of the hidden term: always the same width, so it gives nothing away. */
export const CLOZE_BLANK = '_____';

const STOP_WORDS = new Set(
  ('a an the and or but nor of to in on at by for with from as is are was were be been being it its this that these those ' +
    'which who whom what when where why how not no yes all any each every some more most less least than then so such ' +
    'can cannot may might must should would will shall do does did has have had one only also very just into onto over under ' +
    'up down out off about after before between through per via if else both either neither own same other another').split(' '),
);

const RECORD_TYPE = /^(?:AAAA|CNAME|MX|NS|SOA|TXT|PTR|SRV|CAA|DS|DNSKEY|RRSIG|NSEC3?|HTTPS|SVCB|OPT|HINFO|NULL|DNAME)(?: records?)?$/;
const UNIT = String.raw`(?:ms|s|seconds?|minutes?|min|hours?|h|days?|weeks?|bytes?|octets?|bits?|%|x)`;
const FALLBACKS: [TermShape, RegExp][] = [
  ['rfc', /\bRFC ?\d{3,5}\b/g],
  ['number', new RegExp(String.raw`\b\d[\d,.]*(?:\s?${UNIT})(?![\w-])`, 'g')],
  ['record-type', /\b(?:AAAA|CNAME|MX|NS|SOA|TXT|PTR|SRV|CAA|DS|DNSKEY|RRSIG|NSEC3?|SVCB)\b/g],
  ['term', /\b[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9-]*\b/g],
];

interface Candidate {
  start: number;
  end: number;
  code: boolean;
}

/** Picks the salient term of a point to hide: bold, then code, then an RFC, a number with its unit, a record type, a named mechanism. */
export function findClozeTerm(point: PointText): ClozeTerm | undefined {
  for (const candidate of candidates(point)) {
    const term = toTerm(point.text, candidate);
    if (term) return term;
  }
  return undefined;
}

const ENDS_IN_ARTICLE = /[Aa]n? $/;

/** The point with its term replaced by a blank; an article before it reads "a/an", so grammar gives nothing away. */
export function clozePrompt(text: string, term: Pick<ClozeTerm, 'start' | 'end'>): string {
  let before = text.slice(0, term.start);
  // The Unicode letter class is compiled on first use (about 0.2 ms before the quiz's first frame), and only a text
  // that ends in "a " or "an " can match it.
  if (ENDS_IN_ARTICLE.test(before)) before = before.replace(/(^|[^\p{L}])([Aa])n? $/u, '$1$2/an ');
  return `${before}${CLOZE_BLANK}${text.slice(term.end)}`;
}

/** The blank an author named (`blank:`), found in the point's text, with the alternatives and kind they gave. */
export function authoredTerm(point: PointText, markup: QuizMarkup): ClozeTerm | undefined {
  if (!markup.blank) return undefined;
  const start = point.text.indexOf(markup.blank);
  if (start < 0) return undefined;
  const end = start + markup.blank.length;
  const shape = termShape(markup.blank, isAllCode(point, start, end));
  const accepted = new Set(acceptedVariants(markup.blank, shape));
  for (const alternative of markup.accept) for (const variant of acceptedVariants(alternative, termShape(alternative, false))) accepted.add(variant);
  return {
    answer: markup.blank, accepted: [...accepted], alternatives: markup.accept, wrong: markup.wrong,
    kind: markup.kind ?? 'concept', authored: true, shape, start, end,
  };
}

/** Classifies a term so that distractors can be of the same kind. */
export function termShape(answer: string, code: boolean): TermShape {
  if (/^RFC ?\d+$/i.test(answer)) return 'rfc';
  if (/^\d[\d,.]*(?:[\s-]|$)/.test(answer)) return 'number';
  if (RECORD_TYPE.test(answer)) return 'record-type';
  return code ? 'code' : 'term';
}

function* candidates(point: PointText): Generator<Candidate> {
  for (const mark of ['strong', 'code'] as const) {
    for (const span of point.spans) if (span.mark === mark) yield { start: span.start, end: span.end, code: isAllCode(point, span.start, span.end) };
  }
  for (const [, pattern] of FALLBACKS) {
    for (const match of point.text.matchAll(pattern)) yield { start: match.index, end: match.index + match[0].length, code: false };
  }
}

function isAllCode(point: PointText, start: number, end: number): boolean {
  return point.spans.some((span) => span.mark === 'code' && span.start <= start && span.end >= end);
}

function toTerm(text: string, candidate: Candidate): ClozeTerm | undefined {
  let { start, end } = candidate;
  while (start < end && /[\s,.;:!?"']/.test(text[start]!)) start++;
  while (end > start && /[\s,.;:!?"']/.test(text[end - 1]!)) end--;
  // Brackets stay only when they pair up inside the term, as in "EDNS(0)" or "(timeout << i) / n".
  if (text[start] === '(' && count(text.slice(start, end), '(') > count(text.slice(start, end), ')')) start++;
  if (text[end - 1] === ')' && count(text.slice(start, end), ')') > count(text.slice(start, end), '(')) end--;
  const answer = text.slice(start, end).trim();
  if (answer !== text.slice(start, end)) return undefined;
  if (!isSalient(answer, text, start, end)) return undefined;
  const shape = termShape(answer, candidate.code);
  return { answer, accepted: acceptedVariants(answer, shape), alternatives: [], wrong: [], kind: GUESSED_KIND[shape], authored: false, shape, start, end };
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function isSalient(answer: string, text: string, start: number, end: number): boolean {
  const words = answer.split(/\s+/);
  if (answer.length < 2 || answer.length > 60 || words.length > 7) return false;
  if (end - start > text.length * 0.6) return false;
  const content = contentWords(answer);
  if (content.length === 0) return false;
  // Hiding a term that is still visible elsewhere in the point makes the blank trivial.
  const rest = new Set(contentWords(`${text.slice(0, start)} ${text.slice(end)}`));
  return !content.every((word) => rest.has(word));
}

function contentWords(text: string): string[] {
  return normaliseAnswer(text)
    .split(' ')
    .filter((word) => word && !STOP_WORDS.has(word))
    .map((word) => (word.length > 3 ? word.replace(/s$/, '') : word));
}
