import type { Segment, StyledLine } from '../../../core/markdown/styled-line.js';
import type { StudyStats } from '../../../core/quiz/progress/stats.js';
import type { HeldItem, TrackRetention } from '../../../core/quiz/progress/track-stats.js';
import type { StatsSection } from '../../../core/quiz/progress/stats-lines.js';
import { itemLocation } from '../../components/item-location.js';
import { fitText } from '../../components/window.js';

/** What the screen's own sections are drawn with. */
export interface HeldLayout {
  width: number;
  ellipsis: string;
  pointer: string;
  /** The highlighted row of the held list. */
  highlight: number;
  /** The title of the held list: where the keys that act on it are named. */
  heldTitle: string;
  /** The learner's home folder, shown as ~. */
  homeDir?: string;
}

const REASONS = { suspended: 'suspended', leech: 'leech', buried: 'buried today' } as const;

/**
 * The screen's sections after the shared report: recall and recognition retention side by side, the items
 * held back (one row each, the highlighted one marked), and the leeches with their lapses, each with its card file and line.
 */
export function screenHoldSections(stats: StudyStats, layout: HeldLayout): StatsSection[] {
  const sections: StatsSection[] = [{ title: 'Retention: recall and recognition, scheduled apart', lines: retentionLines(stats.retention) }];
  if (stats.held.length > 0) sections.push({ title: layout.heldTitle, lines: stats.held.map((item, index) => heldLine(item, index === layout.highlight, layout)) });
  if (stats.leeches.length > 0) {
    sections.push({
      title: 'Leeches (8 lapses or more): rewrite them',
      lines: stats.leeches.map((leech) => [
        { text: `${String(leech.lapses).padStart(3)} lapses  `, style: { bold: true, colour: 'red' } },
        ...textAndPlace(`${leech.text}${leech.suspended ? ' (suspended)' : ''}`, leech, layout.width - 12, layout),
      ]),
    });
  }
  return sections;
}

function retentionLines(retention: StudyStats['retention']): StyledLine[] {
  const cell = (text: string) => text.padEnd(14);
  const row = (label: string, value: (track: TrackRetention) => string): StyledLine => [
    { text: label.padEnd(16), style: { dim: true } },
    { text: cell(value(retention.recall)) },
    { text: value(retention.recognition) },
  ];
  const percent = (share: number | undefined) => (share === undefined ? '-' : `${Math.round(100 * share)}%`);
  return [
    [{ text: ''.padEnd(16) }, { text: cell('recall'), style: { bold: true } }, { text: 'recognition', style: { bold: true } }],
    row('right', (track) => (track.answers === 0 ? '-' : `${percent(track.rate)} of ${track.answers}`)),
    row('predicted now', (track) => percent(track.predicted)),
    row('items', (track) => String(track.items)),
  ];
}

function heldLine(item: HeldItem, highlighted: boolean, layout: HeldLayout): StyledLine {
  const mark = highlighted ? layout.pointer : ' '.repeat(layout.pointer.length);
  const reason = REASONS[item.reason].padEnd(13);
  const segments: Segment[] = [{ text: `${mark} ` }, { text: reason, style: { colour: item.reason === 'buried' ? 'cyan' : 'yellow' } }, ...textAndPlace(item.text, item, layout.width - mark.length - 14, layout)];
  return highlighted ? segments.map((segment) => ({ ...segment, style: { ...segment.style, inverse: true } })) : segments;
}

// The text cut to what the file and line leave of `width`: the place is always shown whole.
function textAndPlace(text: string, item: { cardId: string; line: number; path?: string }, width: number, layout: HeldLayout): Segment[] {
  const place = where(item, layout);
  return [{ text: `${fitText(text, Math.max(8, width - place.length - 2), layout.ellipsis)}  ` }, { text: place, style: { dim: true } }];
}

// The card file and line, given at most half the row; the card id when the file is not known.
function where(item: { cardId: string; line: number; path?: string }, layout: HeldLayout): string {
  return itemLocation(item.path ?? item.cardId, item.line, Math.max(12, Math.floor(layout.width / 2)), layout.homeDir, layout.ellipsis);
}
