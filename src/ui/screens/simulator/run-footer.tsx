import { Text } from 'ink';
import { fitText } from '../../components/window.js';
import { useTheme } from '../../theme.js';
import type { SimRun } from './build-run.js';
import { describeChange, summariseRun } from './run-summary.js';
import type { SimulatorState } from './simulator-state.js';
import { showMs } from './timeline-panel.js';

/** The run's last line: a notice, then what a what-if changed, the outcome at the end, or how to start. */
export function RunFooter({ run, state, cursor, width }: { run: SimRun; state: SimulatorState; cursor: number; width: number }) {
  const theme = useTheme();
  const arrow = theme.ascii ? '->' : '→';
  const atEnd = cursor >= run.result.events.length - 1;
  if (state.notice) return <Text color={theme.tone.warn} wrap="truncate-end">{fitText(state.notice, width, theme.glyphs.ellipsis)}</Text>;
  if (state.before && atEnd) {
    return <Text color={theme.tone.info} wrap="truncate-end">{fitText(describeChange(state.before, summariseRun(run.result), showMs, arrow), width, theme.glyphs.ellipsis)}</Text>;
  }
  if (atEnd) {
    const outcomes = run.result.outcomes.map((outcome) => `${outcome.status.toUpperCase()} in ${showMs(outcome.durationMs)}${outcome.addresses.length ? ` (${outcome.addresses.slice(0, 2).join(', ')})` : outcome.error ? ` (${outcome.error})` : ''}`);
    return <Text bold wrap="truncate-end">{fitText(`Done: ${outcomes.join('; ')}. w for what-if, r for a new seed, T for the transcript.`, width, theme.glyphs.ellipsis)}</Text>;
  }
  if (!state.playback.playing && cursor === 0) return <Text dimColor wrap="truncate-end">{fitText(`Space plays, ${theme.glyphs.right} or l steps, ${theme.glyphs.left} or h steps back.`, width, theme.glyphs.ellipsis)}</Text>;
  return <Text> </Text>;
}
