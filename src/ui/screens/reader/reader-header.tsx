import { Box, Text } from 'ink';
import type { Card } from '../../../core/cards/types.js';
import { fitText } from '../../components/window.js';
import { useTheme } from '../../theme.js';
import { sectionAt } from './reader-state.js';

/** Where the reader is, like a pager's prompt: "Top", "All", "Bot" or a percentage. */
export function scrollPosition(top: number, viewHeight: number, lineCount: number): string {
  if (lineCount <= viewHeight) return 'All';
  if (top === 0) return 'Top';
  if (top + viewHeight >= lineCount) return 'Bot';
  return `${Math.round(((top + viewHeight) / lineCount) * 100)}%`;
}

/** The reader's top line: the card title, the section in view and its number, and the scroll position. */
export function ReaderHeader({ card, sectionStarts, top, viewHeight, lineCount, width }: { card: Card; sectionStarts: readonly { name: string; line: number }[]; top: number; viewHeight: number; lineCount: number; width: number }) {
  const theme = useTheme();
  const index = sectionAt(sectionStarts, top);
  const section = index >= 0 ? ` ${theme.glyphs.pointer} ${sectionStarts[index]!.name} (${index + 1}/${sectionStarts.length})` : '';
  const position = scrollPosition(top, viewHeight, lineCount);
  const room = Math.max(8, width - position.length - 2);
  const title = fitText(card.title, Math.max(8, room - section.length), theme.glyphs.ellipsis);
  return (
    <Box width={width}>
      <Box flexGrow={1}>
        <Text wrap="truncate-end">
          <Text bold color={theme.tone.accent}>{title}</Text>
          <Text dimColor>{fitText(section, room - title.length, theme.glyphs.ellipsis)}</Text>
        </Text>
      </Box>
      <Text dimColor>{position}</Text>
    </Box>
  );
}
