import { describe, expect, it, vi } from 'vitest';
import { cached, draw, ink68, type Op } from './output-harness.js';

// Counts slice-ansi's calls (each still slices): the row-cached Output cuts a line of simple characters to a clip itself.
const sliced = vi.hoisted(() => ({ calls: 0 }));
vi.mock('slice-ansi', async (original) => {
  const actual = ((await original()) as { default: (text: string, from: number, to?: number) => string }).default;
  return { default: (text: string, from: number, to?: number) => (sliced.calls++, actual(text, from, to)) };
});

// The stats screen's report is drawn inside boxes that hide overflow, so every line of its first frame is written under a clip.
const clipped = (text: string, x: number): Op[] => [{ type: 'clip', clip: { x1: 0, x2: 20, y1: 0, y2: 3 } }, { type: 'write', x, y: 0, text, transformers: [] }, { type: 'unclip' }];

describe('a write under a clip', () => {
  it.each([
    ['without slice-ansi (and its Intl.Segmenter) when its lines hold simple characters and styles', '\u001b[1mProgress\u001b[22m\n\u001b[2mItems\u001b[22m 541 in all · █░▒ past the edge', 2, 0],
    ['by slice-ansi where a line holds other characters', '\u001b[31m漢字 runs past the right edge\u001b[39m', 4, 1],
  ])('is cut %s, as Ink cuts it', (_how, text, x, calls) => {
    const ops = clipped(text, x);
    sliced.calls = 0;
    const actual = draw(cached(20, 3), ops);
    expect(sliced.calls).toBe(calls);
    expect(actual).toEqual(draw(ink68(20, 3), ops));
  });
});
