import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { World } from '../../../core/dns-sim/world/world.js';
import { StyledLineText } from '../../components/styled-line-text.js';
import { fitText } from '../../components/window.js';
import { useTheme } from '../../theme.js';
import { actorColumns } from './actors.js';
import type { SimRun } from './build-run.js';
import { CachePanel } from './cache-panel.js';
import { cacheAt } from './cache-view.js';
import { diagramLines } from './diagram.js';
import { DigPanel } from './session/dig-panel.js';
import { digPrintoutAt } from './session/dig-printout.js';
import { PacketPanel } from './packet-panel.js';
import { travelProgress } from './playback.js';
import { RunFooter } from './run-footer.js';
import { explanationLines, RunHeader, StepExplanation } from './run-header.js';
import { runLayout } from './run-layout.js';
import { sessionStepItems, sessionStepsLine } from './session/session-steps.js';
import type { SimulatorState } from './simulator-state.js';
import { TimelinePanel } from './timeline-panel.js';
import { WhatIfPanel } from './what-if-panel.js';

/** The run: header, explanation, the actors diagram with the message in flight, the side panels, and the footer. */
export function RunView({ world, run, state, width, height }: { world: World; run: SimRun; state: SimulatorState; width: number; height: number }) {
  const theme = useTheme();
  const events = run.result.events;
  const cursor = Math.min(state.playback.cursor, Math.max(0, events.length - 1));
  const event = events[cursor];
  const longest = useMemo(() => explanationLines(events, width, 4), [events, width]);
  // A session gives one row to its step list, so the learner sees which question plays.
  const stepsRow = run.session ? 1 : 0;
  const layout = runLayout(width, height - stepsRow, state.panel, longest);
  const columns = useMemo(() => actorColumns(events), [events]);
  const diagram = diagramLines({ events, columns, cursor, progress: travelProgress(state.playback), width, height: layout.diagramRows }, theme);
  const cache = useMemo(() => cacheAt(events, cursor, event?.timeMs ?? 0), [events, cursor, event]);
  const panelRows = state.menu ? Math.max(layout.panelRows, 0) : layout.panelRows;
  const dig = useMemo(() => digPrintoutAt(run.result, cursor), [run, cursor]);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <RunHeader title={run.title} seed={run.result.seed} playback={state.playback} stepCount={events.length} event={event} width={width} />
      {run.session ? <StyledLineText line={sessionStepsLine(sessionStepItems(run.session.steps, run.session.views, event?.queryIndex ?? 0), run.result.outcomes.length, event?.queryIndex ?? 0, width, theme.glyphs)} width={width} /> : null}
      <StepExplanation event={event} rows={layout.explanationRows} width={width} />
      <Box flexDirection="column" height={layout.diagramRows}>
        {diagram.map((line, index) => (
          <StyledLineText key={index} line={line} width={width} />
        ))}
      </Box>
      {state.menu && panelRows > 0 ? (
        <WhatIfPanel world={world} run={run} state={state} width={width} height={panelRows} />
      ) : dig && panelRows > 0 ? (
        <DigPanel printout={dig} width={width} height={panelRows} />
      ) : panelRows > 0 ? (
        <Box height={panelRows} width={width} flexDirection="row">
          {layout.panels.map(({ panel, width: panelWidth }, index) => (
            <Box key={panel} width={panelWidth} marginLeft={index > 0 ? 2 : 0}>
              {panel === 'timeline' ? (
                <TimelinePanel events={events} cursor={cursor} width={panelWidth} height={panelRows} />
              ) : panel === 'cache' ? (
                <CachePanel rows={cache} nowMs={event?.timeMs ?? 0} width={panelWidth} height={panelRows} />
              ) : (
                <PacketPanel events={events} cursor={cursor} showHex={state.showHex} width={panelWidth} height={panelRows} />
              )}
            </Box>
          ))}
        </Box>
      ) : null}
      {state.menu && panelRows === 0 ? <Text color={theme.tone.warn}>{fitText('The what-if menu needs a taller terminal.', width)}</Text> : <RunFooter run={run} state={state} cursor={cursor} width={width} />}
    </Box>
  );
}
