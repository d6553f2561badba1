import { Box, Text } from 'ink';
import type { ResolutionEvent } from '../../../core/dns-sim/events.js';
import { wrapSegments } from '../../../core/markdown/wrap.js';
import { lineText } from '../../../core/markdown/styled-line.js';
import { stripControl } from '../../../core/text/sanitize.js';
import { StyledLineText } from '../../components/styled-line-text.js';
import { fitText } from '../../components/window.js';
import { useTheme } from '../../theme.js';
import { SPEEDS, type Playback } from './playback.js';
import { showMs } from './timeline-panel.js';

/** The run's title line: what runs, the seed, the step, the virtual time and the playback state. */
export function RunHeader({ title, seed, playback, stepCount, event, width }: { title: string; seed: number; playback: Playback; stepCount: number; event: ResolutionEvent | undefined; width: number }) {
  const theme = useTheme();
  const state = playback.playing ? `${theme.glyphs.play} playing` : `${theme.glyphs.pause} paused`;
  const right = `seed ${seed} ${theme.glyphs.separator} step ${playback.cursor + 1}/${stepCount} ${theme.glyphs.separator} t=${showMs(event?.timeMs ?? 0)} ${theme.glyphs.separator} ${state} ${SPEEDS[playback.speedIndex]}x`;
  return (
    <Box width={width}>
      <Box flexGrow={1}>
        <Text bold color={theme.tone.accent}>{fitText(title, Math.max(8, width - right.length - 2), theme.glyphs.ellipsis)}</Text>
      </Box>
      <Text dimColor>{fitText(right, width, theme.glyphs.ellipsis)}</Text>
    </Box>
  );
}

/** The lines the longest explanation of a run takes at a width, counted no further than `most`. */
export function explanationLines(events: readonly ResolutionEvent[], width: number, most: number): number {
  let lines = 1;
  for (const event of events) {
    if (lines >= most) break;
    // Text no longer than a line is one line: only longer ones are wrapped to count.
    if ((event.explanation?.length ?? 0) > width) lines = Math.max(lines, wrapExplanation(event, width).length);
  }
  return Math.min(lines, most);
}

function wrapExplanation(event: ResolutionEvent | undefined, width: number) {
  return wrapSegments([{ text: stripControl(event?.explanation ?? '') }], Math.max(10, width));
}

/** The current step's explanation, wrapped to the rows it has. */
export function StepExplanation({ event, rows, width }: { event: ResolutionEvent | undefined; rows: number; width: number }) {
  const theme = useTheme();
  const wrapped = wrapExplanation(event, width);
  const lines = wrapped.slice(0, rows);
  // A longer explanation ends in an ellipsis; the transcript (T) has it whole.
  if (wrapped.length > rows && lines.length > 0) lines[rows - 1] = [{ text: fitText(`${lineText(lines[rows - 1]!)} ${lineText(wrapped[rows]!)}`, width - 1, theme.glyphs.ellipsis) }];
  while (lines.length < rows) lines.push([]);
  return (
    <Box flexDirection="column" height={rows}>
      {lines.map((line, index) => (
        <StyledLineText key={index} line={line} width={width} />
      ))}
    </Box>
  );
}
