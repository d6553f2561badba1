import { editText, type TextEdit } from '../../components/text-edit.js';
import { clamp } from '../../components/window.js';
import { NO_WHAT_IF, QUERY_TYPES, type SimSource, type WhatIf } from '../../../app/simulator/sim-request.js';
import type { RunSource, SessionSource } from './build-run.js';
import { INITIAL_PLAYBACK, playbackReducer, type Playback, type PlaybackAction, type PlaybackContext } from './playback.js';
import type { RunSummary } from './run-summary.js';

/** The side panels of the run view; a narrow terminal shows one at a time. */
export type SidePanel = 'timeline' | 'cache' | 'packet';
const PANELS: SidePanel[] = ['timeline', 'cache', 'packet'];

/** Where the what-if menu is: its top level or one of its lists. */
export interface WhatIfMenu {
  level: 'top' | 'servers' | 'ttl' | 'clock' | 'personality';
  cursor: number;
}

/** The simulator: choosing what to run, the run's playback, what-ifs, and the transcript. */
export interface SimulatorState {
  view: 'pick' | 'custom' | 'run' | 'transcript';
  pickCursor: number;
  custom: { name: string; typeIndex: number; error?: string };
  source?: RunSource;
  /** Whether the run was chosen from the list here (Esc returns to it) rather than opened from a card. */
  fromPicker: boolean;
  /** The seed in use; undefined means the scenario's own. */
  seed?: number;
  whatIf: WhatIf;
  playback: Playback;
  panel: SidePanel;
  showHex: boolean;
  menu?: WhatIfMenu;
  /** The run before the last what-if or new seed, to say what changed. */
  before?: RunSummary;
  transcriptTop: number;
  notice?: string;
}

/** The simulator at its scenario list, or already running one scenario. */
export function openSimulator(scenarioId?: string): SimulatorState {
  const base: SimulatorState = { view: 'pick', fromPicker: false, pickCursor: 0, custom: { name: '', typeIndex: 0 }, whatIf: NO_WHAT_IF, playback: INITIAL_PLAYBACK, panel: 'timeline', showHex: false, transcriptTop: 0 };
  return scenarioId ? { ...base, view: 'run', source: { kind: 'scenario', id: scenarioId } } : base;
}

/** The simulator opened at a session's run (`swelearn sim --session FILE` in a terminal), paused at its first step. */
export function openSessionRun(source: SessionSource, seed: number | undefined, whatIf: WhatIf = NO_WHAT_IF): SimulatorState {
  return { ...openSimulator(), view: 'run', source, whatIf, ...(seed === undefined ? {} : { seed }) };
}

/** Something that happens in the simulator. */
export type SimulatorAction =
  | { type: 'pickMove'; by: number; count: number }
  | { type: 'run'; source: SimSource }
  | { type: 'customOpen' }
  | { type: 'customEdit'; edit: TextEdit }
  | { type: 'customType'; by: 1 | -1 }
  | { type: 'customError'; error: string }
  | { type: 'toPicker' }
  | { type: 'playback'; action: PlaybackAction; context: PlaybackContext }
  | { type: 'newSeed'; seed: number; before: RunSummary }
  | { type: 'whatIf'; whatIf: WhatIf; before: RunSummary; cursor?: number; notice: string; closeMenu?: boolean; menu?: WhatIfMenu }
  | { type: 'menu'; menu: WhatIfMenu | undefined }
  | { type: 'panel'; among: readonly SidePanel[] }
  | { type: 'hex' }
  | { type: 'transcript'; open: boolean }
  | { type: 'transcriptScroll'; top: number }
  | { type: 'notice'; text: string };

/** The next simulator state. */
export function simulatorReducer(state: SimulatorState, action: SimulatorAction): SimulatorState {
  // A notice stays up while playback ticks, and goes at the learner's next key.
  const tick = action.type === 'playback' && action.action.type === 'tick';
  const base = state.notice && !tick ? { ...state, notice: undefined } : state;
  switch (action.type) {
    case 'pickMove':
      return { ...base, pickCursor: clamp(state.pickCursor + action.by, 0, Math.max(0, action.count - 1)) };
    case 'run':
      return { ...base, view: 'run', fromPicker: true, source: action.source, seed: undefined, whatIf: NO_WHAT_IF, playback: INITIAL_PLAYBACK, before: undefined, menu: undefined, transcriptTop: 0 };
    case 'customOpen':
      return { ...base, view: 'custom', custom: { ...state.custom, error: undefined } };
    case 'customEdit':
      return { ...base, custom: { ...state.custom, name: editText(state.custom.name, action.edit), error: undefined } };
    case 'customType':
      return { ...base, custom: { ...state.custom, typeIndex: (state.custom.typeIndex + action.by + QUERY_TYPES.length) % QUERY_TYPES.length } };
    case 'customError':
      return { ...base, custom: { ...state.custom, error: action.error } };
    case 'toPicker':
      return { ...base, view: 'pick', menu: undefined };
    case 'playback':
      return { ...base, playback: playbackReducer(state.playback, action.action, action.context) };
    case 'newSeed':
      return { ...base, seed: action.seed, before: action.before, playback: { ...INITIAL_PLAYBACK, speedIndex: state.playback.speedIndex, playing: true }, notice: `new seed ${action.seed}: servers and round-trip times drawn again` };
    case 'whatIf':
      return {
        ...base, whatIf: action.whatIf, before: action.before, notice: action.notice, menu: action.closeMenu ? undefined : (action.menu ?? state.menu),
        playback: { ...INITIAL_PLAYBACK, cursor: action.cursor ?? 0, speedIndex: state.playback.speedIndex, playing: true },
      };
    case 'menu':
      return { ...base, menu: action.menu };
    case 'panel': {
      const among = action.among.length > 0 ? action.among : PANELS;
      // A panel not among the choices counts as the first one, which is what the layout shows for it.
      return { ...base, panel: among[(Math.max(0, among.indexOf(state.panel)) + 1) % among.length]! };
    }
    case 'hex':
      return { ...base, showHex: !state.showHex };
    case 'transcript':
      return { ...base, view: action.open ? 'transcript' : 'run' };
    case 'transcriptScroll':
      return { ...base, transcriptTop: Math.max(0, action.top) };
    case 'notice':
      return { ...base, notice: action.text };
  }
}
