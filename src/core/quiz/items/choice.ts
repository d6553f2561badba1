import { checkAnswer, normaliseAnswer } from './answer-check.js';
import { clozePrompt } from './cloze.js';
import { shuffled } from './random.js';
import type { QuizItem, TermShape } from '../types.js';

/** A term another item hides, offered as a wrong option. */
export interface PoolTerm {
  itemId: string;
  cardId: string;
  answer: string;
  shape: TermShape;
  /** For numbers: what follows the number ("s", "bytes"), so 30 s competes with 60 s, not with 512 bytes. */
  unit: string;
  compact: string;
}

/** The wrong options available to every choice question, built once per session. */
export interface DistractorPool {
  terms: PoolTerm[];
  /** Card id to the ids of its related cards. */
  related: Map<string, readonly string[]>;
}

/** A multiple-choice question: the stem, the options, and which one is right. */
export interface ChoiceQuestion {
  stem: string;
  choices: string[];
  correctIndex: number;
}

const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'SOA', 'TXT', 'PTR', 'SRV', 'CAA', 'DS', 'DNSKEY', 'RRSIG', 'NSEC'];
const OPTIONS = 4;

/** Collects the hidden terms of all items, with each card's related cards. */
export function buildDistractorPool(items: readonly QuizItem[], related: Map<string, readonly string[]>): DistractorPool {
  const terms = items.flatMap((item) => (item.term ? [poolTerm(item.id, item.cardId, item.term.answer, item.term.shape)] : []));
  return { terms, related };
}

/** Builds a choice question with three plausible wrong options, or undefined when fewer than two can be found. */
export function buildChoice(item: QuizItem, pool: DistractorPool, seed: number): ChoiceQuestion | undefined {
  const term = item.term;
  if (!term) return undefined;
  const stem = clozePrompt(item.text, term);
  const visible = normaliseAnswer(stem);
  const own = poolTerm(item.id, item.cardId, term.answer, term.shape);
  const picked: PoolTerm[] = [];
  const acceptable = (candidate: PoolTerm) =>
    candidate.compact.length > 0 &&
    !overlaps(candidate, own) &&
    picked.every((other) => !overlaps(candidate, other)) &&
    !containsWord(visible, normaliseAnswer(candidate.answer)) &&
    checkAnswer(candidate.answer, term.accepted) === 'wrong';
  for (const candidate of rankCandidates(item, own, pool, seed)) {
    if (picked.length === OPTIONS - 1) break;
    if (acceptable(candidate)) picked.push(candidate);
  }
  if (picked.length < 2) return undefined;
  const choices = shuffled([term.answer, ...picked.map((candidate) => candidate.answer)], seed, item.id, 'choices');
  return { stem, choices, correctIndex: choices.indexOf(term.answer) };
}

function rankCandidates(item: QuizItem, own: PoolTerm, pool: DistractorPool, seed: number): PoolTerm[] {
  const related = new Set(pool.related.get(item.cardId) ?? []);
  const tier = (candidate: PoolTerm) => (candidate.cardId === item.cardId ? 0 : related.has(candidate.cardId) ? 1 : 2);
  const fit = (candidate: PoolTerm) => {
    if (own.shape === 'number') return candidate.shape === 'number' && candidate.unit === own.unit ? 0 : 9;
    if (candidate.shape === own.shape) return 0;
    return own.shape === 'term' || own.shape === 'code' ? (candidate.shape === 'term' || candidate.shape === 'code' ? 1 : 3) : 9;
  };
  const words = own.answer.split(/\s+/).length;
  const closeness = (candidate: PoolTerm) => Math.min(3, Math.abs(candidate.answer.split(/\s+/).length - words));
  const base = shuffled(pool.terms.filter((candidate) => candidate.itemId !== item.id), seed, item.id, 'pool');
  const ranked = base
    .map((candidate, order) => ({ candidate, key: [fit(candidate), tier(candidate), closeness(candidate), order] }))
    .filter(({ key }) => key[0]! < 9)
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ candidate }) => candidate);
  return [...ranked, ...fallbacks(item, own)];
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

// When the cards hold too few terms of the same kind: nearby numbers in the same unit, or other record types.
function fallbacks(item: QuizItem, own: PoolTerm): PoolTerm[] {
  if (own.shape === 'record-type') {
    const suffix = own.answer.replace(/^\S+/, '');
    return RECORD_TYPES.map((type) => poolTerm(`${item.id}#alt-${type}`, item.cardId, `${type}${suffix}`, 'record-type'));
  }
  if (own.shape !== 'number') return [];
  const match = /^(\d[\d,]*)(.*)$/s.exec(own.answer);
  if (!match) return [];
  const value = Number(match[1]!.replace(/,/g, ''));
  const grouped = match[1]!.includes(',');
  const nearby = [value * 2, Math.round(value / 2), value * 10, value + 1, value * 3, value - 1].filter((n) => Number.isInteger(n) && n > 0 && n !== value);
  return nearby.map((n) => poolTerm(`${item.id}#alt-${n}`, item.cardId, `${grouped ? n.toLocaleString('en-US') : String(n)}${match[2]}`, 'number'));
}

function poolTerm(itemId: string, cardId: string, answer: string, shape: TermShape): PoolTerm {
  const normalised = normaliseAnswer(answer);
  const unit = shape === 'number' ? normalised.replace(/^[\d.]+\s*/, '').split(' ')[0] ?? '' : '';
  return { itemId, cardId, answer, shape, unit, compact: normalised.replace(/ /g, '') };
}

// Two options overlap when one is the other or contains it: "TTL" and "remaining TTL" would both read as right.
function overlaps(a: PoolTerm, b: PoolTerm): boolean {
  return a.compact === b.compact || (a.compact.length >= 3 && b.compact.includes(a.compact)) || (b.compact.length >= 3 && a.compact.includes(b.compact));
}

function containsWord(haystack: string, needle: string): boolean {
  return needle.length > 0 && ` ${haystack} `.includes(` ${needle} `);
}
