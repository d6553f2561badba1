import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import { clamp, fitParts, fitText, padText } from './window.js';

/** One line of a key help panel: a group heading, a key and what it does, or (neither) a blank line. */
export interface KeyHelpRow {
  heading?: string;
  keys?: string;
  help?: string;
}

/** What the panel draws. */
export interface KeyHelpPanelProps {
  title: string;
  rows: readonly KeyHelpRow[];
  width: number;
  height: number;
  /** The first row shown when not all fit (clamped so the window stays full). */
  top?: number;
}

type PanelLine = KeyHelpRow | { note: string };

/** A bordered box of keys, one a line, windowed to its height, ending with how to quit at once; it looks like the app's help overlay. */
export function KeyHelpPanel({ title, rows, width, height, top = 0 }: KeyHelpPanelProps) {
  const theme = useTheme();
  const ellipsis = theme.glyphs.ellipsis;
  const inner = Math.max(1, width - 4);
  // Two border rows, the title and the Ctrl-C line.
  const lines = windowRows(rows, top, Math.max(1, height - 4), ellipsis);
  const keyWidth = Math.min(24, Math.max(0, ...rows.map((row) => row.keys?.length ?? 0)) + 2);
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle={theme.border} borderColor={theme.tone.accent} paddingX={1} overflow="hidden">
      <Text bold>{fitText(title, inner, ellipsis)}</Text>
      <Box flexDirection="column" flexGrow={1} overflow="hidden">
        {lines.map((line, index) =>
          'note' in line ? (
            <Text key={index} dimColor>{fitText(line.note, inner, ellipsis)}</Text>
          ) : line.heading ? (
            <Text key={index} bold color={theme.tone.accent}>{fitText(line.heading, inner, ellipsis)}</Text>
          ) : line.keys ? (
            <Text key={index}>
              {fitParts([padText(line.keys, keyWidth, ellipsis), line.help ?? ''], inner, ellipsis).map((part, at) => (
                <Text key={at} bold={at === 0}>{part}</Text>
              ))}
            </Text>
          ) : (
            <Text key={index}> </Text>
          ),
        )}
      </Box>
      <Text dimColor>{fitText('Ctrl-C quits at once', inner, ellipsis)}</Text>
    </Box>
  );
}

// The rows that fit from `top`; when rows are cut off above or below, the first or last line says how many are hidden.
function windowRows(rows: readonly KeyHelpRow[], top: number, view: number, ellipsis: string): PanelLine[] {
  if (rows.length <= view) return [...rows];
  const start = clamp(top, 0, rows.length - view);
  const lines: PanelLine[] = rows.slice(start, start + view);
  const below = rows.length - start - view;
  if (start > 0) lines[0] = { note: `${ellipsis} ${start + 1} more lines above` };
  if (below > 0) lines[lines.length - 1] = { note: `${ellipsis} ${below + 1} more lines below` };
  return lines;
}
