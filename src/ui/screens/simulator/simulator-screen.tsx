import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { World } from '../../../core/dns-sim/world/world.js';
import { validateDomainName } from '../../../core/dns-sim/names/domain-name.js';
import { useKeys } from '../../hooks/use-keys.js';
import { useTicker } from '../../hooks/use-ticker.js';
import { useWorld } from '../../hooks/use-world.js';
import { useNavigator } from '../../nav.js';
import { useTheme } from '../../theme.js';
import type { ScreenProps } from '../../screen-props.js';
import { cachedRun, type SimRun } from './build-run.js';
import { CustomQueryForm } from './custom-query-form.js';
import { nextTickMs, type PlaybackAction } from './playback.js';
import { RunView } from './run-view.js';
import { switchablePanels } from './run-layout.js';
import { QUERY_TYPES, SCENARIO_LIST } from './scenario-catalog.js';
import { ScenarioPicker } from './scenario-picker.js';
import { simulatorReducer, type SimulatorAction, type SimulatorState } from './simulator-state.js';
import { TranscriptView, useTranscriptKeys } from './transcript-view.js';
import { useWhatIfKeys } from './use-what-if-keys.js';
import { nextSeed } from './what-if-menu.js';
import { isMessageStep } from './step-label.js';
import { suggestedNames } from './world-names.js';
import { summariseRun } from './run-summary.js';

/** What the simulator does when it is closed: go back (on its own) or close its pane (beside a card). */
export interface SimulatorProps extends ScreenProps<SimulatorState> {
  onClose?: () => void;
}

/** The simulator: pick a scenario or type a name, then watch the resolution step by step. */
export function SimulatorScreen(props: SimulatorProps) {
  const { world, error } = useWorld();
  const nav = useNavigator();
  const { glyphs } = useTheme();
  useKeys('scenarios', ({ action }) => (action === 'back' ? (props.onClose ?? nav.back)() : action === 'help' ? nav.showHelp() : undefined), { isActive: () => props.live() && !world });
  if (error) return <Text wrap="wrap">{`The simulator's world could not be loaded: ${error}`}</Text>;
  if (!world) return <Text dimColor>Loading the simulated Internet{glyphs.ellipsis}</Text>;
  return <LoadedSimulator {...props} world={world} />;
}

function LoadedSimulator({ world, state, setState, latest, live, width, height, onClose }: SimulatorProps & { world: World }) {
  const nav = useNavigator();
  const dispatch = (action: SimulatorAction) => setState((current) => simulatorReducer(current, action));
  const close = onClose ?? nav.back;
  const suggestions = useMemo(() => suggestedNames(world), [world]);

  useKeys(
    'scenarios',
    ({ action }) => {
      switch (action) {
        case 'up': return dispatch({ type: 'pickMove', by: -1, count: SCENARIO_LIST.length });
        case 'down': return dispatch({ type: 'pickMove', by: 1, count: SCENARIO_LIST.length });
        case 'open': return dispatch({ type: 'run', source: { kind: 'scenario', id: SCENARIO_LIST[latest().pickCursor]!.id } });
        case 'custom': return dispatch({ type: 'customOpen' });
        case 'help': return nav.showHelp();
        case 'back': return close();
      }
    },
    { isActive: () => live() && latest().view === 'pick' },
  );
  useKeys(
    'customQuery',
    ({ action }) => {
      switch (action) {
        case 'submit': {
          const name = latest().custom.name.trim();
          const checked = validateDomainName(name);
          if (!checked.ok) return dispatch({ type: 'customError', error: checked.message });
          return dispatch({ type: 'run', source: { kind: 'custom', name, type: QUERY_TYPES[latest().custom.typeIndex]! } });
        }
        case 'nextType': return dispatch({ type: 'customType', by: 1 });
        case 'prevType': return dispatch({ type: 'customType', by: -1 });
        case 'cancel': return dispatch({ type: 'toPicker' });
        default: return dispatch({ type: 'customEdit', edit: { type: action } });
      }
    },
    { isActive: () => live() && latest().view === 'custom', onText: (edit) => dispatch({ type: 'customEdit', edit }) },
  );

  if (state.view === 'pick') return <ScenarioPicker cursor={state.pickCursor} width={width} height={height} />;
  if (state.view === 'custom') return <CustomQueryForm name={state.custom.name} typeIndex={state.custom.typeIndex} error={state.custom.error} suggestions={suggestions} width={width} height={height} />;
  const run = state.source ? cachedRun(world, state.source, state.seed, state.whatIf) : { error: 'nothing to run' };
  if ('error' in run) return <RunError message={run.error} live={live} onBack={() => (state.fromPicker ? dispatch({ type: 'toPicker' }) : close())} />;
  return <Running world={world} run={run} state={state} latest={latest} dispatch={dispatch} width={width} height={height} live={live} close={close} />;
}

