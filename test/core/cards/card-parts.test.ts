import { describe, expect, it } from 'vitest';
import { bodyHash, bodyHashOf, cardWithBodyOnDemand, joinCard, splitCard } from '../../../src/core/cards/card-parts.js';
import type { Card, CardBody } from '../../../src/core/cards/types.js';

const card = (id: string): Card => ({
  id, title: `Card ${id}`, tags: ['t'], difficulty: 'easy', estimatedTime: '5min', estimatedMinutes: 5, topic: 'dns', related: [], sim: [], extra: {},
  sections: [{ name: 'Overview', kind: 'overview', markdown: `About ${id}.`, line: 3 }],
  keyPoints: [{ markdown: `Point ${id}.`, line: 9 }],
  practiceQuestions: [],
  path: `/cards/${id}.md`, origin: 'bundled', fieldLines: { title: 2 },
});

// A card whose body is read on demand, with the reads counted.
function onDemand(whole: Card, reads: string[]): Card {
  const { meta, body } = splitCard(whole);
  return cardWithBodyOnDemand(meta, (): CardBody => (reads.push(whole.id), body));
}

describe('a card with its body read on demand', () => {
  it('reads no body for its metadata, reads it once when a body field is first used, and prints as the whole card does', () => {
    const reads: string[] = [];
    const whole = card('a');
    const lazy = onDemand(whole, reads);
    expect([lazy.id, lazy.title, lazy.difficulty, lazy.estimatedMinutes, lazy.topic, lazy.path]).toEqual([whole.id, whole.title, 'easy', 5, 'dns', whole.path]);
    expect(reads).toEqual([]);
    expect(lazy.keyPoints).toEqual(whole.keyPoints);
    expect(lazy.sections).toEqual(whole.sections);
    expect(reads).toEqual(['a']);
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(joinCard(splitCard(whole).meta, splitCard(whole).body)));
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(whole));
  });

  it('is empty when its body cannot be read', () => {
    const lazy = cardWithBodyOnDemand(splitCard(card('b')).meta, () => undefined);
    expect([lazy.sections, lazy.keyPoints, lazy.practiceQuestions]).toEqual([[], [], []]);
  });

  it("gives the body's hash the cache stored without reading the body, and the same hash computed from a whole card", () => {
    const reads: string[] = [];
    const whole = card('a');
    const { meta, body } = splitCard(whole);
    const lazy = cardWithBodyOnDemand(meta, () => (reads.push('a'), body), bodyHashOf(body));
    expect(bodyHash(lazy)).toBe(bodyHash(whole));
    expect(reads).toEqual([]);
    expect(bodyHash(onDemand(whole, reads))).toBe(bodyHash(whole));
    expect(bodyHash({ ...whole, keyPoints: [{ markdown: 'Point a, edited.', line: 9 }] })).not.toBe(bodyHash(whole));
    expect(bodyHash({ ...whole, title: 'Another title' })).toBe(bodyHash(whole));
  });

  it("gives the empty body's hash once the stored body turns out unreadable", () => {
    const whole = card('b');
    const { meta, body } = splitCard(whole);
    const lazy = cardWithBodyOnDemand(meta, () => undefined, bodyHashOf(body));
    expect(bodyHash(lazy)).toBe(bodyHash(whole));
    expect(lazy.sections).toEqual([]);
    expect(bodyHash(lazy)).toBe(bodyHashOf({ sections: [], keyPoints: [], practiceQuestions: [] }));
  });
});
