import type { CardMeta } from '../../core/cards/types.js';
import type { DistractorPool } from '../../core/quiz/items/choice.js';
import type { ProgressView } from '../../core/quiz/progress/derive-progress.js';
import { canAskAs, modesFor, modeToAsk, presentItem, questionFor } from '../../core/quiz/items/present.js';
import { isHeld, trackOf } from '../../core/quiz/progress/tracks.js';
import { trackToAsk } from '../../core/quiz/session/track-to-ask.js';
import { orderForSelection } from '../../core/quiz/session/new-item-order.js';
import { placeReader, selectItems, type Selection } from '../../core/quiz/session/select-items.js';
import type { SessionSetup } from '../../core/quiz/session/session.js';
import type { QuizItem, QuizMode } from '../../core/quiz/types.js';
import { UsageError, UserError } from '../errors.js';
import { openProgressWriter, type StudyProgress } from './progress.js';
import { replayProgress } from './progress-replay.js';
import { findQuizItem, loadQuizBank } from './quiz-bank.js';
import type { QuizRequest } from './quiz-request.js';
import { newSessionId } from './session-id.js';
import type { StudyContext } from './study-context.js';

/** A session ready to run: its setup, why these items, and where answers go. */
export interface PreparedQuiz {
  setup: SessionSetup;
  selection: Selection;
  progress: StudyProgress;
  derived: ProgressView;
  cards: CardMeta[];
  /** Every item of the selected cards, for telling the learner what is left. */
  candidates: QuizItem[];
  newPerDay: number;
}

/**
 * Loads cards and progress and picks the session's questions; throws a clear error when nothing can be
 * asked. With `request.item` the session is that one item, asked now whatever its schedule.
 */
export async function prepareQuiz(study: StudyContext, request: QuizRequest, nowMs: number, seed: number): Promise<PreparedQuiz> {
  const newPerDay = study.environment.newItemsPerDay();
  const bank = await loadQuizBank(study, request);
  const replayed = replayProgress(study, bank.items);
  const derived = replayed.view;
  const limits = request.perItemMs === undefined ? {} : { perItemMs: request.perItemMs };
  // Each item's mode decides its track and its question; it is drawn only for the items whose track or question is read.
  const modes = new Map<string, QuizMode>();
  const modeOf = (item: QuizItem): QuizMode | undefined => {
    if (modes.has(item.id)) return modes.get(item.id);
    // A mixed session asks an item in the track its schedule is due in; one mode asks every item in that mode's track.
    const track = request.mode === 'mixed' ? trackToAsk(derived.items.get(item.id), nowMs, modesFor(item).some((mode) => trackOf(mode) === 'recall')) : undefined;
    const mode = modeToAsk(item, request.mode, bank.pool, seed, track);
    if (mode) modes.set(item.id, mode);
    return mode;
  };
  const ask = (item: QuizItem) => modeOf(item) !== undefined;
  const chosen = new Set(bank.chosen.map((card) => card.id));
  const candidates = request.item === undefined ? bank.items.filter((item) => chosen.has(item.cardId) && canAskAs(item, request.mode, bank.pool)) : [askable(findQuizItem(bank.items, request.item), request, ask, bank.pool)];
  if (candidates.length === 0) throw new UserError(noItemsMessage(request));
  if (request.item !== undefined) refuseHeld(candidates[0]!, derived, nowMs);
  const read: StudyProgress = { logPath: replayed.logPath };
  const trackOfItem = (item: QuizItem) => trackOf(modeOf(item)!);
  const options = { nowMs, count: request.count, dueOnly: request.due, cram: request.cram, newPerDay, trackOf: trackOfItem };
  // New items are met interleaved, easy cards and the most linked-to first, not card by card; one item asked by id is asked now.
  const hasProgress = (item: QuizItem) => derived.items.get(item.id) !== undefined;
  const selection = request.item === undefined ? selectItems(orderForSelection(candidates, bank.links, seed, hasProgress, request.count, placeReader(candidates, derived, options)), derived, options) : selectItems(candidates, derived, { ...options, count: 1, dueOnly: false, cram: true });
  const setup: SessionSetup = {
    sessionId: newSessionId(nowMs),
    questions: selection.items.map((item) => questionFor(item, modeOf(item)!, bank.pool, seed, limits)!),
    schedules: Object.fromEntries(selection.items.map((item) => [item.id, derived.items.get(item.id)?.tracks[trackOfItem(item)]?.schedule])),
    cram: request.cram,
    retryMisses: true,
    // Typed answers are checked against the glossary and every item's terms, not only this session's.
    checking: bank.checking,
    ...(request.sessionMs === undefined ? {} : { sessionLimitMs: request.sessionMs }),
  };
  // Nothing to ask, nothing to write: a quiet day creates no files.
  const progress = setup.questions.length > 0 ? openProgressWriter(study, read) : read;
  return { setup, selection, progress, derived, cards: bank.cards, candidates, newPerDay };
}

// An item asked by id in a mode it has no question for is a mistake on the command line.
function askable(item: QuizItem, request: QuizRequest, ask: (item: QuizItem) => boolean, pool: DistractorPool): QuizItem {
  if (ask(item)) return item;
  // A choice needs three fair options, which not every item with a blank has.
  const modes = modesFor(item).filter((mode) => presentItem(item, mode, pool, 0) !== undefined);
  throw new UsageError(`item ${item.id} cannot be asked as ${request.mode}; it can be asked as ${modes.join(', ')}`);
}

// An item asked by id is asked whatever its schedule, but a suspended or buried one is held back on purpose.
function refuseHeld(item: QuizItem, derived: ProgressView, nowMs: number): void {
  const hold = derived.items.get(item.id)?.hold;
  if (!isHeld(hold, nowMs)) return;
  if (hold?.suspended) throw new UserError(`item ${item.id} is suspended${hold.suspended.by === 'leech' ? ' as a leech' : ''}; bring it back first with: swelearn quiz --unsuspend ${item.id}`);
  throw new UserError(`item ${item.id} is buried until the end of today; bring it back now with: swelearn quiz --unsuspend ${item.id}`);
}

function noItemsMessage(request: QuizRequest): string {
  const scope = [request.card && `--card ${request.card}`, request.topic && `--topic ${request.topic}`, request.tag && `--tag ${request.tag}`].filter(Boolean).join(' ') || 'the loaded cards';
  if (request.mode === 'predict') return `no simulator steps to predict for ${scope}: predict items come from the scenarios named in a card's sim: field`;
  return `no ${request.mode === 'mixed' ? '' : `${request.mode} `}items can be made from ${scope}`;
}
