import { Text } from 'ink';
import type { StyledLine } from '../../core/markdown/styled-line.js';
import { useTheme } from '../theme.js';
import { ansiLine } from './ansi-line.js';
import { fitParts } from './window.js';

/** One rendered line (from src/core/markdown) as one Ink Text; cut to the width with the theme's ellipsis, never wrapped. */
export function StyledLineText({ line: full, width }: { line: StyledLine; width?: number }) {
  const theme = useTheme();
  if (full.length === 0) return <Text> </Text>;
  const line = width === undefined ? full : fitParts(full.map((segment) => segment.text), width, theme.glyphs.ellipsis).map((text, index) => ({ ...full[index]!, text })).filter((segment) => segment.text !== '');
  return <Text wrap="truncate-end">{ansiLine(line, theme.colour)}</Text>;
}
