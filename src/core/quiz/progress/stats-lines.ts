import type { Segment, StyledLine } from '../../markdown/styled-line.js';
import { displayWidth } from '../../markdown/wrap.js';
import { formatSpan } from './durations.js';
import { buildHeatmap } from './heatmap.js';
import type { RecallGroup, StudyStats } from './stats.js';
import type { StatsSection } from './stats-section.js';
import { heldSections, trackSections } from './track-stats-lines.js';

export type { StatsSection } from './stats-section.js';

/** Options for drawing the report. */
export interface StatsLayout {
  width: number;
  /** Only ASCII glyphs: bars, the heatmap, separators, and "..." where text is cut. */
  ascii: boolean;
  /** Whether names and item texts may be cut to the width (a screen); false keeps them whole (a pipe). */
  cut?: boolean;
  /** The caller draws retention, the held items and the leeches itself (the stats screen, whose held list takes keys). */
  holdsDrawnByCaller?: boolean;
}

const SHADES = { unicode: ['·', '░', '▒', '▓', '█'], ascii: ['.', ':', '-', '=', '#'] } as const;
// The same separator and ellipsis as the UI theme's glyph sets.
const TEXT = { unicode: { separator: '·', ellipsis: '…' }, ascii: { separator: '|', ellipsis: '...' } } as const;

/** The stats as styled lines in sections: shared by `swelearn stats` and the stats screen. */
export function statsSections(stats: StudyStats, layout: StatsLayout): StatsSection[] {
  const sections: StatsSection[] = [overview(stats, layout)];
  const holds = layout.holdsDrawnByCaller ? [] : heldSections(stats, textGlyphs(layout).separator);
  // An item can be suspended or buried before it was ever answered.
  if (stats.answers.total === 0) return [...sections, ...holds];
  sections.push({ title: 'Due in the coming week', lines: dueBars(stats, layout) });
  sections.push({ title: 'Activity, last 12 weeks', lines: heatmapLines(stats, layout) });
  sections.push({ title: 'Recall by topic', lines: groupLines(stats.byTopic, layout) });
  sections.push({ title: 'Recall by tag, weakest first', lines: groupLines(stats.byTag.slice(0, 12), layout) });
  if (stats.weakest.length > 0) sections.push({ title: 'Weakest items (recall now, misses)', lines: weakestLines(stats, layout) });
  if (!layout.holdsDrawnByCaller) sections.push(...trackSections(stats, textGlyphs(layout).separator));
  if (stats.overrides.items.length > 0) sections.push({ title: 'Answers you counted right ("I was right"): alternatives the cards could accept', lines: overrideLines(stats, layout) });
  return sections;
}

function overview(stats: StudyStats, layout: StatsLayout): StatsSection {
  const { items, answers } = stats;
  const dot = ` ${textGlyphs(layout).separator} `;
  const label = (text: string): Segment => ({ text: text.padEnd(9), style: { dim: true } });
  const lines: StyledLine[] = [
    [label('Items'), { text: `${items.total} in all${dot}${items.studied} studied${dot}${items.unseen} not seen yet` }],
  ];
  if (answers.total === 0) {
    lines.push([label('Answers'), { text: 'none yet: start with swelearn quiz, or swelearn plan for a plan' }]);
    return { title: 'Progress', lines };
  }
  const right = Math.round((100 * answers.correct) / answers.total);
  const extras = [
    answers.crammed ? `${answers.crammed} crammed` : '',
    stats.overrides.count ? `${stats.overrides.count} counted right by you` : '',
    stats.timedOut ? `${stats.timedOut} ran out of time` : '',
  ].filter(Boolean);
  lines.push([label('Answers'), { text: `${answers.total} (${right}% right)${dot}${formatSpan(answers.timeMs)} answering${extras.map((extra) => `${dot}${extra}`).join('')}` }]);
  lines.push([label('Due'), { text: `${stats.dueToday} today`, style: stats.dueToday > 0 ? { bold: true, colour: 'yellow' } : {} }, { text: `${dot}${stats.dueByDay.reduce((sum, day) => sum + day.count, 0)} in the next 7 days` }]);
  lines.push([label('Streak'), { text: `${stats.streakDays} day${stats.streakDays === 1 ? '' : 's'}`, style: { bold: true } }, { text: stats.studiedToday ? ' (studied today)' : stats.streakDays > 0 ? ' (study today to keep it)' : '' }]);
  return { title: 'Progress', lines };
}

