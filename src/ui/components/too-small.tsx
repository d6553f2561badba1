import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';

/** The smallest terminal the app lays out in; below it, it asks for more room instead of drawing a garbled frame. */
export const MIN_COLUMNS = 40;
export const MIN_ROWS = 10;

/** Shown instead of any screen when the terminal is too small; q still quits (the shell handles it) and a resize brings the app back. */
export function TooSmall({ columns, rows }: { columns: number; rows: number }) {
  const theme = useTheme();
  const width = Math.max(1, columns);
  const by = theme.ascii ? 'x' : '×';
  // Short lines, so the message itself fits the smallest terminal.
  const lines = ['Make the terminal larger.', `It is ${columns}${by}${rows};`, `swelearn needs ${MIN_COLUMNS}${by}${MIN_ROWS}.`, 'q quits.'];
  return (
    <Box flexDirection="column" width={width} height={Math.max(1, rows - 1)}>
      {lines.slice(0, Math.max(1, rows - 1)).map((line, index) => (
        <Text key={index} wrap="truncate-end" bold={index === 0}>{line}</Text>
      ))}
    </Box>
  );
}
