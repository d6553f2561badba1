import type { Card } from '../../core/cards/types.js';
import { buildDistractorPool } from '../../core/quiz/choice.js';
import { deriveProgress, type DerivedProgress } from '../../core/quiz/derive-progress.js';
import { generateItems } from '../../core/quiz/generate-items.js';
import { presentItem } from '../../core/quiz/present.js';
import { DEFAULT_NEW_PER_DAY, selectItems, type Selection } from '../../core/quiz/select-items.js';
import type { SessionSetup } from '../../core/quiz/session.js';
import type { QuizItem, Question } from '../../core/quiz/types.js';
import type { CliContext } from '../context.js';
import { UsageError, UserError } from '../errors.js';
import { loadCardsForCommand } from '../load.js';
import { newSessionId } from './clock.js';
import { predictItemsFor } from './predict-items.js';
import { loadProgress, openProgressWriter, type CommandProgress } from './progress.js';
import type { QuizFlags } from './quiz-flags.js';
import { selectCards } from './select-cards.js';

/** A session ready to run: its setup, why these items, and where answers go. */
export interface PreparedQuiz {
  setup: SessionSetup;
  selection: Selection;
  progress: CommandProgress;
  derived: DerivedProgress;
  cards: Card[];
  /** Every item of the selected cards, for telling the learner what is left. */
  candidates: QuizItem[];
  newPerDay: number;
}

/** Loads cards and progress and picks the session's questions; throws a clear error when nothing can be asked. */
export async function prepareQuiz(ctx: CliContext, flags: QuizFlags, nowMs: number, seed: number): Promise<PreparedQuiz> {
  const newPerDay = newItemsPerDay(ctx.env);
  const { cards } = await loadCardsForCommand(ctx);
  const chosenCards = selectCards(cards, flags);
  const predict = await predictItemsFor(ctx, cards);
  if (predict.problem && (flags.mode === 'predict' || flags.mode === 'mixed')) ctx.err(`swelearn: warning: no predict items: ${predict.problem}\n`);
  const allItems = [...generateItems(cards), ...predict.items];
  const pool = buildDistractorPool(allItems, new Map(cards.map((card) => [card.id, card.related])));
  const chosenIds = new Set(chosenCards.map((card) => card.id));
  const limits = flags.perItemMs === undefined ? {} : { perItemMs: flags.perItemMs };
  const questions = new Map<string, Question>();
  const candidates = allItems.filter((item) => {
    if (!chosenIds.has(item.cardId)) return false;
    const question = presentItem(item, flags.mode, pool, seed, limits);
    if (question) questions.set(item.id, question);
    return question !== undefined;
  });
  if (candidates.length === 0) throw new UserError(noItemsMessage(flags));
  const read = loadProgress(ctx, { write: false });
  const derived = deriveProgress(read.entries, allItems);
  const selection = selectItems(candidates, derived, { nowMs, count: flags.count, dueOnly: flags.due, cram: flags.cram, newPerDay });
  const setup: SessionSetup = {
    sessionId: newSessionId(nowMs),
    questions: selection.items.map((item) => questions.get(item.id)!),
    schedules: Object.fromEntries(selection.items.map((item) => [item.id, derived.items.get(item.id)?.schedule])),
    cram: flags.cram,
    retryMisses: true,
    ...(flags.sessionMs === undefined ? {} : { sessionLimitMs: flags.sessionMs }),
  };
  // Nothing to ask, nothing to write: a quiet day creates no files.
  const progress = setup.questions.length > 0 ? openProgressWriter(ctx, read) : read;
  return { setup, selection, progress, derived, cards, candidates, newPerDay };
}

/** The daily limit of new items: SWELEARN_NEW_PER_DAY, else 20. */
export function newItemsPerDay(env: NodeJS.ProcessEnv): number {
  const raw = env.SWELEARN_NEW_PER_DAY?.trim();
  if (!raw) return DEFAULT_NEW_PER_DAY;
  if (!/^\d+$/.test(raw)) throw new UsageError(`SWELEARN_NEW_PER_DAY must be a whole number (0 or more), got "${raw}"`);
  return Number(raw);
}

function noItemsMessage(flags: QuizFlags): string {
  const scope = [flags.card && `--card ${flags.card}`, flags.topic && `--topic ${flags.topic}`, flags.tag && `--tag ${flags.tag}`].filter(Boolean).join(' ') || 'the loaded cards';
  if (flags.mode === 'predict') return `no simulator steps to predict for ${scope}: predict items come from the scenarios named in a card's sim: field`;
  return `no ${flags.mode === 'mixed' ? '' : `${flags.mode} `}items can be made from ${scope}`;
}
