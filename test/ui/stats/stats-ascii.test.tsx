import { describe, expect, it } from 'vitest';
import { deriveProgress } from '../../../src/core/quiz/derive-progress.js';
import type { ReviewEntry } from '../../../src/core/quiz/log-entry.js';
import { computeStats } from '../../../src/core/quiz/stats.js';
import { StatsScreen } from '../../../src/ui/screens/stats/stats-screen.js';
import { localTime } from '../../core/quiz/quiz-fixtures.js';
import { asciiItems, contentChars, foreignChars, itemTexts } from '../quiz/ascii-fixtures.js';
import { KEY, mount } from '../quiz/ink-helpers.js';

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

describe('StatsScreen in ASCII mode draws only ASCII besides the card text', () => {
  it('the whole report, scrolled through, with the footer', async () => {
    const ui = mount(<StatsScreen stats={stats} width={60} height={12} ascii color={false} />);
    const first = await ui.waitForFrame((frame) => frame.includes('Progress'));
    expect(first).toMatch(/Items\s+\d+ in all \| \d+ studied \| \d+ not seen yet/);
    expect(first).toMatch(/lines 1-11 of \d+ \| \? keys \| j\/Down down \| k\/Up up/);
    ui.press('G');
    const last = await ui.waitForFrame((frame) => frame.includes('Weakest items'));
    // The long point is cut to the width with "...".
    expect(last).toMatch(/A very long key point.*\.\.\./);
    for (let i = 0; i < 40; i++) ui.press('k');
    await ui.waitForFrame((frame) => /lines 1-11 of/.test(frame));
    expectAsciiFrames(ui.instance.frames);
  });

  it('the key help', async () => {
    const ui = mount(<StatsScreen stats={stats} width={60} height={20} ascii color={false} />);
    await ui.waitForFrame((frame) => frame.includes('Progress'));
    ui.press('?');
    const help = await ui.waitForFrame((frame) => frame.includes('Keys: Statistics'));
    expect(help).toMatch(/j\/Down\s+down/);
    expect(help).toMatch(/k\/Up\s+up/);
    expect(help).toMatch(/^\+-+\+$/m);
    ui.press(KEY.escape);
    await ui.waitForFrame((frame) => frame.includes('Progress'));
    expectAsciiFrames(ui.instance.frames);
  });

  it('keeps the card text as written', async () => {
    const ui = mount(<StatsScreen stats={stats} width={100} height={60} ascii color={false} />);
    const frame = await ui.waitForFrame((text) => text.includes('Weakest items'));
    expect(frame).toContain('The café resolver keeps answers for 60 s — never longer.');
  });
});
