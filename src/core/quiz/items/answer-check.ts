import type { TermShape } from '../types.js';

/** How a typed answer compares with the expected one. */
export type AnswerVerdict = 'correct' | 'close' | 'wrong' | 'blank';

const NUMBER_WORDS: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', thirteen: '13', twenty: '20', hundred: '100', thousand: '1000',
};

const UNIT_WORDS: Record<string, string> = {
  second: 's', seconds: 's', sec: 's', secs: 's',
  millisecond: 'ms', milliseconds: 'ms', msec: 'ms', msecs: 'ms',
  minute: 'min', minutes: 'min', mins: 'min', m: 'min',
  hour: 'h', hours: 'h', hr: 'h', hrs: 'h',
  day: 'd', days: 'd',
  byte: 'bytes', b: 'bytes', octet: 'octets', bit: 'bits', percent: '%',
};

const QUALIFIER = /^(more than|fewer than|less than|at least|at most|up to|about|over|under|roughly|around) /;

/** Lowercases, unifies spelling (British and American, number words, unit names) and drops punctuation. */
export function normaliseAnswer(text: string): string {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/(\d)\.(?=\d)/g, '$1\u0000')
    .replace(/[^\p{L}\p{N}\u0000]+/gu, ' ')
    .replace(/\u0000/g, '.')
    .replace(/(\d)(ms|s|min|h|d|bytes?|b|x)(?![\p{L}\p{N}])/gu, '$1 $2')
    .trim()
    .split(' ')
    .filter(Boolean);
  return words.map((word, index) => normaliseWord(word, words[index - 1])).join(' ');
}

function normaliseWord(word: string, previous: string | undefined): string {
  if (NUMBER_WORDS[word]) return NUMBER_WORDS[word]!;
  // A unit word only counts as a unit right after a number ("5 seconds", not "m" in a name).
  if (previous !== undefined && /^[\d.]+$/.test(NUMBER_WORDS[previous] ?? previous) && UNIT_WORDS[word]) return UNIT_WORDS[word]!;
  if (word.length > 6) return word.replace(/isation(s?)$/, 'ization$1').replace(/is(e|ed|es|ing)$/, 'iz$1').replace(/our$/, 'or');
  return word;
}

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
  // The number is enough for "86400 s", "RFC 2308", "at least two" or "fewer than 5 dots", not for "one full old TTL".
  const core = base.replace(QUALIFIER, '');
  if (core !== base) variants.add(core);
  const numbers = core.split(' ').filter((word) => /^\d[\d.]*$/.test(word));
  const leading = /^\d[\d.]*(?= |$)/.exec(core);
  if (numbers.length === 1 && (shape === 'rfc' || (leading && (shape === 'number' || core.split(' ').length <= 3)))) variants.add(numbers[0]!);
  const capitalised = answer.replace(/\([^)]*\)/g, ' ').trim().split(/[\s-]+/).filter(Boolean);
  if (capitalised.length >= 3 && capitalised.every((word) => /^[A-Z]/.test(word))) variants.add(capitalised.map((word) => word[0]!.toLowerCase()).join(''));
  return [...variants].filter(Boolean);
}

/** Checks a typed answer against the accepted spellings: case, punctuation and small typos forgiven. */
export function checkAnswer(given: string, accepted: string[]): AnswerVerdict {
  const typed = normaliseAnswer(given);
  if (!typed) return 'blank';
  const compactTyped = compact(typed);
  const compactAccepted = accepted.map(compact);
  if (accepted.includes(typed) || compactAccepted.includes(compactTyped)) return 'correct';
  // Numbers must be exact; a slip of one letter in a long word is still knowing it.
  if (/\d/.test(compactTyped)) return 'wrong';
  for (const expected of compactAccepted) {
    if (/\d/.test(expected) || expected.length < 6) continue;
    const allowed = expected.length >= 12 ? 2 : 1;
    if (editDistance(compactTyped, expected, allowed) <= allowed) return 'close';
  }
  return 'wrong';
}

function compact(text: string): string {
  return text.replace(/ /g, '');
}

/** Optimal string alignment distance, giving up once it exceeds the limit. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}
