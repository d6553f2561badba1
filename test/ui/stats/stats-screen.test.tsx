import { describe, expect, it, vi } from 'vitest';
import { lineText } from '../../../src/core/markdown/styled-line.js';
import { deriveProgress } from '../../../src/core/quiz/derive-progress.js';
import type { ReviewEntry } from '../../../src/core/quiz/log-entry.js';
import { computeStats } from '../../../src/core/quiz/stats.js';
import { statsSections } from '../../../src/core/quiz/stats-lines.js';
import { resolveStatsKey, type StatsKeyPress } from '../../../src/ui/screens/stats/stats-keys.js';
import { StatsScreen } from '../../../src/ui/screens/stats/stats-screen.js';
import { statsDocument, statsReducer } from '../../../src/ui/screens/stats/stats-state.js';
import { localTime } from '../../core/quiz/quiz-fixtures.js';
import { sessionItems } from '../../core/quiz/session-fixtures.js';
import { KEY, mount } from '../quiz/ink-helpers.js';

const NOW = localTime(2026, 6, 10, 18);
const log: ReviewEntry[] = sessionItems.map((item, index) => ({
  v: 1, type: 'review', id: `s-${index}`, at: new Date(NOW - index * 86_400_000).toISOString(), session: 's', item: item.id, card: 'ttl', mode: 'cloze',
  grade: index % 2 ? 1 : 3, correct: index % 2 === 0, ms: 4000, text: item.text,
}));
const stats = computeStats(sessionItems, deriveProgress(log, sessionItems), NOW);

describe('the stats document and its scroll reducer', () => {
  const document = statsDocument(statsSections(stats, { width: 78, ascii: false }));

  it('puts each section title at its start', () => {
    for (const start of document.sectionStarts) expect(document.lines[start]![0]!.style?.bold).toBe(true);
    expect(lineText(document.lines[document.sectionStarts[1]!]!)).toBe('Due in the coming week');
  });

  it.each([
    ['scrolls down a line', { top: 0 }, { type: 'scroll', by: 1 } as const, 1],
    ['never scrolls above the top', { top: 0 }, { type: 'scroll', by: -1 } as const, 0],
    ['jumps to the next section', { top: 0 }, { type: 'section', by: 1 } as const, 'next'],
    ['stops at the last full page', { top: 0 }, { type: 'bottom' } as const, 'max'],
  ])('%s', (_name, state, action, expected) => {
    const rows = 10;
    const max = document.lines.length - rows;
    const want = expected === 'next' ? document.sectionStarts[1] : expected === 'max' ? max : expected;
    expect(statsReducer(state, action, document, rows).top).toBe(want);
  });
});

describe('the stats key help', () => {
  const document = statsDocument(statsSections(stats, { width: 78, ascii: false }));

  it('stops the report scrolling while open, and closing keeps where it was', () => {
    const open = statsReducer({ top: 3 }, { type: 'help', open: true }, document, 10);
    expect(open).toEqual({ top: 3, helpOpen: true });
    expect(statsReducer(open, { type: 'scroll', by: 1 }, document, 10)).toBe(open);
    expect(statsReducer(open, { type: 'bottom' }, document, 10)).toBe(open);
    expect(statsReducer(open, { type: 'help', open: false }, document, 10)).toEqual({ top: 3 });
  });

  it.each<[string, string, StatsKeyPress, boolean, object | undefined]>([
    ['? opens it', '?', {}, false, { type: 'help', open: true }],
    ['q still leaves the screen with it closed', 'q', {}, false, { type: 'exit' }],
    ['Esc still leaves the screen with it closed', '', { escape: true }, false, { type: 'exit' }],
    ['? closes it', '?', {}, true, { type: 'help', open: false }],
    ['q closes it instead of leaving', 'q', {}, true, { type: 'help', open: false }],
    ['Esc closes it instead of leaving', '', { escape: true }, true, { type: 'help', open: false }],
    ['j does nothing while it is open', 'j', {}, true, undefined],
    ['tab does nothing while it is open', '', { tab: true }, true, undefined],
  ])('%s', (_name, input, key, helpOpen, expected) => {
    expect(resolveStatsKey(input, key, helpOpen)).toEqual(expected);
  });
});

describe('StatsScreen', () => {
  it('shows the report in a window, scrolls with j/k, jumps sections with tab, and leaves with q', async () => {
    const onExit = vi.fn();
    const ui = mount(<StatsScreen stats={stats} width={80} height={12} onExit={onExit} />);
    const first = await ui.waitForFrame((frame) => frame.includes('Progress'));
    expect(first).toMatch(/Streak\s+\d+ day/);
    expect(first).toMatch(/lines 1-11 of \d+/);
    expect(first).not.toContain('Recall by topic');
    ui.press('j');
    await ui.waitForFrame((frame) => /lines 2-12 of/.test(frame));
    ui.press(KEY.tab);
    const jumped = await ui.waitForFrame((frame) => frame.split('\n')[0]!.includes('Due in the coming week'));
    expect(jumped).toContain('(today, overdue included)');
    ui.press('G');
    await ui.waitForFrame((frame) => frame.includes('Weakest items'));
    ui.press('k');
    ui.press('q');
    await vi.waitFor(() => expect(onExit).toHaveBeenCalled());
  });

  it('lists every key on ?, takes no other key while open, and closes with ?, Esc or q before q leaves', async () => {
    const onExit = vi.fn();
    const ui = mount(<StatsScreen stats={stats} width={80} height={20} onExit={onExit} />);
    const first = await ui.waitForFrame((frame) => frame.includes('Progress'));
    expect(first).toMatch(/lines 1-19 of \d+ · \? keys · j\/↓ down/);
    ui.press('?');
    const help = await ui.waitForFrame((frame) => frame.includes('Keys: Statistics'));
    for (const row of [/j\/↓\s+down/, /space\/PgDn\s+page down/, /shift-tab\s+previous section/, /g\/G\s+top\/bottom/, /\?\s+show all keys/, /q\/esc\s+back/]) expect(help).toMatch(row);
    expect(help).toContain('Ctrl-C quits at once');
    expect(help).toContain('?/esc close help');
    expect(help).not.toContain('Progress');
    ui.press('j', 'G', KEY.tab);
    ui.press('q');
    const closed = await ui.waitForFrame((frame) => frame.includes('Progress'));
    expect(closed).toMatch(/lines 1-19 of/);
    expect(onExit).not.toHaveBeenCalled();
    ui.press('?');
    await ui.waitForFrame((frame) => frame.includes('Keys: Statistics'));
    ui.press(KEY.escape);
    await ui.waitForFrame((frame) => frame.includes('Progress'));
    ui.press('?');
    await ui.waitForFrame((frame) => frame.includes('Keys: Statistics'));
    ui.press('?');
    await ui.waitForFrame((frame) => frame.includes('Progress'));
    expect(onExit).not.toHaveBeenCalled();
    ui.press('q');
    await vi.waitFor(() => expect(onExit).toHaveBeenCalledTimes(1));
  });

  it('draws bars and the calendar in ASCII when asked', async () => {
    const ui = mount(<StatsScreen stats={stats} width={80} height={60} ascii />);
    const frame = await ui.waitForFrame((text) => text.includes('Activity, last 12 weeks'));
    expect(frame).not.toMatch(/[█░▒▓]/);
    expect(frame).toMatch(/#/);
  });
});
