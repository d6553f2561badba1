import { describe, expect, it } from 'vitest';
import { lineText } from '../../../../src/core/markdown/styled-line.js';
import { deriveProgress } from '../../../../src/core/quiz/progress/derive-progress.js';
import { generateItems } from '../../../../src/core/quiz/items/generate-items.js';
import type { ReviewEntry } from '../../../../src/core/quiz/progress/log-entry.js';
import { computeStats } from '../../../../src/core/quiz/progress/stats.js';
import { statsSections } from '../../../../src/core/quiz/progress/stats-lines.js';
import { localTime, quizCard } from '../quiz-fixtures.js';

const NOW = localTime(2026, 6, 10, 18);
// A long card id and a long point that writes é and — itself: the id and the point get cut, the é and — are the card's.
const items = generateItems([
  quizCard('a-card-id-much-longer-than-the-column', ['The café resolver keeps answers for **60 s** — and this point goes on well past the width of the report.', 'Chrome keeps answers for **30 s**.']),
]);
const log: ReviewEntry[] = items.flatMap((item, index) =>
  ([1, 3] as const).map((grade, step) => ({
    v: 1 as const, type: 'review' as const, id: `r-${index}-${step}`, at: new Date(NOW - step * 86_400_000).toISOString(), session: 's', item: item.id, card: item.cardId,
    mode: 'cloze' as const, grade, correct: grade === 3, ms: 3000, text: item.text,
  })),
);
const stats = computeStats(items, deriveProgress(log, items), NOW);
const report = (ascii: boolean) => statsSections(stats, { width: 70, ascii }).flatMap((section) => [section.title, ...section.lines.map(lineText)]);

describe('statsSections in ASCII', () => {
  it('separates the overview with "|" and cuts text with "...", where Unicode uses "·" and "…"', () => {
    const [ascii, unicode] = [report(true), report(false)];
    expect(ascii).toContainEqual(expect.stringMatching(/^Items +2 in all \| 2 studied \| 0 not seen yet$/));
    expect(unicode).toContainEqual(expect.stringMatching(/^Items +2 in all · 2 studied · 0 not seen yet$/));
    expect(ascii).toContainEqual(expect.stringContaining('a-card-id-much-longer...'));
    expect(unicode).toContainEqual(expect.stringContaining('a-card-id-much-longer-t…'));
    expect(ascii.find((line) => line.includes('The café resolver'))).toMatch(/\.\.\. +\(1 miss in 2\)$/);
    expect(unicode.find((line) => line.includes('The café resolver'))).toMatch(/… +\(1 miss in 2\)$/);
  });

  it('draws nothing outside printable ASCII but the card\'s own letters, which stay', () => {
    const printable = (char: string) => char >= ' ' && char <= '~';
    const cardChars = new Set(items.flatMap((item) => [...`${item.text}${item.cardId}${item.topic}${item.tags.join('')}`]).filter((char) => !printable(char)));
    const text = report(true).join('\n');
    expect([...text].filter((char) => char !== '\n' && !printable(char) && !cardChars.has(char))).toEqual([]);
    expect(text).toContain('café');
  });
});

describe('statsSections for a pipe', () => {
  it('keeps card ids and item texts whole when nothing may be cut', () => {
    const whole = statsSections(stats, { width: 70, ascii: false, cut: false }).flatMap((section) => section.lines.map(lineText));
    expect(whole.join('\n')).not.toContain('…');
    expect(whole).toContainEqual(expect.stringContaining('a-card-id-much-longer-than-the-column'));
    expect(whole).toContainEqual(expect.stringContaining('this point goes on well past the width of the report.'));
  });
});
