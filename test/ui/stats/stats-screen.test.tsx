import { afterEach, describe, expect, it } from 'vitest';
import { lineText } from '../../../src/core/markdown/styled-line.js';
import { deriveProgress } from '../../../src/core/quiz/progress/derive-progress.js';
import type { ReviewEntry } from '../../../src/core/quiz/progress/log-entry.js';
import { computeStats } from '../../../src/core/quiz/progress/stats.js';
import { statsSections } from '../../../src/core/quiz/progress/stats-lines.js';
import { statsDocument, statsReducer } from '../../../src/ui/screens/stats/stats-state.js';
import { localTime } from '../../core/quiz/quiz-fixtures.js';
import { sessionItems } from '../../core/quiz/session-fixtures.js';
import type { Harness } from '../app-harness.js';
import { statsApp } from './stats-app.js';

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

let app: Harness | undefined;
afterEach(() => app?.unmount());

describe('the statistics screen', () => {
  const lastLine = (frame: string) => frame.trimEnd().split('\n').at(-1)!;

  it('shows the report in a window, scrolls with j/k, jumps sections with tab, and q leaves the app it was opened in', async () => {
    const ui = (app = await statsApp(stats, { columns: 80, rows: 14 }));
    const first = await ui.waitForFrame('Progress');
    expect(first).toMatch(/Streak\s+\d+ day/);
    expect(first).toMatch(/lines 1-11 of \d+/);
    expect(first).not.toContain('Recall by topic');
    expect(lastLine(first)).toMatch(/^j\/k scroll {2}Tab section {2}\? help {2}Esc back\s+Statistics$/);
    await ui.press('j');
    await ui.waitForFrame(/lines 2-12 of/);
    await ui.press('tab');
    await ui.waitForFrame((frame) => frame.split('\n')[0]!.includes('Retention: recall and recognition'));
    await ui.press('tab');
    const jumped = await ui.waitForFrame((frame) => frame.split('\n')[0]!.includes('Due in the coming week'));
    expect(jumped).toContain('(today, overdue included)');
    await ui.press('G');
    await ui.waitForFrame('Weakest items');
    await ui.press('k', 'q');
    expect(ui.exits).toEqual([0]);
  });

  it('lists its keys in the app help, which takes no other key and closes with ?, Esc or q before q leaves', async () => {
    const ui = (app = await statsApp(stats, { columns: 80, rows: 22 }));
    await ui.waitForFrame('Progress');
    await ui.press('?');
    const help = await ui.waitForFrame('Keys: Statistics');
    for (const row of [/↓ j\s+scroll down a line/, /Space PgDn\s+page down/, /Shift-Tab \[\s+previous section/, /G End\s+go to the bottom/, /Esc q\s+go back/]) expect(help).toMatch(row);
    expect(help).toContain('Ctrl-C quits at once');
    expect(help).not.toContain('Progress');
    await ui.press('j', 'G', 'tab', 'q');
    const closed = await ui.waitForFrame('Progress');
    expect(closed).toMatch(/lines 1-19 of/);
    for (const close of ['escape', '?']) {
      await ui.press('?');
      await ui.waitForFrame('Keys: Statistics');
      await ui.press(close);
      await ui.waitForFrame('Progress');
    }
    expect(ui.exits).toEqual([]);
    await ui.press('q');
    expect(ui.exits).toEqual([0]);
  });

  it('draws bars and the calendar in ASCII when asked', async () => {
    const ui = (app = await statsApp(stats, { columns: 80, rows: 62, theme: { ascii: true } }));
    const frame = await ui.waitForFrame('Activity, last 12 weeks');
    expect(frame).not.toMatch(/[█░▒▓]/);
    expect(frame).toMatch(/#/);
  });
});
