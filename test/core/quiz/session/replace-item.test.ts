import { describe, expect, it } from 'vitest';
import { generateItems } from '../../../../src/core/quiz/items/generate-items.js';
import { findEditedItem, representQuestion } from '../../../../src/core/quiz/session/edited-item.js';
import { replaceItem } from '../../../../src/core/quiz/session/replace-item.js';
import { continueSession, startSession, submitAnswer } from '../../../../src/core/quiz/session/session.js';
import { quizCard } from '../quiz-fixtures.js';
import { questions, sessionItems, setup } from '../session-fixtures.js';

const T0 = Date.UTC(2026, 5, 1, 9);
const first = sessionItems[0]!;
const points = ['Unbound caps TTLs at **86400 s** by default.', 'Chrome keeps answers for **60 s**.', 'The JVM caches for **30 s** by default.', 'Serve-stale is in **RFC 8767**.'];
const itemsAfter = (edited: string[]) => generateItems([quizCard('ttl', edited)]);

describe('what an edit made of an item', () => {
  it.each([
    ['the same text: unchanged', points, 'same'],
    ['a word added: the most similar point of the card', [`${points[0]!.slice(0, -1)}, like BIND.`, ...points.slice(1)], 'changed'],
    ['the point deleted: removed', points.slice(1), 'removed'],
    ['rewritten beyond recognition: removed', ['Resolvers clamp nothing at all, ever, in **no** case.', ...points.slice(1)], 'removed'],
  ])('%s', (_name, edited, kind) => {
    expect(findEditedItem(first, itemsAfter(edited)).kind).toBe(kind);
  });
});

describe('replacing an edited item in a running session', () => {
  const edited = itemsAfter([`${points[0]!.slice(0, -1)}, like BIND.`, ...points.slice(1)]);
  const found = findEditedItem(first, edited);
  const newItem = found.kind === 'changed' ? found.item : undefined;

  it('asks the edited question afresh from now, and its schedule follows it to the new id', () => {
    const state = { ...startSession(setup('cloze'), T0), schedules: { [first.id]: { due: 1 } as never } };
    const question = representQuestion(state.queue[0]!.question, newItem!)!;
    const next = replaceItem(state, first.id, question, T0 + 5000);
    expect(next.queue[0]!.question.prompt).toBe('Unbound caps TTLs at _____ by default, like BIND.');
    expect(next.itemDeadlineAt).toBe(T0 + 5000 + 30_000);
    expect(next.schedules[newItem!.id]).toEqual({ due: 1 });
    expect(next.schedules[first.id]).toBeUndefined();
  });

  it('keeps the wrong options of a choice around the new answer', () => {
    const [choice] = questions('choice', 1);
    const question = representQuestion(choice!, newItem!)!;
    const wrong = (q: typeof choice) => q!.choices!.filter((_, index) => index !== q!.correctIndex).sort();
    expect(wrong(question)).toEqual(wrong(choice));
    expect(question.choices![question.correctIndex!]).toBe('86400 s');
  });

  it.each([
    ['asked: the next item is asked', 'asking', 'Chrome keeps answers for _____.', 'asking'],
    ['on its verdict: the verdict stays', 'feedback', 'Unbound caps TTLs at _____ by default.', 'feedback'],
  ] as const)('drops a removed point %s', (_name, phase, prompt, after) => {
    let state = startSession(setup('cloze', { retryMisses: true }), T0);
    if (phase === 'feedback') state = submitAnswer(state, 'wrong', T0 + 1000).state;
    const next = replaceItem(state, first.id, undefined, T0 + 2000);
    expect(next.phase).toBe(after);
    expect(next.queue[next.index]!.question.prompt).toBe(prompt);
    // Its retry is gone too: it is not asked again.
    expect(next.queue.filter((slot) => slot.question.item.id === first.id)).toHaveLength(phase === 'feedback' ? 1 : 0);
    if (phase === 'feedback') expect(continueSession(next, T0 + 3000).queue[1]!.question.item.id).not.toBe(first.id);
  });

  it('ends the session when the removed point was the last item', () => {
    const state = startSession({ ...setup('cloze'), questions: questions('cloze', 1) }, T0);
    expect(replaceItem(state, first.id, undefined, T0 + 1000)).toMatchObject({ phase: 'finished', endedBy: 'completed' });
  });
});
