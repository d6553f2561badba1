import { linkCounts } from '../../cards/link-counts.js';
import type { CardMeta } from '../../cards/types.js';
import { localDaysBetween } from './days.js';
import { newItemsToday, type ProgressView } from './derive-progress.js';
import { dueTrack, isHeld, itemRecall } from './tracks.js';
import type { StudyItem } from '../types.js';

/** One thing to do in a study plan, with the time it should take and the command that starts it. */
export type PlanStep =
  | { kind: 'review'; items: number; minutes: number; command: string }
  | { kind: 'read'; cardId: string; title: string; difficulty: CardMeta['difficulty']; readMinutes: number; quizItems: number; minutes: number; commands: string[] }
  | { kind: 'refresh'; cardId: string; title: string; recall: number; items: number; minutes: number; command: string };

/** What to study in the time available. */
export interface StudyPlan {
  minutes: number;
  plannedMinutes: number;
  steps: PlanStep[];
  dueTotal: number;
  /** Due items that did not fit; they stay due. */
  dueLeft: number;
  unreadCards: number;
  secondsPerItem: number;
  /** The daily limit of new items and what it did to this plan: `heldBack` new items would have fitted in the time without it. */
  newItems: { perDay: number; usedToday: number; planned: number; heldBack: number };
  interview?: { date: string; daysLeft: number; unreadMinutes: number; minutesPerDayNeeded: number };
}

/** Inputs the planner needs: what exists, what the log says, and the time. */
export interface PlanInput {
  cards: readonly CardMeta[];
  items: readonly StudyItem[];
  progress: ProgressView;
  nowMs: number;
  minutes: number;
  interviewAtMs?: number;
  newPerDay: number;
}

const DEFAULT_SECONDS_PER_ITEM = 25;
const DIFFICULTY_ORDER = { easy: 0, medium: 1, hard: 2 } as const;

/** Picks due reviews first, then unread cards (read, then quiz) that fit, then refreshes of the weakest cards. */
export function planStudy(input: PlanInput): StudyPlan {
  const { cards, items, progress, nowMs } = input;
  const secondsPerItem = observedSecondsPerItem(progress);
  const itemMinutes = (count: number) => (count * secondsPerItem) / 60;
  let left = input.minutes;
  const steps: PlanStep[] = [];
  const due = items.filter((item) => {
    const answered = progress.items.get(item.id);
    return answered !== undefined && !isHeld(answered.hold, nowMs) && dueTrack(answered.tracks, nowMs) !== undefined;
  });
  const daysLeft = input.interviewAtMs === undefined ? undefined : Math.max(0, localDaysBetween(nowMs, input.interviewAtMs));
  // Close to an interview, keep some time for new material even when reviews pile up.
  const reviewBudget = daysLeft !== undefined && daysLeft <= 14 ? left * 0.6 : left;
  const reviewCount = Math.min(due.length, Math.floor((reviewBudget * 60) / secondsPerItem));
  if (reviewCount > 0) {
    steps.push({ kind: 'review', items: reviewCount, minutes: itemMinutes(reviewCount), command: `swelearn quiz --due --count ${reviewCount}` });
    left -= itemMinutes(reviewCount);
  }
  const itemsByCard = new Map<string, StudyItem[]>();
  for (const item of items) itemsByCard.set(item.cardId, [...(itemsByCard.get(item.cardId) ?? []), item]);
  const unread = cards.filter((card) => (itemsByCard.get(card.id) ?? []).every((item) => !(progress.items.get(item.id)?.answers ?? 0)) && (itemsByCard.get(card.id)?.length ?? 0) > 0);
  const ordered = orderUnread(unread, cards, daysLeft !== undefined);
  const usedToday = newItemsToday(progress, nowMs);
  let newBudget = Math.max(0, input.newPerDay - usedToday);
  // What the same time would hold without the limit, to tell whether the limit shaped this plan.
  const unlimited = ordered.reduce((acc, card) => {
    const count = itemsByCard.get(card.id)!.length;
    const minutes = card.estimatedMinutes + itemMinutes(count);
    return minutes > acc.left ? acc : { left: acc.left - minutes, count: acc.count + count };
  }, { left, count: 0 }).count;
  for (const card of ordered) {
    const quizItems = Math.min(itemsByCard.get(card.id)!.length, newBudget);
    const minutes = card.estimatedMinutes + itemMinutes(quizItems);
    if (minutes > left || quizItems === 0) continue;
    steps.push({
      kind: 'read', cardId: card.id, title: card.title, difficulty: card.difficulty, readMinutes: card.estimatedMinutes, quizItems, minutes,
      commands: [`swelearn show ${card.id}`, `swelearn quiz --card ${card.id}`],
    });
    left -= minutes;
    newBudget -= quizItems;
  }
  for (const weak of weakestCards(cards, itemsByCard, progress, nowMs)) {
    const minutes = itemMinutes(weak.items);
    if (minutes > left || weak.recall >= 0.85) continue;
    steps.push({ kind: 'refresh', cardId: weak.card.id, title: weak.card.title, recall: weak.recall, items: weak.items, minutes, command: `swelearn quiz --card ${weak.card.id} --cram` });
    left -= minutes;
  }
  const planned = Math.max(0, input.newPerDay - usedToday) - newBudget;
  const unreadMinutes = unread.reduce((sum, card) => sum + card.estimatedMinutes + itemMinutes(itemsByCard.get(card.id)!.length), 0);
  return {
    minutes: input.minutes,
    plannedMinutes: input.minutes - left,
    steps,
    dueTotal: due.length,
    dueLeft: due.length - reviewCount,
    unreadCards: unread.length,
    secondsPerItem,
    newItems: { perDay: input.newPerDay, usedToday, planned, heldBack: Math.max(0, unlimited - planned) },
    ...(daysLeft === undefined || input.interviewAtMs === undefined
      ? {}
      : { interview: { date: new Date(input.interviewAtMs).toISOString().slice(0, 10), daysLeft, unreadMinutes, minutesPerDayNeeded: Math.ceil(unreadMinutes / Math.max(1, daysLeft) + itemMinutes(due.length)) } }),
  };
}

