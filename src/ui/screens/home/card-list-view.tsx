import { Box } from 'ink';
import { formatMinutes } from '../../../core/cards/duration.js';
import type { Card, Difficulty } from '../../../core/cards/types.js';
import type { StyledLine } from '../../../core/markdown/styled-line.js';
import { StyledLines } from '../../components/styled-lines.js';
import { useListWindow } from '../../hooks/use-list-window.js';
import type { StudyBadge } from '../../../app/study/card-states.js';
import { useTheme, type Theme, type Tone } from '../../theme.js';
import { padText } from '../../components/window.js';
import type { ListRow } from './home-rows.js';

/** The tone of each difficulty; the word itself is always shown, so colour is only a help. */
export const DIFFICULTY_TONE: Record<Difficulty, Tone> = { easy: 'good', medium: 'warn', hard: 'bad' };

/**
 * The browse list: topic headings and cards, windowed to the height, the selected card marked. Its rows are one
 * StyledLines Text, each row fitted to the width: a Text a row was a component and a Yoga node each, about 20 before the
 * home screen's first frame.
 */
export function CardListView({ rows, cursor, width, height, badgeOf }: { rows: ListRow[]; cursor: number; width: number; height: number; badgeOf: (cardId: string) => StudyBadge | undefined }) {
  const theme = useTheme();
  const cursorRow = Math.max(0, rows.findIndex((row) => row.kind === 'card' && row.index === cursor));
  // Keep the topic heading of the first card in view when the list is at its top.
  const start = useListWindow(cursorRow, height, rows.length);
  const shown = rows.slice(start, start + height);
  const lines = shown.map((row) => (row.kind === 'topic' ? topicLine(row.topic, row.count, theme) : cardLine(row.card, row.index === cursor, width, badgeOf(row.card.id), theme)));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <StyledLines lines={lines} width={width} />
    </Box>
  );
}

function topicLine(topic: string, count: number, theme: Theme): StyledLine {
  return [{ text: topic, style: { bold: true, colour: theme.tone.accent } }, { text: `  ${count} card${count === 1 ? '' : 's'}`, style: { dim: true } }];
}

/** One card line: marker, title, difficulty, time and study state in fixed columns. */
function cardLine(card: Card, selected: boolean, width: number, badge: StudyBadge | undefined, theme: Theme): StyledLine {
  const metaWidth = width >= 60 ? 18 : 0;
  const badgeWidth = badge && width >= 70 ? 10 : 0;
  const titleWidth = Math.max(8, width - 3 - metaWidth - badgeWidth);
  const line: StyledLine = [
    { text: selected ? ` ${theme.glyphs.pointer} ` : '   ', style: { colour: theme.tone.accent, bold: true } },
    { text: padText(card.title, titleWidth, theme.glyphs.ellipsis), style: { inverse: selected && theme.colour, bold: selected } },
  ];
  if (metaWidth > 0) {
    line.push({ text: `  ${card.difficulty.padEnd(7)}`, style: { colour: theme.tone[DIFFICULTY_TONE[card.difficulty]] } });
    line.push({ text: formatMinutes(card.estimatedMinutes).padStart(8), style: { dim: true } });
  }
  if (badgeWidth > 0 && badge) line.push({ text: `  ${padText(badge.label, badgeWidth - 2)}`, style: { colour: theme.tone[badge.tone] } });
  return line;
}
