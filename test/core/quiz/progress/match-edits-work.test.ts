import { describe, expect, it, vi } from 'vitest';

// Counts the texts edit matching normalises: the work it does, whatever the clock says.
const normalised = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../../src/core/quiz/items/item-id.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../src/core/quiz/items/item-id.js')>();
  return { ...original, normaliseForId: (text: string) => (normalised.count++, original.normaliseForId(text)) };
});

const { matchEditedItems } = await import('../../../../src/core/quiz/progress/match-edits.js');

const current = Array.from({ length: 30 }, (_, n) => ({ id: `card-${n % 3}/kp-${String(n).padStart(8, '0')}`, cardId: `card-${n % 3}`, text: `point number ${n} of card ${n % 3}` }));

describe('edit matching does work only for the cards that lost an id', () => {
  it.each([
    ['an empty log', [], 0],
    ['a log whose every id is current', current.slice(0, 12), 0],
    ['one edited point of card-1', [{ id: 'card-1/kp-ffffffff', cardId: 'card-1', text: 'point number 4 of card 1, edited' }], 1 + 10],
  ])('%s normalises %i texts', (_name, logged, texts) => {
    normalised.count = 0;
    const aliases = matchEditedItems(logged, current);
    expect(normalised.count).toBe(texts);
    if (texts > 0) expect(aliases.get('card-1/kp-ffffffff')).toBe('card-1/kp-00000004');
  });
});
