import { Box, Text } from 'ink';
import type { World } from '../../../core/dns-sim/world/world.js';
import { PickerView } from '../../components/picker-view.js';
import { useTheme } from '../../theme.js';
import type { SimRun } from './build-run.js';
import type { SimulatorState } from './simulator-state.js';
import { menuItems } from './what-if-menu.js';

const TITLES = { top: 'What if…? (Enter chooses, Esc closes)', servers: 'Take a server down (Enter switches it)', ttl: 'Change a TTL (+ and - change it, Esc when done)', clock: 'Advance the clock', personality: 'Which resolver program?' };

/** The what-if menu in place of the side panels; every change runs the scenario again at once. */
export function WhatIfPanel({ world, run, state, width, height }: { world: World; run: SimRun; state: SimulatorState; width: number; height: number }) {
  const theme = useTheme();
  const menu = state.menu!;
  const items = menuItems(menu, world, run, state.whatIf);
  return (
    <Box flexDirection="column" height={height} width={width}>
      <PickerView title={TITLES[menu.level].replace('…', theme.glyphs.ellipsis)} items={items} cursor={menu.cursor} width={Math.min(width, 90)} height={height} />
      {items.length === 0 ? <Text dimColor>nothing to change in this run</Text> : null}
    </Box>
  );
}