/** The learner's own median time per answer (plus a little for reading the verdict), or 25 s before there is history. */
function observedSecondsPerItem(progress: ProgressView): number {
  const times = progress.summary.recentMs.slice(-200).sort((a, b) => a - b);
  if (times.length < 5) return DEFAULT_SECONDS_PER_ITEM;
  return Math.min(90, Math.max(8, Math.round(times[Math.floor(times.length / 2)]! / 1000 + 5)));
}

// Without a deadline: easy cards first, in curriculum order. Before an interview: the cards others point to most come first.
function orderUnread(unread: readonly CardMeta[], all: readonly CardMeta[], interview: boolean): CardMeta[] {
  const inDegree = linkCounts(new Map(all.map((card) => [card.id, card.related])));
  const position = new Map(all.map((card, index) => [card.id, index]));
  return [...unread].sort((a, b) =>
    interview
      ? (inDegree.get(b.id) ?? 0) - (inDegree.get(a.id) ?? 0) || DIFFICULTY_ORDER[a.difficulty] - DIFFICULTY_ORDER[b.difficulty] || position.get(a.id)! - position.get(b.id)!
      : DIFFICULTY_ORDER[a.difficulty] - DIFFICULTY_ORDER[b.difficulty] || position.get(a.id)! - position.get(b.id)!,
  );
}

function weakestCards(cards: readonly CardMeta[], itemsByCard: Map<string, StudyItem[]>, progress: ProgressView, nowMs: number) {
  const result: { card: CardMeta; recall: number; items: number }[] = [];
  for (const card of cards) {
    const recalls = (itemsByCard.get(card.id) ?? []).flatMap((item) => {
      const answered = progress.items.get(item.id);
      const recall = answered && !answered.hold?.suspended ? itemRecall(answered.tracks, nowMs) : undefined;
      return recall === undefined ? [] : [recall];
    });
    if (recalls.length === 0) continue;
    result.push({ card, recall: recalls.reduce((sum, recall) => sum + recall, 0) / recalls.length, items: recalls.length });
  }
  return result.sort((a, b) => a.recall - b.recall);
}
