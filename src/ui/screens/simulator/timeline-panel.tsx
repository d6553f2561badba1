import { Box, Text } from 'ink';
import type { Endpoint, ResolutionEvent } from '../../../core/dns-sim/events.js';
import { stripControl } from '../../../core/text/sanitize.js';
import { fitParts, fitText } from '../../components/window.js';
import { useListWindow } from '../../hooks/use-list-window.js';
import { useTheme } from '../../theme.js';
import { stepTone } from './diagram.js';
import { isMessageStep, stepLabel } from './step-label.js';

/** A party as the timeline names it: "app", "stub", a resolver's short name, or the level of a name server. */
export function endName(end: Endpoint): string {
  if (end.role === 'client') return 'app';
  if (end.role === 'stub') return 'stub';
  if (end.role === 'resolver') return stripControl(end.name).split(/[.\s]/)[0] || 'resolver';
  return end.role === 'tld' ? 'TLD' : end.role === 'authoritative' ? 'auth' : end.role;
}

/** A party with its name in full, for the packet inspector: "root g.root-servers.net". */
export function endFullName(end: Endpoint): string {
  return end.role === 'client' || end.role === 'stub' || end.role === 'resolver' ? endName(end) : `${endName(end)} ${stripControl(end.name)}`;
}

/** Milliseconds for a narrow column: "257 ms", "5.09 s", "60.0 s", "31 min". */
export function showMs(ms: number): string {
  if (Math.abs(ms) < 1000) return `${ms} ms`;
  if (Math.abs(ms) < 120_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  if (Math.abs(ms) < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

/** The steps so far (the future stays hidden) with their time on the virtual clock (cumulative latency) and the time since the step before. */
export function TimelinePanel({ events, cursor, width, height }: { events: readonly ResolutionEvent[]; cursor: number; width: number; height: number }) {
  const theme = useTheme();
  const rows = Math.max(1, height - 1);
  const start = useListWindow(cursor, rows, Math.min(events.length, cursor + 1));
  const arrow = theme.ascii ? '->' : '→';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{fitText(`Timeline  (step ${cursor + 1} of ${events.length})`, width, theme.glyphs.ellipsis)}</Text>
      {events.slice(start, Math.min(start + rows, cursor + 1)).map((event, offset) => {
        const index = start + offset;
        const selected = index === cursor;
        const previous = index > 0 ? events[index - 1]!.timeMs : event.timeMs;
        const delta = event.timeMs - previous;
        const who = isMessageStep(event) ? `${endName(event.from)} ${arrow} ${endName(event.to)}` : endName(event.from);
        const tone = stepTone(event);
        const time = `${showMs(event.timeMs).padStart(7)} ${delta > 0 ? `+${showMs(delta)}`.padStart(8) : ''.padStart(8)}`;
        const [marker, clock, party, label] = fitParts([selected ? theme.glyphs.pointer : ' ', time, `  ${who}  `, stepLabel(event)], width, theme.glyphs.ellipsis);
        return (
          <Text key={index} dimColor={!selected}>
            <Text color={theme.tone.accent} bold>{marker}</Text>
            <Text bold={selected} inverse={selected && theme.colour}>{clock}</Text>
            <Text>{party}</Text>
            <Text color={tone ? theme.tone[tone] : undefined} bold={selected}>{label}</Text>
          </Text>
        );
      })}
    </Box>
  );
}
