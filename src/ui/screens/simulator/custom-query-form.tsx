import { Box, Text } from 'ink';
import { TextInputLine } from '../../components/text-input-line.js';
import { useTheme } from '../../theme.js';
import { QUERY_TYPES } from './scenario-catalog.js';
import { fitText } from '../../components/window.js';

/** The form for resolving any name: the name box and the record type, changed with the arrows. */
export function CustomQueryForm({ name, typeIndex, error, suggestions, width, height }: { name: string; typeIndex: number; error?: string; suggestions: string[]; width: number; height: number }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.tone.accent}>Resolve a name in the simulated Internet</Text>
      <Text> </Text>
      <TextInputLine label="Name:" value={name} focused placeholder="www.example.com" width={width} />
      <Text wrap="truncate-end">
        <Text dimColor>{'Type: '}</Text>
        {QUERY_TYPES.map((type, index) => (
          <Text key={type} bold={index === typeIndex} inverse={index === typeIndex && theme.colour} color={index === typeIndex ? theme.tone.accent : undefined}>
            {index === typeIndex ? `[${type}]` : ` ${type} `}
          </Text>
        ))}
      </Text>
      <Text> </Text>
      {error ? <Text color={theme.tone.bad}>{fitText(error, width, theme.glyphs.ellipsis)}</Text> : <Text dimColor>{fitText(`Some names in this world: ${suggestions.join(', ')}`, width, theme.glyphs.ellipsis)}</Text>}
      <Text dimColor>{fitText(`${theme.glyphs.up}/${theme.glyphs.down} change the type, Enter resolves, Esc cancels.`, width, theme.glyphs.ellipsis)}</Text>
    </Box>
  );
}
