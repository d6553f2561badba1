import { makeTheme, type Glyphs } from '../../theme.js';
import type { StatsAction } from './stats-state.js';

/** The subset of Ink's Key the stats screen reads. */
export interface StatsKeyPress {
  upArrow?: boolean;
  downArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  escape?: boolean;
  tab?: boolean;
  shift?: boolean;
}

interface Binding {
  /** The keys as the Unicode theme writes them. */
  keys: string;
  /** The keys in the glyph set in use, for keys drawn as glyphs (the arrows). */
  label?: (glyphs: Glyphs) => string;
  help: string;
  match: (input: string, key: StatsKeyPress) => boolean;
  command: StatsAction | { type: 'exit' };
}

const UNICODE = makeTheme({ colour: false, ascii: false, reducedMotion: false }).glyphs;
const down = (glyphs: Glyphs) => `j/${glyphs.down}`;
const up = (glyphs: Glyphs) => `k/${glyphs.up}`;

/** The stats screen's key table, for the hook, the footer and a help overlay. */
export const STATS_KEYS: readonly Binding[] = [
  { keys: down(UNICODE), label: down, help: 'down', match: (input, key) => input === 'j' || Boolean(key.downArrow), command: { type: 'scroll', by: 1 } },
  { keys: up(UNICODE), label: up, help: 'up', match: (input, key) => input === 'k' || Boolean(key.upArrow), command: { type: 'scroll', by: -1 } },
  { keys: 'space/PgDn', help: 'page down', match: (input, key) => input === ' ' || Boolean(key.pageDown), command: { type: 'page', by: 1 } },
  { keys: 'b/PgUp', help: 'page up', match: (input, key) => input === 'b' || Boolean(key.pageUp), command: { type: 'page', by: -1 } },
  { keys: 'tab', help: 'next section', match: (input, key) => (Boolean(key.tab) && !key.shift) || input === ']', command: { type: 'section', by: 1 } },
  { keys: 'shift-tab', help: 'previous section', match: (input, key) => (Boolean(key.tab) && Boolean(key.shift)) || input === '[', command: { type: 'section', by: -1 } },
  { keys: 'g/G', help: 'top/bottom', match: (input) => input === 'g', command: { type: 'top' } },
  { keys: '', help: '', match: (input) => input === 'G', command: { type: 'bottom' } },
  { keys: '?', help: 'show all keys', match: (input) => input === '?', command: { type: 'help', open: true } },
  { keys: 'q/esc', help: 'back', match: (input, key) => input === 'q' || Boolean(key.escape), command: { type: 'exit' } },
];

/** Maps a key press to a stats command; while the key help is open only ?, Esc and q do anything: they close it. */
export function resolveStatsKey(input: string, key: StatsKeyPress, helpOpen = false): Binding['command'] | undefined {
  if (helpOpen) return input === '?' || input === 'q' || key.escape ? { type: 'help', open: false } : undefined;
  return STATS_KEYS.find((binding) => binding.match(input, key))?.command;
}

/** How a binding's keys are written with `glyphs`: "j/↓", or "j/Down" in ASCII. */
export function statsKeysLabel(binding: Binding, glyphs: Glyphs): string {
  return binding.label?.(glyphs) ?? binding.keys;
}
