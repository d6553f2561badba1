import { Box, Text } from 'ink';
import { bindingsOf, statusKeysLabel, type Feature, type Mode } from '../keymap.js';
import { useTheme } from '../theme.js';
import { StyledLineText } from './styled-line-text.js';
import { fitStatus, type StatusItem } from './status-fit.js';

/** The bottom line: the few keys that matter now, from the key table; help, back and quit stay however narrow. */
export function StatusBar({ modes, features, width, right }: { modes: readonly Mode[]; features: ReadonlySet<Feature>; width: number; right?: string }) {
  const theme = useTheme();
  const items: StatusItem[] = modes.flatMap((mode) =>
    bindingsOf(mode, features)
      .filter((binding) => binding.status)
      .map((binding) => ({ keys: statusKeysLabel(binding, theme.glyphs), label: binding.status!, essential: binding.essential === true })),
  );
  const { shown, title } = fitStatus(items, width, right);
  return (
    <Box width={width}>
      <Box flexGrow={1}>
        <StyledLineText line={shown.flatMap((item) => [{ text: item.keys, style: { bold: true, colour: theme.tone.accent } }, { text: ` ${item.label}  `, style: { dim: true } }])} />
      </Box>
      {right && title ? <Text dimColor>{right}</Text> : null}
    </Box>
  );
}
