import { describe, expect, it } from 'vitest';
import { deriveProgress } from '../../../../src/core/quiz/progress/derive-progress.js';
import { generateItems } from '../../../../src/core/quiz/items/generate-items.js';
import { itemIdFor } from '../../../../src/core/quiz/items/item-id.js';
import type { ReviewEntry } from '../../../../src/core/quiz/progress/log-entry.js';
import { matchEditedItems } from '../../../../src/core/quiz/progress/match-edits.js';
import { quizCard } from '../quiz-fixtures.js';

const POINT = 'Unbound caps cached TTLs at **86400 s** by default and applies no minimum.';

function review(item: string, text: string, atMs: number, grade: 1 | 2 | 3 | 4 = 3): ReviewEntry {
  return { v: 1, type: 'review', id: `s-${item}-${atMs}`, at: new Date(atMs).toISOString(), session: 's', item, card: 'ttl', mode: 'cloze', grade, correct: grade > 1, ms: 5000, text };
}

describe('item ids', () => {
  it('come from the card id and the point, and ignore formatting', () => {
    const id = generateItems([quizCard('ttl', [POINT])])[0]!.id;
    expect(id).toMatch(/^ttl\/kp-[0-9a-f]{8}$/);
    expect(generateItems([quizCard('ttl', ['Unbound caps cached TTLs at 86400 s by   default and applies no minimum.'])])[0]!.id).toBe(id);
    expect(generateItems([quizCard('other', [POINT])])[0]!.id).not.toBe(id);
  });

  it('stay apart for two identical points in one card', () => {
    const ids = generateItems([quizCard('ttl', [POINT, POINT])]).map((item) => item.id);
    expect(ids[1]).toBe(`${ids[0]}-2`);
  });

  it('turn practice questions into flashcards as written, keyed by the question', () => {
    const [, question] = generateItems([quizCard('ttl', [POINT], { questions: [['Why not set every TTL to 5 s?', 'Every lookup becomes a miss.']] })]);
    expect(question).toMatchObject({ kind: 'practice-question', front: 'Why not set every TTL to 5 s?', back: 'Every lookup becomes a miss.', source: { sectionName: 'Practice Questions' } });
    expect(question!.id).toBe(itemIdFor('ttl', 'pq', 'Why not set every TTL to 5 s?'));
  });

  it('link back to the card section and line they came from', () => {
    const [item] = generateItems([quizCard('ttl', [POINT])]);
    expect(item!.source).toMatchObject({ cardId: 'ttl', sectionName: 'Key Points for Interviews' });
    expect(item!.source.line).toBeGreaterThan(1);
  });
});

describe('matching edited points to their old ids', () => {
  const old = { id: 'ttl/kp-00000001', cardId: 'ttl', text: 'Unbound caps cached TTLs at 86400 s by defualt and applies no minimum.' };

  it.each([
    ['a fixed typo', 'Unbound caps cached TTLs at 86400 s by default and applies no minimum.', true],
    ['a clause added', 'Unbound caps cached TTLs at 86400 s by default (cache-max-ttl) and applies no minimum.', true],
    ['a different point of the same card', 'Chrome keeps system-resolver results for a fixed 60 s.', false],
  ])('%s: matched = %s', (_name, text, matched) => {
    const current = [{ id: 'ttl/kp-00000002', cardId: 'ttl', text }];
    expect(matchEditedItems([old], current).get(old.id)).toBe(matched ? 'ttl/kp-00000002' : undefined);
  });

  it('never matches across cards or between a key point and a practice question', () => {
    expect(matchEditedItems([old], [{ id: 'dns/kp-00000002', cardId: 'dns', text: old.text }]).size).toBe(0);
    expect(matchEditedItems([old], [{ id: 'ttl/pq-00000002', cardId: 'ttl', text: old.text }]).size).toBe(0);
  });

  it('keeps the progress of a point whose typo was fixed', () => {
    const before = generateItems([quizCard('ttl', ['Unbound caps cached TTLs at **86400 s** by defualt and applies no minimum.'])])[0]!;
    const after = generateItems([quizCard('ttl', [POINT])])[0]!;
    expect(after.id).not.toBe(before.id);
    const day = 86_400_000;
    const log = [review(before.id, before.text, 0), review(before.id, before.text, 3 * day)];
    const progress = deriveProgress(log, [after]);
    expect(progress.aliases.get(before.id)).toBe(after.id);
    expect(progress.items.get(after.id)?.tracks.recall?.schedule.reps).toBe(2);
  });
});