/** What the running view gets: the run, the state now and as rendered, and how to leave. */
interface RunningProps {
  world: World;
  run: SimRun;
  state: SimulatorState;
  latest: () => SimulatorState;
  dispatch: (action: SimulatorAction) => void;
  width: number;
  height: number;
  live: () => boolean;
  close: () => void;
}

function Running({ world, run, state, latest, dispatch, width, height, live, close }: RunningProps) {
  const theme = useTheme();
  const nav = useNavigator();
  const events = run.result.events;
  const context = { stepCount: events.length, travels: (index: number) => (events[index] ? isMessageStep(events[index]!) : false), reducedMotion: theme.reducedMotion };
  const play = (action: PlaybackAction) => dispatch({ type: 'playback', action, context });
  // Only a moving message or a playing run schedules a tick: paused, the app is idle.
  useTicker(state.view === 'run' ? nextTickMs(state.playback, theme.reducedMotion) : undefined, state.playback, () => play({ type: 'tick' }));

  useKeys(
    'simulator',
    ({ action }) => {
      switch (action) {
        case 'playPause': return play({ type: 'toggle' });
        case 'stepForward': return play({ type: 'step', by: 1 });
        case 'stepBack': return play({ type: 'step', by: -1 });
        case 'first': return play({ type: 'first' });
        case 'last': return play({ type: 'last' });
        case 'faster': return play({ type: 'faster' });
        case 'slower': return play({ type: 'slower' });
        case 'restart': return dispatch({ type: 'newSeed', seed: nextSeed(run.result.seed), before: summary(run) });
        // A session's menu offers only what applies to the whole session (what-if-menu.ts).
        case 'whatIf': return dispatch({ type: 'menu', menu: { level: 'top', cursor: 0 } });
        case 'panel': return dispatch({ type: 'panel', among: switchablePanels(width) });
        case 'hex': return dispatch({ type: 'hex' });
        case 'transcript': return dispatch({ type: 'transcript', open: true });
        case 'help': return nav.showHelp();
        case 'back': return latest().fromPicker ? dispatch({ type: 'toPicker' }) : close();
      }
    },
    { isActive: () => live() && latest().view === 'run' && !latest().menu },
  );
  useWhatIfKeys({ world, run, latest, dispatch, isActive: () => live() && latest().view === 'run' && Boolean(latest().menu) });
  useTranscriptKeys({ run, latest, dispatch, width, height, isActive: () => live() && latest().view === 'transcript' });

  if (state.view === 'transcript') return <TranscriptView run={run} top={state.transcriptTop} width={width} height={height} />;
  return <RunView world={world} run={run} state={state} width={width} height={height} />;
}

function summary(run: SimRun) {
  return summariseRun(run.result);
}

function RunError({ message, live, onBack }: { message: string; live: () => boolean; onBack: () => void }) {
  const nav = useNavigator();
  useKeys('scenarios', ({ action }) => (action === 'back' ? onBack() : action === 'help' ? nav.showHelp() : undefined), { isActive: live });
  return (
    <Box flexDirection="column">
      <Text>{`Cannot run this: ${message}`}</Text>
      <Text dimColor>Esc goes back.</Text>
    </Box>
  );
}
