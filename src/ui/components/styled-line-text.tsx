import { Text } from 'ink';
import type { StyledLine } from '../../core/markdown/styled-line.js';
import { useTheme, type Theme } from '../theme.js';
import { ansiLine } from './ansi-line.js';
import { fitParts } from './window.js';

/** One rendered line (from src/core/markdown) as one Ink Text; cut to the width with the theme's ellipsis, never wrapped. */
export function StyledLineText({ line, width }: { line: StyledLine; width?: number }) {
  const theme = useTheme();
  if (line.length === 0) return <Text> </Text>;
  return <Text wrap="truncate-end">{lineText(line, width, theme)}</Text>;
}

/** A line as one string with its SGR codes, cut to `width` (when given) with the theme's ellipsis. */
export function lineText(full: StyledLine, width: number | undefined, theme: Theme): string {
  const line = width === undefined ? full : fitParts(full.map((segment) => segment.text), width, theme.glyphs.ellipsis).map((text, index) => ({ ...full[index]!, text })).filter((segment) => segment.text !== '');
  return ansiLine(line, theme.colour);
}
