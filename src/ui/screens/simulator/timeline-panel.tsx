import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { Endpoint, ResolutionEvent } from '../../../core/dns-sim/events.js';
import { stripControl } from '../../../core/text/sanitize.js';
import { cellWidth, fitParts, fitText } from '../../components/window.js';
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

/** One step of the timeline in parts: its time on the virtual clock, the time since the step before, who, and what. */
export interface TimelineRow {
  time: string;
  since: string;
  who: string;
  label: string;
}

/** The parts of step `index`'s row. */
export function timelineRow(events: readonly ResolutionEvent[], index: number, arrow: string): TimelineRow {
  const event = events[index]!;
  const delta = index > 0 ? event.timeMs - events[index - 1]!.timeMs : 0;
  return {
    time: showMs(event.timeMs).padStart(7),
    since: ` ${(delta > 0 ? `+${showMs(delta)}` : '').padStart(8)}`,
    who: isMessageStep(event) ? `${endName(event.from)} ${arrow} ${endName(event.to)}` : endName(event.from),
    label: stripControl(stepLabel(event)),
  };
}

/**
 * How the timeline fits its width, the first way in which every label fits whole: one line a step, one
 * line without the time since the step before, or else the label on a line of its own below.
 */
export type TimelineFit = 'one-line' | 'no-since' | 'two-lines';

/** Chooses the timeline's fit for all the run's rows, so it stays put while stepping. */
export function timelineFit(rows: readonly TimelineRow[], width: number): TimelineFit {
  const widest = (since: boolean) => Math.max(0, ...rows.map((row) => 1 + cellWidth(row.time) + (since ? cellWidth(row.since) : 0) + cellWidth(row.who) + 4 + cellWidth(row.label)));
  if (widest(true) <= width) return 'one-line';
  return widest(false) <= width ? 'no-since' : 'two-lines';
}

/** How far a label on a line of its own is indented: under the parties when the widest label still fits, never less than 2. */
export function labelIndent(rows: readonly TimelineRow[], width: number): number {
  const party = 1 + Math.max(0, ...rows.map((row) => cellWidth(row.time + row.since))) + 2;
  return Math.max(2, Math.min(party, width - Math.max(0, ...rows.map((row) => cellWidth(row.label)))));
}

/** The steps so far (the future stays hidden) with their time on the virtual clock (cumulative latency) and the time since the step before. */
export function TimelinePanel({ events, cursor, width, height }: { events: readonly ResolutionEvent[]; cursor: number; width: number; height: number }) {
  const theme = useTheme();
  const arrow = theme.ascii ? '->' : '→';
  const rows = useMemo(() => events.map((_, index) => timelineRow(events, index, arrow)), [events, arrow]);
  const fit = useMemo(() => timelineFit(rows, width), [rows, width]);
  const indent = useMemo(() => ' '.repeat(labelIndent(rows, width)), [rows, width]);
  const steps = Math.max(1, fit === 'two-lines' ? Math.floor((height - 1) / 2) : height - 1);
  const start = useListWindow(cursor, steps, Math.min(events.length, cursor + 1));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{fitText(`Timeline  (step ${cursor + 1} of ${events.length})`, width, theme.glyphs.ellipsis)}</Text>
      {rows.slice(start, Math.min(start + steps, cursor + 1)).map((row, offset) => {
        const index = start + offset;
        const selected = index === cursor;
        const tone = stepTone(events[index]!);
        const clock = fit === 'no-since' ? row.time : row.time + row.since;
        const [marker, time, party, label] = fitParts([selected ? theme.glyphs.pointer : ' ', clock, `  ${row.who}  `, fit === 'two-lines' ? '' : row.label], width, theme.glyphs.ellipsis);
        const labelText = <Text color={tone ? theme.tone[tone] : undefined} bold={selected}>{fit === 'two-lines' ? fitText(indent + row.label, width, theme.glyphs.ellipsis) : label}</Text>;
        return (
          <Box key={index} flexDirection="column">
            <Text dimColor={!selected}>
              <Text color={theme.tone.accent} bold>{marker}</Text>
              <Text bold={selected} inverse={selected && theme.colour}>{time}</Text>
              <Text>{party}</Text>
              {fit === 'two-lines' ? null : labelText}
            </Text>
            {fit === 'two-lines' ? <Text dimColor={!selected}>{labelText}</Text> : null}
          </Box>
        );
      })}
    </Box>
  );
}
