// A seeded review log of any length over the items of the recorded 0.2.0 log, for the replay bench and tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const RECORDED = join(import.meta.dirname, '..', 'test', 'fixtures', 'progress', 'recorded-0.2.0.jsonl');

/** The distinct items answered in the recorded log: id, card and text. */
export function recordedItems() {
  const items = new Map();
  for (const line of readFileSync(RECORDED, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const entry = JSON.parse(line);
    if (entry.type === 'review') items.set(entry.item, { item: entry.item, card: entry.card, text: entry.text, mode: entry.mode });
  }
  return [...items.values()];
}

/** `count` answers (with a few undos and timeouts), one every 40 s from `startMs`, as review log text. */
export function generateLog(count, { seed = 1, startMs = Date.parse('2020-01-01T08:00:00Z') } = {}) {
  const items = recordedItems();
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const session = `gen${seed}`;
  const parts = [];
  for (let n = 1; n <= count; n++) {
    const { item, card, text, mode } = items[Math.floor(next() * items.length)];
    const at = new Date(startMs + n * 40_000).toISOString();
    const roll = next();
    const base = { v: 2, id: `${session}-${n}`, at, session, item, card, mode, ms: 1000 + Math.floor(next() * 20_000), text };
    if (roll < 0.03) parts.push(JSON.stringify({ ...base, type: 'timed-out' }));
    else if (roll < 0.05 && n > 1) parts.push(JSON.stringify({ v: 2, type: 'undo', id: base.id, at, session, undoes: `${session}-${n - 1}` }));
    else {
      const grade = 1 + Math.floor(next() * 4);
      parts.push(JSON.stringify({ ...base, type: 'review', grade, correct: grade > 1, ...(roll > 0.97 ? { cram: true } : {}) }));
    }
  }
  return `${parts.join('\n')}\n`;
}
