import type { Card } from '../../core/cards/types.js';
import { buildDistractorPool } from '../../core/quiz/items/choice.js';
import { deriveProgress, type DerivedProgress } from '../../core/quiz/progress/derive-progress.js';
import { presentItem } from '../../core/quiz/items/present.js';
import { orderNewItems } from '../../core/quiz/session/new-item-order.js';
import { selectItems, type Selection } from '../../core/quiz/session/select-items.js';
import type { SessionSetup } from '../../core/quiz/session/session.js';
import type { Question, QuizItem } from '../../core/quiz/types.js';
import { UserError } from '../errors.js';
import { cardItemsFor } from './card-items.js';
import { predictItemsFor } from './predict-items.js';
import { openProgressWriter, readProgress, type StudyProgress } from './progress.js';
import type { QuizRequest } from './quiz-request.js';
import { selectCards } from './select-cards.js';
import { newSessionId } from './session-id.js';
import type { StudyContext } from './study-context.js';

/** A session ready to run: its setup, why these items, and where answers go. */
export interface PreparedQuiz {
  setup: SessionSetup;
  selection: Selection;
  progress: StudyProgress;
  derived: DerivedProgress;
  cards: Card[];
  /** Every item of the selected cards, for telling the learner what is left. */
  candidates: QuizItem[];
  newPerDay: number;
}

/** Loads cards and progress and picks the session's questions; throws a clear error when nothing can be asked. */
export async function prepareQuiz(study: StudyContext, request: QuizRequest, nowMs: number, seed: number): Promise<PreparedQuiz> {
  const newPerDay = study.environment.newItemsPerDay();
  const cards = await study.cards.cards();
  const chosenCards = await selectCards(study.cards, request);
  const predict = await predictItemsFor(study.environment, cards);
  if (predict.problem && (request.mode === 'predict' || request.mode === 'mixed')) study.warn(`warning: no predict items: ${predict.problem}`);
  const allItems = [...cardItemsFor(study.environment, cards), ...predict.items];
  const links = new Map(cards.map((card) => [card.id, card.related]));
  const pool = buildDistractorPool(allItems, links);
  const chosenIds = new Set(chosenCards.map((card) => card.id));
  const limits = request.perItemMs === undefined ? {} : { perItemMs: request.perItemMs };
  const questions = new Map<string, Question>();
  const candidates = allItems.filter((item) => {
    if (!chosenIds.has(item.cardId)) return false;
    const question = presentItem(item, request.mode, pool, seed, limits);
    if (question) questions.set(item.id, question);
    return question !== undefined;
  });
  if (candidates.length === 0) throw new UserError(noItemsMessage(request));
  const read = readProgress(study);
  const derived = deriveProgress(read.entries, allItems);
  // New items are met interleaved, easy cards and the most linked-to first, not card by card.
  const selection = selectItems(orderNewItems(candidates, links, seed), derived, { nowMs, count: request.count, dueOnly: request.due, cram: request.cram, newPerDay });
  const setup: SessionSetup = {
    sessionId: newSessionId(nowMs),
    questions: selection.items.map((item) => questions.get(item.id)!),
    schedules: Object.fromEntries(selection.items.map((item) => [item.id, derived.items.get(item.id)?.schedule])),
    cram: request.cram,
    retryMisses: true,
    ...(request.sessionMs === undefined ? {} : { sessionLimitMs: request.sessionMs }),
  };
  // Nothing to ask, nothing to write: a quiet day creates no files.
  const progress = setup.questions.length > 0 ? openProgressWriter(study, read) : read;
  return { setup, selection, progress, derived, cards, candidates, newPerDay };
}

function noItemsMessage(request: QuizRequest): string {
  const scope = [request.card && `--card ${request.card}`, request.topic && `--topic ${request.topic}`, request.tag && `--tag ${request.tag}`].filter(Boolean).join(' ') || 'the loaded cards';
  if (request.mode === 'predict') return `no simulator steps to predict for ${scope}: predict items come from the scenarios named in a card's sim: field`;
  return `no ${request.mode === 'mixed' ? '' : `${request.mode} `}items can be made from ${scope}`;
}
