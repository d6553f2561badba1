import { answerJudge, normaliseAnswer } from './answer-check.js';
import { answerContext, type AnswerContext } from '../answers/known-terms.js';
import { EMPTY_GLOSSARY } from '../answers/glossary.js';
import { clozePrompt } from './cloze.js';
import { randomFor, shuffled } from './random.js';
import { bankKey, bankTerm, buildTermBank, builtInTerms, drawsFromBank, type BankTerm } from './term-bank.js';
import type { QuizItem } from '../types.js';

/** The wrong options of every item that can be asked as a choice, chosen once for the whole deck. */
export interface DistractorPool {
  /** Item id to its three wrong options; items without three fair ones are not asked as a choice. */
  distractors: Map<string, string[]>;
}

/** A multiple-choice question: the stem, the options, and which one is right. */
export interface ChoiceQuestion {
  stem: string;
  choices: string[];
  correctIndex: number;
}

const WRONG_OPTIONS = 3;

/**
 * Chooses three wrong options for every item with a blank: the author's own wrong options first, then
 * blanks of the same kind from related cards, other cards and the same card, then the kind's
 * well-known members. No two items get the same set of four options, and no option is the answer in
 * other words (a glossary synonym, an accepted alternative).
 */
export function buildDistractorPool(items: readonly QuizItem[], related: Map<string, readonly string[]>, checking: AnswerContext = answerContext(items, EMPTY_GLOSSARY)): DistractorPool {
  const bank = buildTermBank(items);
  const distractors = new Map<string, string[]>();
  const usedSets = new Set<string>();
  for (const item of [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const picked = pickDistractors(item, bank, related, usedSets, checking);
    if (!picked) continue;
    distractors.set(item.id, picked);
    usedSets.add(optionSetKey([item.term!.answer, ...picked]));
  }
  return { distractors };
}

/** Builds the choice question of an item, its options in an order drawn from the seed, or undefined when it has no fair options. */
export function buildChoice(item: QuizItem, pool: DistractorPool, seed: number): ChoiceQuestion | undefined {
  const term = item.term;
  const wrong = pool.distractors.get(item.id);
  if (!term || !wrong) return undefined;
  const choices = shuffled([term.answer, ...wrong], seed, item.id, 'choices');
  return { stem: clozePrompt(item.text, term), choices, correctIndex: choices.indexOf(term.answer) };
}

function pickDistractors(item: QuizItem, bank: Map<string, BankTerm[]>, related: Map<string, readonly string[]>, usedSets: Set<string>, checking: AnswerContext): string[] | undefined {
  const term = item.term;
  if (!term) return undefined;
  const own = bankTerm(item.id, item.cardId, term.answer, term.kind);
  const visible = normaliseAnswer(clozePrompt(item.text, term));
  const candidates = [...term.wrong.map((answer) => bankTerm(`${item.id}#wrong`, item.cardId, answer, term.kind))];
  if (drawsFromBank(term.kind)) candidates.push(...rankBank(item, own, bank.get(bankKey(own)) ?? [], related), ...builtInTerms(item, term));
  const judge = answerJudge(term, checking);
  const picked: BankTerm[] = [];
  // Judged one by one, in rank order, until three are found: judging a whole bank per item is what costs.
  for (const candidate of candidates) {
    if (!isFair(candidate, own, visible) || picked.some((other) => overlaps(candidate, other))) continue;
    if (judge(candidate.answer).verdict !== 'wrong') continue;
    if (picked.length === WRONG_OPTIONS - 1 && usedSets.has(optionSetKey([term.answer, ...picked.map((p) => p.answer), candidate.answer]))) continue;
    picked.push(candidate);
    if (picked.length === WRONG_OPTIONS) return picked.map((p) => p.answer);
  }
  return undefined;
}

// Related cards first, then the rest of the deck, the item's own card last (its siblings' blanks would
// teach one item's answer through another); within a tier, options of a similar length first, so the
// right one does not stand out, then an order fixed by the item.
function rankBank(item: QuizItem, own: BankTerm, sameKind: readonly BankTerm[], related: Map<string, readonly string[]>): BankTerm[] {
  const near = new Set(related.get(item.cardId) ?? []);
  sameKind = sampleOf(sameKind, near, item.id);
  const tier = (candidate: BankTerm) => (candidate.cardId === item.cardId ? 2 : near.has(candidate.cardId) ? 0 : 1);
  const lengthGap = (candidate: BankTerm) => Math.min(2, Math.floor(Math.abs(Math.log(candidate.answer.length / own.answer.length)) / 0.4));
  return sameKind
    .filter((candidate) => candidate.itemId !== item.id)
    .map((candidate) => ({ candidate, key: [tier(candidate), lengthGap(candidate), randomFor(0, item.id, candidate.itemId)] }))
    .sort((a, b) => a.key[0]! - b.key[0]! || a.key[1]! - b.key[1]! || a.key[2]! - b.key[2]!)
    .map(({ candidate }) => candidate);
}

// A large deck has thousands of numbers of one unit: rank the related cards' ones and a window of the
// rest chosen by the item, so choosing options stays linear in the deck.
const RANKED_AT_MOST = 64;

function sampleOf(sameKind: readonly BankTerm[], near: ReadonlySet<string>, itemId: string): readonly BankTerm[] {
  if (sameKind.length <= RANKED_AT_MOST) return sameKind;
  const start = Math.floor(randomFor(0, itemId, 'window') * sameKind.length);
  const window = Array.from({ length: RANKED_AT_MOST }, (_, i) => sameKind[(start + i) % sameKind.length]!);
  return near.size === 0 ? window : [...sameKind.filter((candidate) => near.has(candidate.cardId)).slice(0, RANKED_AT_MOST), ...window];
}

// An option is fair when it is not the answer in other words (checked with the glossary by the caller), does not contain it, and is not already in the sentence.
function isFair(candidate: BankTerm, own: BankTerm, visible: string): boolean {
  return candidate.compact.length > 0 && !overlaps(candidate, own) && !containsWord(visible, normaliseAnswer(candidate.answer));
}

function optionSetKey(options: readonly string[]): string {
  return options.map((option) => normaliseAnswer(option)).sort().join('\u0000');
}

// Two options overlap when one is the other or contains it: "TTL" and "remaining TTL" would both read as right.
function overlaps(a: BankTerm, b: BankTerm): boolean {
  return a.compact === b.compact || (a.compact.length >= 3 && b.compact.includes(a.compact)) || (b.compact.length >= 3 && a.compact.includes(b.compact));
}

function containsWord(haystack: string, needle: string): boolean {
  return needle.length > 0 && ` ${haystack} `.includes(` ${needle} `);
}
