import { Box, Text } from 'ink';
import { bindingsOf, statusKeysLabel, type Feature, type Mode } from '../keymap.js';
import { useTheme } from '../theme.js';
import { StyledLineText } from './styled-line-text.js';
import { displayWidth } from '../../core/markdown/wrap.js';

/** The bottom line: the few keys that matter now, from the key table, as many as fit. */
export function StatusBar({ modes, features, width, right }: { modes: readonly Mode[]; features: ReadonlySet<Feature>; width: number; right?: string }) {
  const theme = useTheme();
  const items = modes.flatMap((mode) => bindingsOf(mode, features).filter((binding) => binding.status).map((binding) => ({ keys: statusKeysLabel(binding, theme.glyphs), label: binding.status! })));
  const room = width - (right ? displayWidth(right) + 2 : 0) - 1;
  const shown: typeof items = [];
  let used = 0;
  for (const item of items) {
    const cost = displayWidth(item.keys) + 1 + displayWidth(item.label) + 2;
    if (used + cost > room) break;
    shown.push(item);
    used += cost;
  }
  return (
    <Box width={width}>
      <Box flexGrow={1}>
        <StyledLineText line={shown.flatMap((item) => [{ text: item.keys, style: { bold: true, colour: theme.tone.accent } }, { text: ` ${item.label}  `, style: { dim: true } }])} />
      </Box>
      {right ? <Text dimColor>{right}</Text> : null}
    </Box>
  );
}
