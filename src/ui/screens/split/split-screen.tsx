import { Box, Text } from 'ink';
import type { Route } from '../../app-state.js';
import { useKeys } from '../../hooks/use-keys.js';
import { useTheme } from '../../theme.js';
import type { ReaderState } from '../reader/reader-state.js';
import { ReaderScreen } from '../reader/reader-screen.js';
import { openSimulator, type SimulatorState } from '../simulator/simulator-state.js';
import { SimulatorScreen } from '../simulator/simulator-screen.js';

/** From this width the card and the simulator sit side by side; below it they are tabs. */
export const SIDE_BY_SIDE_COLUMNS = 120;

type SplitRoute = Extract<Route, { kind: 'split' }>;

/** What the split screen gets: the route holding both panes, and how to close the simulator pane. */
export interface SplitProps {
  route: SplitRoute;
  latest: () => SplitRoute;
  setRoute: (update: (route: SplitRoute) => SplitRoute) => void;
  onCloseScenario: () => void;
  live: () => boolean;
  width: number;
  height: number;
}

/** A card and its scenario together: side by side on a wide terminal, tabs on a narrow one; Tab moves the keys between them. */
export function SplitScreen({ route, latest, setRoute, onCloseScenario, live, width, height }: SplitProps) {
  const theme = useTheme();
  const wide = width >= SIDE_BY_SIDE_COLUMNS;
  useKeys('split', () => setRoute((current) => ({ ...current, focus: current.focus === 'card' ? 'sim' : 'card' })), { isActive: live });
  const setReader = (update: (state: ReaderState) => ReaderState) => setRoute((current) => ({ ...current, reader: update(current.reader) }));
  const setSim = (update: (state: SimulatorState) => SimulatorState) => setRoute((current) => ({ ...current, sim: update(current.sim) }));
  const showScenario = (_cardId: string, scenarioId: string) => setRoute((current) => ({ ...current, sim: openSimulator(scenarioId), focus: 'sim' }));
  const bodyHeight = Math.max(1, height - 1);
  const readerWidth = wide ? Math.floor(width * 0.42) : width;
  const simWidth = wide ? width - readerWidth - 1 : width;
  const tab = (label: string, focused: boolean) => (
    <Text bold={focused} inverse={focused && theme.colour} color={focused ? theme.tone.accent : undefined} dimColor={!focused}>
      {focused ? `${theme.glyphs.pointer}${label} ` : ` ${label} `}
    </Text>
  );
  const reader = (
    <ReaderScreen state={route.reader} latest={() => latest().reader} setState={setReader} live={() => live() && latest().focus === 'card'} width={readerWidth} height={bodyHeight} onScenario={showScenario} />
  );
  const sim = <SimulatorScreen state={route.sim} latest={() => latest().sim} setState={setSim} live={() => live() && latest().focus === 'sim'} width={simWidth} height={bodyHeight} onClose={onCloseScenario} />;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate-end">
        {tab('Card', route.focus === 'card')}
        <Text> </Text>
        {tab('Simulator', route.focus === 'sim')}
        <Text dimColor>{`   Tab switches ${wide ? 'pane' : 'tab'}`}</Text>
      </Text>
      {wide ? (
        <Box height={bodyHeight}>
          {reader}
          <Box width={1} height={bodyHeight} flexDirection="column">
            {Array.from({ length: bodyHeight }, (_, index) => (
              <Text key={index} dimColor>{theme.glyphs.lineV}</Text>
            ))}
          </Box>
          {sim}
        </Box>
      ) : route.focus === 'card' ? (
        reader
      ) : (
        sim
      )}
    </Box>
  );
}
