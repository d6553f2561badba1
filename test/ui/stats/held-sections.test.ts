import { describe, expect, it } from 'vitest';
import { lineText } from '../../../src/core/markdown/styled-line.js';
import type { StudyStats } from '../../../src/core/quiz/progress/stats.js';
import { screenHoldSections } from '../../../src/ui/screens/stats/held-sections.js';

const base = { retention: { recall: { items: 4, answers: 10, correct: 7, rate: 0.7, predicted: 0.81 }, recognition: { items: 0, answers: 0, correct: 0 } }, held: [], leeches: [] } as unknown as StudyStats;
const layout = { width: 100, ellipsis: '…', pointer: '›', highlight: 0, heldTitle: 'Held back', homeDir: '/home/me' };
const leech = { itemId: 'k1', cardId: 'ttl', text: 'Unbound caps TTLs at 86400 s by default.', sectionName: 'Key Points', line: 42, lapses: 9, suspended: true, path: '/home/me/cards/ttl.md' };

describe("the stats screen's own sections", () => {
  it.each([
    ['retention only, recognition not answered yet', base, ['Retention: recall and recognition, scheduled apart']],
    ['leeches with their lapses and card line', { ...base, leeches: [leech] }, ['Retention: recall and recognition, scheduled apart', 'Leeches (8 lapses or more): rewrite them']],
  ])('%s', (_name, stats, titles) => {
    const sections = screenHoldSections(stats as StudyStats, layout);
    expect(sections.map((section) => section.title)).toEqual(titles);
    const retention = sections[0]!.lines.map(lineText);
    expect(retention[1]).toMatch(/right\s+70% of 10\s+-/);
    expect(retention[2]).toMatch(/predicted now\s+81%\s+-/);
    if (titles.length > 1) expect(lineText(sections[1]!.lines[0]!)).toMatch(/^\s+9 lapses {2}Unbound caps TTLs at 86400 s by default\. \(suspended\) {2}~\/cards\/ttl\.md:42$/);
  });
});
