import { describe, expect, it } from 'vitest';
import { followRenameChains, parseItemRenames, renameLoggedItems } from '../../../../src/core/quiz/progress/item-renames.js';
import type { LogEntry } from '../../../../src/core/quiz/progress/log-entry.js';

describe('parseItemRenames', () => {
  it('reads old and new ids after the header, skipping comments and blank lines', () => {
    const { renames, problems } = parseItemRenames('old\tnew\n# rewritten in 0.3\nttl/kp-00000001\tttl/kp-00000002\n\nsim/a/outcome\tsim/a/refused\n');
    expect([...renames]).toEqual([['ttl/kp-00000001', 'ttl/kp-00000002'], ['sim/a/outcome', 'sim/a/refused']]);
    expect(problems).toEqual([]);
  });

  it.each([
    ['one column', 'ttl/kp-1'],
    ['three columns', 'ttl/kp-1\tttl/kp-2\tx'],
    ['a space instead of a tab', 'ttl/kp-1 ttl/kp-2'],
    ['an id without a card', 'kp-1\tttl/kp-2'],
  ])('reports a line with %s, with its number', (_, line) => {
    expect(parseItemRenames(`old\tnew\n${line}`).problems).toEqual([{ line: 2, message: 'expected an old item id and a new one, separated by a tab' }]);
  });

  it('reports an id renamed twice to different items', () => {
    expect(parseItemRenames('a/1\ta/2\na/1\ta/3').problems[0]).toEqual({ line: 2, message: 'a/1 is already renamed to a/2' });
  });
});

describe('followRenameChains', () => {
  it('maps every old id straight to today\'s id, and drops a cycle', () => {
    expect([...followRenameChains(new Map([['a/1', 'a/2'], ['a/2', 'a/3'], ['b/1', 'b/2'], ['b/2', 'b/1']]))]).toEqual([['a/1', 'a/3'], ['a/2', 'a/3']]);
  });
});

describe('renameLoggedItems', () => {
  const review = (item: string): LogEntry => ({ v: 1, type: 'review', id: `s-${item}`, at: '2026-12-01T10:00:00.000Z', session: 's', item, card: 'a', mode: 'cloze', grade: 3, correct: true, ms: 1000, text: 't' });
  it('counts answers to a renamed item for the item that replaced it, and leaves the rest', () => {
    const undo: LogEntry = { v: 1, type: 'undo', id: 'u', at: '2026-12-01T10:01:00.000Z', session: 's', undoes: 's-a/1' };
    const timedOut: LogEntry = { v: 2, type: 'timed-out', id: 't', at: '2026-12-01T10:02:00.000Z', session: 's', item: 'a/1', card: 'a', mode: 'cloze', ms: 30000, text: 't' };
    const renamed = renameLoggedItems([review('a/1'), review('a/9'), undo, timedOut], new Map([['a/1', 'a/2']]));
    expect(renamed.map((entry) => (entry.type === 'undo' ? entry.undoes : entry.item))).toEqual(['a/2', 'a/9', 's-a/1', 'a/2']);
  });
});
