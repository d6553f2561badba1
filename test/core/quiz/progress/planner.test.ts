import { describe, expect, it } from 'vitest';
import { deriveProgress } from '../../../../src/core/quiz/progress/derive-progress.js';
import { generateItems } from '../../../../src/core/quiz/items/generate-items.js';
import type { ReviewEntry } from '../../../../src/core/quiz/progress/log-entry.js';
import { planStudy } from '../../../../src/core/quiz/progress/planner.js';
import { localTime, quizCard } from '../quiz-fixtures.js';

const NOW = localTime(2026, 6, 10, 9);
const DAY = 86_400_000;
const points = (id: string, count: number) => Array.from({ length: count }, (_, i) => `${id} fact ${i} is **term${i}${id}** in practice.`);
const hub = quizCard('hub', points('hub', 4));
const leaf = quizCard('leaf', points('leaf', 4), { related: ['hub'] });
const other = quizCard('other', points('other', 4), { related: ['hub'] });
const started = quizCard('started', points('started', 4));
const cards = [leaf, other, hub, started];
const items = generateItems(cards);
const log: ReviewEntry[] = items.filter((item) => item.cardId === 'started').map((item, index) => ({
  v: 1, type: 'review', id: `s-${index}`, at: new Date(NOW - 20 * DAY).toISOString(), session: 's', item: item.id, card: 'started', mode: 'cloze', grade: 1, correct: false, ms: 20_000, text: item.text,
}));
const progress = deriveProgress(log, items);

describe('planStudy', () => {
  it('puts due reviews first, then unread cards that fit, within the minutes given', () => {
    const plan = planStudy({ cards, items, progress, nowMs: NOW, minutes: 25, newPerDay: 20 });
    expect(plan.steps[0]).toMatchObject({ kind: 'review', items: 4, command: 'swelearn quiz --due --count 4' });
    expect(plan.steps.filter((step) => step.kind === 'read').length).toBeGreaterThan(0);
    expect(plan.plannedMinutes).toBeLessThanOrEqual(25);
    expect(plan.steps.reduce((sum, step) => sum + step.minutes, 0)).toBeCloseTo(plan.plannedMinutes);
  });

  it('estimates the time per item from the learner\'s own answers', () => {
    expect(planStudy({ cards, items, progress, nowMs: NOW, minutes: 20, newPerDay: 20 }).secondsPerItem).toBe(25);
  });

  it('leaves due items for later when they do not fit', () => {
    const plan = planStudy({ cards, items, progress, nowMs: NOW, minutes: 1, newPerDay: 20 });
    expect(plan).toMatchObject({ dueTotal: 4, dueLeft: 2 });
    expect(plan.steps).toEqual([expect.objectContaining({ kind: 'review', items: 2 })]);
  });

  it('before an interview, reads the card the others depend on first and says what a day needs', () => {
    const plan = planStudy({ cards, items, progress, nowMs: NOW, minutes: 60, newPerDay: 20, interviewAtMs: NOW + 5 * DAY });
    const reads = plan.steps.flatMap((step) => (step.kind === 'read' ? [step.cardId] : []));
    expect(reads[0]).toBe('hub');
    expect(plan.interview).toMatchObject({ daysLeft: 5 });
    expect(plan.interview!.minutesPerDayNeeded).toBeGreaterThan(0);
    const without = planStudy({ cards, items, progress, nowMs: NOW, minutes: 60, newPerDay: 20 });
    expect(without.steps.flatMap((step) => (step.kind === 'read' ? [step.cardId] : []))[0]).toBe('leaf');
  });

  it('respects the daily limit of new items', () => {
    const plan = planStudy({ cards, items, progress, nowMs: NOW, minutes: 120, newPerDay: 4 });
    expect(plan.steps.filter((step) => step.kind === 'read')).toHaveLength(1);
  });
});

describe('planStudy and the daily limit of new items', () => {
  // Four new items first answered an hour ago: today's limit is partly used.
  const today: ReviewEntry[] = items.filter((item) => item.cardId === 'hub').map((item, index) => ({
    v: 2, type: 'review', id: `t-${index}`, at: new Date(NOW - 3_600_000).toISOString(), session: 't', item: item.id, card: 'hub', mode: 'cloze', grade: 3, correct: true, ms: 20_000, text: item.text,
  }));
  const startedToday = deriveProgress([...log, ...today], items);

  it.each<[string, { minutes: number; newPerDay: number; progress?: typeof progress }, { perDay: number; usedToday: number; planned: number; heldBack: number }]>([
    ['a roomy limit shapes nothing', { minutes: 120, newPerDay: 20 }, { perDay: 20, usedToday: 0, planned: 12, heldBack: 0 }],
    ['a limit of 4 holds back the two cards that would also fit', { minutes: 120, newPerDay: 4 }, { perDay: 4, usedToday: 0, planned: 4, heldBack: 8 }],
    ['a limit of 0 holds back every card that fits', { minutes: 120, newPerDay: 0 }, { perDay: 0, usedToday: 0, planned: 0, heldBack: 12 }],
    ['items already met today count against the limit', { minutes: 120, newPerDay: 6, progress: startedToday }, { perDay: 6, usedToday: 4, planned: 2, heldBack: 6 }],
    ['a short time shapes the plan, not the limit', { minutes: 3, newPerDay: 4 }, { perDay: 4, usedToday: 0, planned: 0, heldBack: 0 }],
  ])('%s', (_name, input, expected) => {
    const plan = planStudy({ cards, items, progress: input.progress ?? progress, nowMs: NOW, minutes: input.minutes, newPerDay: input.newPerDay });
    expect(plan.newItems).toEqual(expected);
    expect(plan.steps.reduce((sum, step) => sum + (step.kind === 'read' ? step.quizItems : 0), 0)).toBe(expected.planned);
  });
});