function dueBars(stats: StudyStats, layout: StatsLayout): StyledLine[] {
  const max = Math.max(1, ...stats.dueByDay.map((day) => day.count));
  const barWidth = Math.max(5, Math.min(40, layout.width - 22));
  const full = layout.ascii ? '#' : '█';
  return stats.dueByDay.map((day, index) => {
    const length = day.count === 0 ? 0 : Math.max(1, Math.round((barWidth * day.count) / max));
    return [
      { text: `${weekdayName(day.day)} ${day.day.slice(5)} `, style: { dim: true } },
      { text: full.repeat(length), style: { colour: index === 0 ? 'yellow' : 'cyan' } },
      { text: `${length > 0 ? ' ' : ''}${day.count}${index === 0 ? ' (today, overdue included)' : ''}` },
    ];
  });
}

function heatmapLines(stats: StudyStats, layout: StatsLayout): StyledLine[] {
  const shades = layout.ascii ? SHADES.ascii : SHADES.unicode;
  const heatmap = buildHeatmap(stats.days);
  const lines: StyledLine[] = heatmap.rows.map((row) => [
    { text: `${row.label} `, style: { dim: true } },
    ...row.cells.map((cell): Segment => ({ text: cell ? shades[cell.level] : ' ', style: cell && cell.level > 0 ? { colour: 'green' } : { dim: true } })),
  ]);
  lines.push([{ text: `    ${shades.join('')}  none to ${heatmap.max} answers a day`, style: { dim: true } }]);
  return lines;
}

function groupLines(groups: readonly RecallGroup[], layout: StatsLayout): StyledLine[] {
  const nameWidth = Math.min(24, Math.max(6, ...groups.map((group) => displayWidth(group.key))));
  const barWidth = Math.max(5, Math.min(20, layout.width - nameWidth - 30));
  return groups.map((group) => {
    const filled = Math.round(barWidth * group.recall);
    const percent = Math.round(group.recall * 100);
    return [
      { text: `${truncate(group.key, nameWidth, textGlyphs(layout).ellipsis, layout).padEnd(nameWidth)} ` },
      { text: (layout.ascii ? '#' : '█').repeat(filled), style: { colour: percent >= 80 ? 'green' : percent >= 60 ? 'yellow' : 'red' } },
      { text: (layout.ascii ? '.' : '░').repeat(barWidth - filled), style: { dim: true } },
      { text: ` ${String(percent).padStart(3)}%`, style: { bold: true } },
      { text: ` of ${group.answers} answer${group.answers === 1 ? '' : 's'}, ${group.items} item${group.items === 1 ? '' : 's'}`, style: { dim: true } },
    ];
  });
}

function weakestLines(stats: StudyStats, layout: StatsLayout): StyledLine[] {
  const cardWidth = Math.min(24, Math.max(...stats.weakest.map((item) => displayWidth(item.cardId))));
  const { ellipsis } = textGlyphs(layout);
  return stats.weakest.map((item) => {
    const tail = `  (${item.misses} miss${item.misses === 1 ? '' : 'es'} in ${item.answers})`;
    const used = 6 + cardWidth + 2 + displayWidth(tail);
    return [
      { text: `${String(Math.round(item.recall * 100)).padStart(3)}%  `, style: { bold: true, colour: item.recall < 0.8 ? 'red' : 'yellow' } },
      { text: `${truncate(item.cardId, cardWidth, ellipsis, layout).padEnd(cardWidth)}  `, style: { colour: 'cyan' } },
      { text: truncate(item.text, Math.max(10, layout.width - used), ellipsis, layout) },
      { text: tail, style: { dim: true } },
    ];
  });
}

function overrideLines(stats: StudyStats, layout: StatsLayout): StyledLine[] {
  const cardWidth = Math.min(24, Math.max(...stats.overrides.items.map((item) => displayWidth(item.cardId))));
  const { ellipsis } = textGlyphs(layout);
  return stats.overrides.items.map((item) => {
    const typed = item.given.map((text) => `"${text}"`).join(', ');
    const used = 6 + cardWidth + 2 + displayWidth(typed) + 3;
    return [
      { text: `${String(item.count).padStart(3)}x  `, style: { bold: true } },
      { text: `${truncate(item.cardId, cardWidth, ellipsis, layout).padEnd(cardWidth)}  `, style: { colour: 'cyan' } },
      { text: typed },
      { text: `  ${truncate(item.text, Math.max(10, layout.width - used), ellipsis, layout)}`, style: { dim: true } },
    ];
  });
}

function weekdayName(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
}

function textGlyphs(layout: StatsLayout): (typeof TEXT)[keyof typeof TEXT] {
  return layout.ascii ? TEXT.ascii : TEXT.unicode;
}

function truncate(text: string, width: number, ellipsis: string, layout: StatsLayout): string {
  if (layout.cut === false || displayWidth(text) <= width) return text;
  let out = '';
  for (const char of text) {
    if (displayWidth(out + char) > width - ellipsis.length) break;
    out += char;
  }
  return `${out}${ellipsis}`;
}
