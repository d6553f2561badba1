import { describe, expect, it } from 'vitest';
import type { CardMeta } from '../../src/core/cards/types.js';
import { cardMetas, whenCardsLoaded } from '../../src/ui/services.js';
import { sessionCard } from '../core/quiz/session-fixtures.js';

describe('cards read after the first frame', () => {
  it('a card opens only once the cards are in, and at once when they are', async () => {
    let loaded!: () => void;
    const cardsLater = { metas: [sessionCard as CardMeta], loaded: new Promise<void>((resolve) => (loaded = resolve)) };
    const opened: string[] = [];
    whenCardsLoaded({ cardsLater }, () => opened.push('while reading'));
    await Promise.resolve();
    expect(opened).toEqual([]);
    loaded();
    await cardsLater.loaded;
    expect(opened).toEqual(['while reading']);
    whenCardsLoaded({}, () => opened.push('read'));
    expect(opened).toEqual(['while reading', 'read']);
  });

  it("gives the metadata while the cards are read, then the cards' own", () => {
    expect(cardMetas({ cards: [], cardsLater: { metas: [sessionCard], loaded: Promise.resolve() } })).toEqual([sessionCard]);
    expect(cardMetas({ cards: [sessionCard] })).toEqual([sessionCard]);
  });
});
