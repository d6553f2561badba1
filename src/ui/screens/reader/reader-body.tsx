import { Box, Text } from 'ink';
import type { StyledLine } from '../../../core/markdown/styled-line.js';
import { highlightSegments } from '../../components/highlight-segments.js';
import { StyledLineText } from '../../components/styled-line-text.js';
import { useTheme } from '../../theme.js';
import type { LineMatch } from './find-in-lines.js';

/** The visible slice of a card: only these lines reach Ink; find matches marked, the current one in the gutter too. */
export function ReaderBody({ lines, top, height, width, matches, current }: { lines: readonly StyledLine[]; top: number; height: number; width: number; matches: readonly LineMatch[]; current: number }) {
  const theme = useTheme();
  const shown = lines.slice(top, top + height);
  const currentMatch = matches[current];
  return (
    <Box flexDirection="column" height={height} width={width}>
      {shown.map((line, offset) => {
        const index = top + offset;
        const here = matches.filter((match) => match.line === index);
        const marked = here.length > 0 ? highlightSegments(line, here.map((match) => [match.start, match.end] as const), { inverse: true }) : line;
        const isCurrent = currentMatch?.line === index;
        return (
          <Box key={index}>
            <Text color={theme.tone.match} bold>{isCurrent ? `${theme.glyphs.pointer} ` : '  '}</Text>
            <StyledLineText line={marked} width={width - 2} />
          </Box>
        );
      })}
    </Box>
  );
}
