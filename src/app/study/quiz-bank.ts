import { stripControl } from '../../core/text/sanitize.js';
import type { CardMeta } from '../../core/cards/types.js';
import { answerContext, type AnswerContext } from '../../core/quiz/answers/known-terms.js';
import type { DistractorPool } from '../../core/quiz/items/choice.js';
import { boundedEditDistance } from '../../core/search/fuzzy.js';
import type { QuizItem, SessionMode } from '../../core/quiz/types.js';
import { UsageError } from '../errors.js';
import { distractorPoolFor } from './distractor-pool.js';
import { loadStudyGlossary } from './glossary.js';
import { selectCards, type CardFilters } from './select-cards.js';
import type { StudyContext } from './study-context.js';
import { loadWholeItems } from './study-summary.js';
import { compareKeys } from '../../core/text/compare-keys.js';

/** Everything quiz items are asked from: every card and item (simulator steps included), the cards a request picks, and the choice distractors. */
export interface QuizBank {
  cards: CardMeta[];
  /** The cards --card, --topic and --tag leave. */
  chosen: CardMeta[];
  items: QuizItem[];
  /** Each card's related cards, for distractors and the order of new items. */
  links: Map<string, readonly string[]>;
  pool: DistractorPool;
  /** What typed answers are checked against: the glossary and every item's terms. */
  checking: AnswerContext;
}

/** Loads the cards and makes every item; warns when simulator steps were asked for and could not be made. */
export async function loadQuizBank(study: StudyContext, filters: CardFilters & { mode: SessionMode }): Promise<QuizBank> {
  const cards = await study.cards.metas();
  const chosen = await selectCards(study.cards, filters);
  const { items, predictProblem, keys } = await loadWholeItems(study);
  if (predictProblem && (filters.mode === 'predict' || filters.mode === 'mixed')) study.warn(`warning: no predict items: ${predictProblem}`);
  const links = new Map(cards.map((card) => [card.id, card.related]));
  // Typed answers and choice options are judged alike: with the glossary and every item's terms, not only this session's.
  const glossary = loadStudyGlossary(study);
  const checking = answerContext(items, glossary);
  return { cards, chosen, items, links, pool: distractorPoolFor(study.environment, items, links, glossary, checking, keys), checking };
}

/** The item with this id; an unknown id is a usage error that suggests the closest ids. */
export function findQuizItem(items: readonly QuizItem[], wanted: string): QuizItem {
  const id = wanted.trim();
  const found = items.find((item) => item.id === id);
  if (found) return found;
  const close = closestIds(items.map((item) => item.id), id);
  throw new UsageError(`no quiz item has id "${stripControl(id)}"${close.length > 0 ? `; did you mean ${close.join(', ')}?` : ''} (swelearn quiz --list shows every id)`);
}

// A typo first (a few edits away), else ids of the same card or containing what was typed.
function closestIds(ids: readonly string[], wanted: string): string[] {
  const lower = wanted.toLowerCase();
  const limit = Math.max(2, Math.floor(lower.length / 5));
  const typos = ids
    .map((id) => ({ id, distance: boundedEditDistance(id.toLowerCase(), lower, limit) }))
    .filter((entry) => entry.distance <= limit)
    .sort((a, b) => a.distance - b.distance || compareKeys(a.id, b.id));
  if (typos.length > 0) return typos.slice(0, 3).map((entry) => entry.id);
  const prefix = lower.includes('/') ? lower.slice(0, lower.lastIndexOf('/') + 1) : `${lower}/`;
  return ids.filter((id) => id.toLowerCase().startsWith(prefix) || (lower.length >= 4 && id.toLowerCase().includes(lower))).slice(0, 3);
}
