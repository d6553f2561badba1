import { Box, Text } from 'ink';
import { formatTraceText } from '../../../core/dns-sim/report/format-trace.js';
import type { StyledLine } from '../../../core/markdown/styled-line.js';
import { hardWrap } from '../../components/window.js';
import { StyledLineText } from '../../components/styled-line-text.js';
import { useKeys } from '../../hooks/use-keys.js';
import { useNavigator } from '../../nav.js';
import type { SimRun } from './build-run.js';
import type { SimulatorAction, SimulatorState } from './simulator-state.js';

const wrapped = new WeakMap<SimRun, Map<number, StyledLine[]>>();

/** The run as the plain text `swelearn sim` prints (no colour), wrapped to the width: for screen readers and copying. */
export function transcriptLines(run: SimRun, width: number): StyledLine[] {
  let perRun = wrapped.get(run);
  if (!perRun) wrapped.set(run, (perRun = new Map()));
  let lines = perRun.get(width);
  if (!lines) {
    const text = formatTraceText(run.result, run.heading, { color: false });
    lines = text.replace(/\n$/, '').split('\n').flatMap((line) => hardWrap(line, Math.max(10, width)).map((piece): StyledLine => (piece ? [{ text: piece }] : [])));
    perRun.set(width, lines);
  }
  return lines;
}

/** The transcript, scrolled like the reader. */
export function TranscriptView({ run, top, width, height }: { run: SimRun; top: number; width: number; height: number }) {
  const lines = transcriptLines(run, width);
  const shownTop = Math.min(top, Math.max(0, lines.length - height + 1));
  return (
    <Box flexDirection="column" width={width} height={height}>
      {lines.slice(shownTop, shownTop + height - 1).map((line, index) => (
        <StyledLineText key={shownTop + index} line={line} />
      ))}
      <Text dimColor>{`transcript: lines ${shownTop + 1}-${Math.min(lines.length, shownTop + height - 1)} of ${lines.length}; Esc returns to the animation`}</Text>
    </Box>
  );
}

/** The transcript's keys: scrolling, and back to the animation. */
export function useTranscriptKeys({ run, latest, dispatch, width, height, isActive }: { run: SimRun; latest: () => SimulatorState; dispatch: (action: SimulatorAction) => void; width: number; height: number; isActive: () => boolean }): void {
  const nav = useNavigator();
  const view = Math.max(1, height - 1);
  useKeys(
    'transcript',
    ({ action }) => {
      const maxTop = Math.max(0, transcriptLines(run, width).length - view);
      const top = Math.min(latest().transcriptTop, maxTop);
      const to = (next: number) => dispatch({ type: 'transcriptScroll', top: Math.max(0, Math.min(maxTop, next)) });
      switch (action) {
        case 'lineUp': return to(top - 1);
        case 'lineDown': return to(top + 1);
        case 'pageUp': return to(top - view + 1);
        case 'pageDown': return to(top + view - 1);
        case 'top': return to(0);
        case 'bottom': return to(maxTop);
        case 'help': return nav.showHelp();
        case 'back': return dispatch({ type: 'transcript', open: false });
      }
    },
    { isActive },
  );
}
