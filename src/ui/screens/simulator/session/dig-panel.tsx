import { Box, Text } from 'ink';
import { stripControl } from '../../../../core/text/sanitize.js';
import { fitText } from '../../../components/window.js';
import { useTheme } from '../../../theme.js';
import type { DigPrintout } from './dig-printout.js';

/** dig's printout of the question that just ended, where the side panels were: its header, OPT pseudosection, sections and statistics. */
export function DigPanel({ printout, width, height }: { printout: DigPrintout; width: number; height: number }) {
  const theme = useTheme();
  const room = Math.max(0, height - 1);
  // A short panel drops dig's blank lines before it drops any of its text.
  const lines = printout.lines.length > room ? printout.lines.filter((line) => line !== '') : printout.lines;
  const shown = lines.length > room ? lines.slice(0, Math.max(0, room - 1)) : lines;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{fitText(`What dig prints for question ${printout.queryIndex + 1}`, width, theme.glyphs.ellipsis)}</Text>
      {shown.map((line, index) => (
        <Text key={index} wrap="truncate-end">{fitText(stripControl(line), width, theme.glyphs.ellipsis) || ' '}</Text>
      ))}
      {lines.length > shown.length ? <Text dimColor>{`${theme.glyphs.ellipsis} ${lines.length - shown.length} more lines: T shows the whole transcript`}</Text> : null}
    </Box>
  );
}
