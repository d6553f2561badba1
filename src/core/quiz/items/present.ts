import { buildChoice, type DistractorPool } from './choice.js';
import { clozePrompt } from './cloze.js';
import { randomFor, shuffled } from './random.js';
import type { ScheduleTrack } from '../progress/tracks.js';
import type { QuizItem, QuizMode, Question, SessionMode } from '../types.js';

/** Per-item time limits: the learner's --per-item for everything, or defaults by kind of item. */
export interface TimeLimits {
  perItemMs?: number;
}

/** Default seconds per item: short key points, longer for written practice questions and simulator steps. */
export const DEFAULT_SECONDS = { keyPoint: 30, practiceQuestion: 90, predict: 45 } as const;

/** Which modes can ask this item (a choice also needs enough distractors, checked when it is built). */
export function modesFor(item: QuizItem): QuizMode[] {
  if (item.kind === 'predict') return ['predict'];
  if (item.kind === 'practice-question') return ['flashcard'];
  return item.term ? ['cloze', 'choice', 'flashcard'] : ['flashcard'];
}

/**
 * Asks an item in the requested mode; mixed picks one per item from the seed, within `track` when the
 * item's schedule names one (see trackToAsk). Undefined when the item cannot be asked so.
 */
export function presentItem(item: QuizItem, mode: SessionMode, pool: DistractorPool, seed: number, limits: TimeLimits = {}, track?: ScheduleTrack): Question | undefined {
  const asked = modeToAsk(item, mode, pool, seed, track);
  return asked && questionFor(item, asked, pool, seed, limits);
}

/**
 * The mode presentItem would ask an item in, without building its question (undefined when it cannot be
 * asked so): a session decides what to ask from every candidate's mode and builds only the questions it asks.
 */
export function modeToAsk(item: QuizItem, mode: SessionMode, pool: DistractorPool, seed: number, track?: ScheduleTrack): QuizMode | undefined {
  const available = modesFor(item);
  if (mode === 'mixed') return mixedOrder(available, randomFor(seed, item.id, 'mode'), track).find((candidate) => canAsk(item, candidate, pool));
  return available.includes(mode) && canAsk(item, mode, pool) ? mode : undefined;
}

/**
 * Whether modeToAsk finds a mode for the item, in any track, without drawing one: a session filters its candidates
 * by this and draws the mode only of the items whose mode it reads (the answered ones and those it asks). In mixed
 * mode an item with a blank can always be asked (cloze, or flashcard, is in every order), one without has one mode.
 */
export function canAskAs(item: QuizItem, mode: SessionMode, pool: DistractorPool): boolean {
  const available = modesFor(item);
  return mode === 'mixed' ? available.some((candidate) => canAsk(item, candidate, pool)) : available.includes(mode) && canAsk(item, mode, pool);
}

// Whether questionFor can build the item's question in a mode it has: the same conditions, checked without building.
function canAsk(item: QuizItem, mode: QuizMode, pool: DistractorPool): boolean {
  switch (mode) {
    case 'flashcard':
      return true;
    case 'cloze':
      return Boolean(item.term);
    case 'choice':
      return Boolean(item.term && pool.distractors.get(item.id));
    case 'predict':
      return Boolean(item.predict);
  }
}

/** Builds an item's question in a mode modeToAsk chose for it (undefined when the item cannot be asked so). */
export function questionFor(item: QuizItem, mode: QuizMode, pool: DistractorPool, seed: number, limits: TimeLimits = {}): Question | undefined {
  if (!modesFor(item).includes(mode)) return undefined;
  const timeLimitMs = limits.perItemMs ?? 1000 * (item.kind === 'practice-question' ? DEFAULT_SECONDS.practiceQuestion : item.kind === 'predict' ? DEFAULT_SECONDS.predict : DEFAULT_SECONDS.keyPoint);
  const base = { item, mode, timeLimitMs };
  switch (mode) {
    case 'flashcard':
      return { ...base, prompt: item.front, answer: item.back };
    case 'cloze':
      return item.term ? { ...base, prompt: clozePrompt(item.text, item.term), answer: item.term.answer } : undefined;
    case 'choice': {
      const choice = buildChoice(item, pool, seed);
      return choice && item.term ? { ...base, prompt: choice.stem, answer: item.term.answer, choices: choice.choices, correctIndex: choice.correctIndex } : undefined;
    }
    case 'predict': {
      const step = item.predict;
      if (!step) return undefined;
      // Shuffled with the session's seed, so the right option's place differs from one session to the next.
      const order = shuffled(step.choices.map((_, index) => index), seed, item.id, 'options');
      return { ...base, prompt: item.front, answer: step.choices[step.correctIndex]!, choices: order.map((index) => step.choices[index]!), correctIndex: order.indexOf(step.correctIndex) };
    }
  }
}

// Typed modes first in the mix: they check recall instead of trusting a self-grade. Recall keeps the mix's
// cloze-to-flashcard ratio (45 to 25); recognition is a choice, or a recall mode when no fair choice can be built.
function mixedOrder(available: QuizMode[], draw: number, track: ScheduleTrack | undefined): QuizMode[] {
  if (available.length === 1) return available;
  if (track === 'recall') return draw < 0.64 ? ['cloze', 'flashcard'] : ['flashcard'];
  if (track === 'recognition') return ['choice', 'cloze', 'flashcard'];
  return draw < 0.45 ? ['cloze'] : draw < 0.75 ? ['choice', 'cloze'] : ['flashcard'];
}
