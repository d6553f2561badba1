import { afterEach, describe, expect, it } from 'vitest';
import { deriveProgress } from '../../../src/core/quiz/progress/derive-progress.js';
import type { ReviewEntry } from '../../../src/core/quiz/progress/log-entry.js';
import { computeStats } from '../../../src/core/quiz/progress/stats.js';
import { localTime } from '../../core/quiz/quiz-fixtures.js';
import { asciiItems, contentChars, foreignChars, itemTexts } from '../quiz/ascii-fixtures.js';
import type { Harness } from '../app-harness.js';
import { statsApp } from './stats-app.js';

const NOW = localTime(2026, 6, 10, 18);
// Every item missed once and got right once, so each shows up among the weakest.
const log: ReviewEntry[] = asciiItems.flatMap((item, index) =>
  [1, 3].map((grade, step) => ({
    v: 1 as const, type: 'review' as const, id: `a-${index}-${step}`, at: new Date(NOW - (index + step) * 86_400_000).toISOString(), session: 's', item: item.id, card: item.cardId,
    mode: 'cloze' as const, grade: grade as 1 | 3, correct: grade === 3, ms: 4000, text: item.text,
  })),
);
const stats = computeStats(asciiItems, deriveProgress(log, asciiItems), NOW);
const allowed = contentChars(itemTexts(asciiItems));

function expectAsciiFrames(frames: readonly string[]) {
  for (const frame of frames) expect(foreignChars(frame, allowed), frame).toEqual([]);
}

let app: Harness | undefined;
afterEach(() => app?.unmount());

const ascii = { ascii: true, colour: false };

describe('the statistics screen in ASCII mode draws only ASCII besides the card text', () => {
  it('the whole report, scrolled through, with the status bar', async () => {
    const ui = (app = await statsApp(stats, { columns: 60, rows: 14, theme: ascii }));
    const first = await ui.waitForFrame('Progress');
    expect(first).toMatch(/Items\s+\d+ in all \| \d+ studied \| \d+ not seen yet/);
    expect(first).toMatch(/lines 1-11 of \d+/);
    await ui.press('G');
    const last = await ui.waitForFrame('Weakest items');
    // The long point is cut to the width with "...".
    expect(last).toMatch(/A very long key point.*\.\.\./);
    for (let i = 0; i < 40; i++) await ui.press('k');
    await ui.waitForFrame(/lines 1-11 of/);
    expectAsciiFrames(ui.frames());
  });

  it('the key help', async () => {
    const ui = (app = await statsApp(stats, { columns: 60, rows: 22, theme: ascii }));
    await ui.waitForFrame('Progress');
    await ui.press('?');
    const help = await ui.waitForFrame('Keys: Statistics');
    expect(help).toMatch(/Down j\s+scroll down a line/);
    expect(help).toMatch(/Up k\s+scroll up a line/);
    expect(help).toMatch(/^\+-+\+$/m);
    await ui.press('escape');
    await ui.waitForFrame('Progress');
    expectAsciiFrames(ui.frames());
  });

  it('keeps the card text as written', async () => {
    const ui = (app = await statsApp(stats, { columns: 100, rows: 62, theme: ascii }));
    const frame = await ui.waitForFrame('Weakest items');
    expect(frame).toContain('The café resolver keeps answers for 60 s — never longer.');
  });
});
