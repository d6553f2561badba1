import { Box } from 'ink';
import { formatMinutes } from '../../../core/cards/duration.js';
import type { Card, Difficulty } from '../../../core/cards/types.js';
import type { StyledLine } from '../../../core/markdown/styled-line.js';
import { StyledLineText } from '../../components/styled-line-text.js';
import { useListWindow } from '../../hooks/use-list-window.js';
import type { StudyBadge } from '../../../app/study/card-states.js';
import { useTheme, type Tone } from '../../theme.js';
import { padText } from '../../components/window.js';
import type { ListRow } from './home-rows.js';

/** The tone of each difficulty; the word itself is always shown, so colour is only a help. */
export const DIFFICULTY_TONE: Record<Difficulty, Tone> = { easy: 'good', medium: 'warn', hard: 'bad' };

/** The browse list: topic headings and cards, windowed to the height, the selected card marked. */
export function CardListView({ rows, cursor, width, height, badgeOf }: { rows: ListRow[]; cursor: number; width: number; height: number; badgeOf: (cardId: string) => StudyBadge | undefined }) {
  const cursorRow = Math.max(0, rows.findIndex((row) => row.kind === 'card' && row.index === cursor));
  // Keep the topic heading of the first card in view when the list is at its top.
  const start = useListWindow(cursorRow, height, rows.length);
  const shown = rows.slice(start, start + height);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {shown.map((row) =>
        row.kind === 'topic' ? (
          <TopicRow key={`t:${row.topic}`} topic={row.topic} count={row.count} />
        ) : (
          <CardRow key={`c:${row.card.id}`} card={row.card} selected={row.index === cursor} width={width} badge={badgeOf(row.card.id)} />
        ),
      )}
    </Box>
  );
}

function TopicRow({ topic, count }: { topic: string; count: number }) {
  const theme = useTheme();
  return <StyledLineText line={[{ text: topic, style: { bold: true, colour: theme.tone.accent } }, { text: `  ${count} card${count === 1 ? '' : 's'}`, style: { dim: true } }]} />;
}

/** One card line: marker, title, difficulty, time and study state in fixed columns. */
export function CardRow({ card, selected, width, badge }: { card: Card; selected: boolean; width: number; badge: StudyBadge | undefined }) {
  const theme = useTheme();
  const metaWidth = width >= 60 ? 18 : 0;
  const badgeWidth = badge && width >= 70 ? 10 : 0;
  const titleWidth = Math.max(8, width - 3 - metaWidth - badgeWidth);
  // One Text for the whole line: a list of them is most of the home screen's first frame.
  const line: StyledLine = [
    { text: selected ? ` ${theme.glyphs.pointer} ` : '   ', style: { colour: theme.tone.accent, bold: true } },
    { text: padText(card.title, titleWidth, theme.glyphs.ellipsis), style: { inverse: selected && theme.colour, bold: selected } },
  ];
  if (metaWidth > 0) {
    line.push({ text: `  ${card.difficulty.padEnd(7)}`, style: { colour: theme.tone[DIFFICULTY_TONE[card.difficulty]] } });
    line.push({ text: formatMinutes(card.estimatedMinutes).padStart(8), style: { dim: true } });
  }
  if (badgeWidth > 0 && badge) line.push({ text: `  ${padText(badge.label, badgeWidth - 2)}`, style: { colour: theme.tone[badge.tone] } });
  return <StyledLineText line={line} />;
}
