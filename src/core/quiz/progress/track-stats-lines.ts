import type { StyledLine } from '../../markdown/styled-line.js';
import type { StudyStats } from './stats.js';
import type { StatsSection } from './stats-section.js';

const TRACK_NAMES = { recall: 'Recall', recognition: 'Recognition' } as const;

const percent = (share: number | undefined) => (share === undefined ? '-' : `${Math.round(share * 100)}%`);

/** Recall and recognition side by side, then the held items and the leeches: for `swelearn stats` and the stats screen. */
export function trackSections(stats: StudyStats, separator: string): StatsSection[] {
  const dot = ` ${separator} `;
  const retention: StyledLine[] = (['recall', 'recognition'] as const).map((track) => {
    const { items, answers, rate, predicted } = stats.retention[track];
    return [
      { text: TRACK_NAMES[track].padEnd(12), style: { dim: true } },
      { text: `${percent(rate)} right`, style: { bold: true } },
      { text: ` (${answers} answer${answers === 1 ? '' : 's'})${dot}${percent(predicted)} predicted now${dot}${items} item${items === 1 ? '' : 's'}` },
    ];
  });
  return [{ title: 'Recall (cloze, flashcard) and recognition (choice, predict)', lines: retention }, ...heldSections(stats, separator)];
}

/** The held items (a count, and the command that lists them) and the leeches with their card file and line; none when nothing is held. */
export function heldSections(stats: StudyStats, separator: string): StatsSection[] {
  const dot = ` ${separator} `;
  const sections: StatsSection[] = [];
  if (stats.held.length > 0) {
    const count = (reason: string) => stats.held.filter((item) => item.reason === reason).length;
    sections.push({
      title: 'Held back',
      lines: [[{ text: `${stats.held.length} item${stats.held.length === 1 ? '' : 's'}: ${count('suspended')} suspended${dot}${count('leech')} leech${count('leech') === 1 ? '' : 'es'}${dot}${count('buried')} buried today` }, { text: `${dot}swelearn quiz --suspended lists them`, style: { dim: true } }]],
    });
  }
  if (stats.leeches.length > 0) {
    sections.push({
      title: 'Leeches (8 lapses or more): fix the card, then swelearn quiz --unsuspend ID',
      lines: stats.leeches.map((leech) => [
        { text: `${String(leech.lapses).padStart(3)} lapses  `, style: { bold: true, colour: 'red' } },
        { text: `${leech.path === undefined ? leech.cardId : `${leech.path}:${leech.line}`}  `, style: { colour: 'cyan' } },
        { text: `${leech.itemId}${leech.suspended ? ' (suspended)' : ''}  ` },
        { text: leech.text, style: { dim: true } },
      ]),
    });
  }
  return sections;
}
